"""ACLED exports (CSV or JSONL with ACLED's column names): loader and scorer.

The text is ``notes``; ``event_date`` anchors relative dates ("on Saturday") as the
publication date. Numbers may come as strings or floats ("3.0"). The prediction for a row is
the document's most confident event (the first among equals); a row without any event scores
0 on every field but ``fatalities_exact``, where no event means 0 fatalities.

- ``event_type_acc`` / ``sub_event_type_acc``: same ACLED name, ignoring case;
- ``actor1_acc``: same actor name as ACLED's (``Actor.acled_name``, else sitrep's name), ignoring case
  and spacing;
- ``fatalities_exact``: best fatality count (none = 0) equals ``fatalities``;
- ``date_exact``: event date equals ``event_date``;
- ``acc_161km``: event location within 161 km of latitude/longitude, over rows with coordinates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sitrep.evaluation.metrics import ACCURACY_RADIUS_KM, haversine_km, ratio
from sitrep.evaluation.processing import DatasetResult, DocumentRunner
from sitrep.evaluation.reading import malformed, read_records
from sitrep.events.taxonomy import sub_event_types
from sitrep.model import Article, Event

REQUIRED_COLUMNS = ("event_date", "event_type", "sub_event_type", "notes")
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d/%m/%Y", "%Y-%m-%dT%H:%M:%S")


@dataclass(frozen=True)
class AcledRow:
    """The gold values of one ACLED event."""

    id: str
    notes: str
    event_date: dt.date
    event_type: str
    sub_event_type: str
    actor1: str
    fatalities: int
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class AcledPrediction:
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    fatalities: int = 0
    date: dt.date | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class AcledReport:
    n: int
    event_type_acc: float
    sub_event_type_acc: float
    actor1_acc: float
    fatalities_exact: float
    date_exact: float
    acc_161km: float
    failed: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def parse_acled_date(value: str) -> dt.date:
    """ACLED dates: ISO ``2021-09-04`` or ``04 September 2021`` and close variants."""
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unrecognised date {value!r}")


def parse_number(value: Any) -> float | None:
    """``3``, ``"3"``, ``3.0`` and ``"3.0"`` -> 3.0; empty -> None."""
    if value is None or str(value).strip() == "":
        return None
    return float(str(value).strip())


def normalise_name(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()


def row_from_record(record: dict[str, Any], index: int) -> AcledRow:
    fatalities = parse_number(record.get("fatalities"))
    return AcledRow(
        id=str(record.get("event_id_cnty") or record.get("data_id") or index),
        notes=str(record["notes"] or ""),
        event_date=parse_acled_date(record["event_date"]),
        event_type=str(record["event_type"] or ""),
        sub_event_type=str(record["sub_event_type"] or ""),
        actor1=str(record.get("actor1") or ""),
        fatalities=int(fatalities or 0),
        latitude=parse_number(record.get("latitude")),
        longitude=parse_number(record.get("longitude")),
    )


def acled_file(path: Path) -> Path:
    """``path`` itself, or the first .csv / .jsonl file of a folder."""
    if not path.is_dir():
        return path
    files = sorted([*path.glob("*.csv"), *path.glob("*.jsonl")])
    if not files:
        raise malformed(path, "no .csv or .jsonl file in this folder")
    return files[0]


def load_acled(path: Path, limit: int | None = None) -> list[AcledRow]:
    path = acled_file(path)
    rows = []
    for index, record in enumerate(read_records(path, REQUIRED_COLUMNS, limit), start=1):
        try:
            rows.append(row_from_record(record, index))
        except (TypeError, ValueError) as exc:
            raise malformed(path, f"record {index}: {exc}") from exc
    return rows


def sub_event_name(value: str) -> str:
    """An ACLED sub-event name, also when given as a CASE 2021 code (ARMED_CLASH)."""
    known = sub_event_types().get(value)
    return known.name if known else value


def prediction_from_events(events: Sequence[Event]) -> AcledPrediction:
    if not events:
        return AcledPrediction()
    event = max(events, key=lambda e: e.confidence)  # max keeps the first among equals
    location = event.location
    return AcledPrediction(
        event_type=event.event_type,
        sub_event_type=sub_event_name(event.sub_event_type),
        actor1=(event.actor1.acled_name or event.actor1.name) if event.actor1 else "",
        fatalities=event.fatalities.best or 0,
        date=event.date,
        latitude=location.lat if location else None,
        longitude=location.lon if location else None,
    )


def within_radius(row: AcledRow, predicted: AcledPrediction) -> bool:
    if row.latitude is None or row.longitude is None or predicted.latitude is None or predicted.longitude is None:
        return False
    return haversine_km(row.latitude, row.longitude, predicted.latitude, predicted.longitude) <= ACCURACY_RADIUS_KM


def score_acled(rows: Sequence[AcledRow], predicted: Sequence[AcledPrediction], failed: int = 0) -> AcledReport:
    pairs = list(zip(rows, predicted, strict=True))
    n = len(pairs)

    def share(hits: int) -> float:
        return ratio(hits, n)

    located = [(r, p) for r, p in pairs if r.latitude is not None and r.longitude is not None]
    return AcledReport(
        n=n,
        event_type_acc=share(sum(normalise_name(r.event_type) == normalise_name(p.event_type) for r, p in pairs)),
        sub_event_type_acc=share(sum(normalise_name(r.sub_event_type) == normalise_name(p.sub_event_type)
                                     for r, p in pairs)),
        actor1_acc=share(sum(bool(r.actor1) and normalise_name(r.actor1) == normalise_name(p.actor1)
                             for r, p in pairs)),
        fatalities_exact=share(sum(r.fatalities == p.fatalities for r, p in pairs)),
        date_exact=share(sum(r.event_date == p.date for r, p in pairs)),
        acc_161km=ratio(sum(within_radius(r, p) for r, p in located), len(located)),
        failed=failed,
    )


def evaluate_acled(path: Path, runner: DocumentRunner, limit: int | None = None) -> DatasetResult:
    rows = load_acled(path, limit)
    articles = [Article.from_text(row.notes, id=f"acled-{row.id}-{i}", published=row.event_date)
                for i, row in enumerate(rows)]
    batch = runner.run("acled", articles, lambda doc: prediction_from_events(doc.events))
    predicted = [p if p is not None else AcledPrediction() for p in batch.predictions]
    report = score_acled(rows, predicted, batch.failed)
    details = [{"id": row.id, "gold": {k: v for k, v in asdict(row).items() if k != "notes"},
                "predicted": asdict(prediction)}
               for row, prediction in zip(rows, predicted, strict=True)]
    return DatasetResult(report.to_json(), details)
