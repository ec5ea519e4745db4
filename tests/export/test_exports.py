import csv
import io
import json
from datetime import date

from sitrep.export import WRITERS
from sitrep.export.acled_csv import COLUMNS
from sitrep.model import Actor, Claim, Count, Event, Place, make_span

TEXT = "Rebels attacked Bama on Friday, killing three soldiers."


def _event(with_place: bool = True) -> Event:
    sentence = make_span(TEXT, 0, len(TEXT))
    return Event(
        id="e1", article_ids=["a1"], sources=["Wire"], event_type="Battles", sub_event_type="Armed clash",
        plover_type="ASSAULT", date=date(2024, 1, 5), date_precision=1,
        actor1=Actor(name="Boko Haram", inter=2, spans=[make_span(TEXT, 0, 6)]),
        actor2=Actor(name="Military Forces of Nigeria", inter=1),
        location=Place(name="Bama", country="Nigeria", country_code="NG", lat=11.52, lon=13.69, geo_precision=1,
                       spans=[make_span(TEXT, 16, 20)]) if with_place else None,
        fatalities=Count(low=3, best=3, high=3),
        claims=[Claim(fact="event", claimant="Wire", stance="asserted", span=sentence)],
        evidence=[sentence],
    )


def test_csv_has_acled_columns_and_values() -> None:
    out = io.StringIO()
    assert WRITERS["csv"]([_event()], out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(COLUMNS)
    row = rows[0]
    assert row["event_date"] == "2024-01-05" and row["fatalities"] == "3" and row["interaction"] == "12"
    assert row["latitude"] == "11.5200" and row["location"] == "Bama" and row["notes"] == TEXT


def test_geojson_orders_lon_lat_and_counts_unlocated() -> None:
    out = io.StringIO()
    WRITERS["geojson"]([_event(), _event(with_place=False)], out)
    collection = json.loads(out.getvalue())
    assert collection["features"][0]["geometry"]["coordinates"] == [13.69, 11.52]
    assert collection["sitrep_unlocated"] == ["e1"]


def test_json_and_jsonl_round_trip() -> None:
    for fmt in ("json", "jsonl"):
        out = io.StringIO()
        WRITERS[fmt]([_event(), _event()], out)
        text = out.getvalue()
        records = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
        assert [Event.model_validate(r) for r in records] == [_event(), _event()]


def test_empty_json_is_an_empty_array() -> None:
    out = io.StringIO()
    WRITERS["json"]([], out)
    assert json.loads(out.getvalue()) == []
