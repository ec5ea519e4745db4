import datetime as dt
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.evaluation.acled import (
    AcledPrediction,
    evaluate_acled,
    load_acled,
    parse_acled_date,
    parse_number,
    prediction_from_events,
    score_acled,
)
from sitrep.model import Actor, Count, Event, Place
from sitrep.pipeline.document import Document

FIXTURES = Path(__file__).parent / "fixtures"


def test_dates_and_numbers_in_acled_formats() -> None:
    assert parse_acled_date("2022-03-05") == dt.date(2022, 3, 5)
    assert parse_acled_date("06 March 2022") == dt.date(2022, 3, 6)
    assert parse_number("3.0") == 3.0 and parse_number(2) == 2.0 and parse_number("") is None
    with pytest.raises(ValueError):
        parse_acled_date("March")


def test_load_csv_and_jsonl_fixtures() -> None:
    csv_rows = load_acled(FIXTURES / "acled_sample.csv")
    assert [r.fatalities for r in csv_rows] == [3, 0, 0]
    assert csv_rows[1].event_date == dt.date(2022, 3, 6)
    assert csv_rows[2].latitude is None
    jsonl_rows = load_acled(FIXTURES / "acled_sample.jsonl")
    assert jsonl_rows[0].latitude == 12.0 and jsonl_rows[0].fatalities == 2
    assert len(load_acled(FIXTURES / "acled_sample.csv", limit=1)) == 1


def test_csv_without_notes_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("event_date,event_type,sub_event_type\n2022-01-01,Battles,Armed clash\n", encoding="utf-8")
    with pytest.raises(SitrepError, match="notes"):
        load_acled(path)


def event(**fields: object) -> Event:
    base: dict[str, object] = {"id": "e1", "article_ids": ["a"], "event_type": "Battles",
                               "sub_event_type": "Armed clash"}
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def test_prediction_takes_the_most_confident_event() -> None:
    events = [event(confidence=0.2, event_type="Riots"),
              event(confidence=0.9, actor1=Actor(name="Northern Test Rebels"),
                    fatalities=Count(best=3), location=Place(name="X", lat=1.0, lon=2.0))]
    prediction = prediction_from_events(events)
    assert prediction.event_type == "Battles" and prediction.actor1 == "Northern Test Rebels"
    assert prediction.fatalities == 3 and prediction.latitude == 1.0
    assert prediction_from_events([]) == AcledPrediction()
    assert prediction_from_events([event(sub_event_type="AIR_STRIKE")]).sub_event_type == "Air/drone strike"


def test_score_acled_on_fixture_rows() -> None:
    rows = load_acled(FIXTURES / "acled_sample.csv")
    predicted = [
        AcledPrediction(event_type="battles", sub_event_type="Armed clash", actor1="military forces of  testland",
                        fatalities=3, date=dt.date(2022, 3, 5), latitude=10.5, longitude=20.3),
        AcledPrediction(event_type="Protests", sub_event_type="Protest with intervention", fatalities=0,
                        date=dt.date(2022, 3, 7), latitude=30.0, longitude=30.0),
        AcledPrediction(),
    ]
    report = score_acled(rows, predicted)
    assert report.n == 3
    assert report.event_type_acc == pytest.approx(2 / 3)
    assert report.sub_event_type_acc == pytest.approx(1 / 3)
    assert report.actor1_acc == pytest.approx(1 / 3)
    assert report.fatalities_exact == 1.0
    assert report.date_exact == pytest.approx(1 / 3)
    assert report.acc_161km == 0.5  # the third row has no coordinates


def test_evaluate_acled_anchors_on_event_date(stub_runner) -> None:
    def annotate(doc: Document) -> None:
        doc.events = [event(date=doc.article.published)]

    result = evaluate_acled(FIXTURES / "acled_sample.jsonl", stub_runner(annotate))
    assert result.scores["n"] == 2 and result.scores["date_exact"] == 1.0 and result.scores["failed"] == 0
    assert result.items[0]["gold"]["fatalities"] == 2 and "notes" not in result.items[0]["gold"]
