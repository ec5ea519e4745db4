"""ISAF press releases (Afghanistan 2009-2013): loader and scorer.

Data: JSONL with ``id``, ``text`` and ``gold`` (start_date, event_type, province, target_group,
min_killed, min_captured, ...). As in the published baselines, the set-valued fields score
|predicted ∩ gold| / |gold|; the others score exact equality. Gold values may join several
items with ';' ("hig;taliban") and an empty gold set is written ``[""]``: an empty gold set
scores 1 when the prediction is empty too, else 0.
The prediction is :func:`sitrep.evaluation.isaf_adapter.isaf_fields` on the text read through
the plain-text ingest path, so the release's dateline can set the publication date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluation.isaf_adapter import IsafFields, isaf_fields
from sitrep.evaluation.metrics import ratio
from sitrep.evaluation.processing import DatasetResult, DocumentRunner
from sitrep.evaluation.reading import read_jsonl
from sitrep.ingest.plaintext import article_from_plain_text

SET_FIELDS = ("event_type", "province", "target_group")
EXACT_FIELDS = ("start_date", "min_killed", "min_captured")


@dataclass(frozen=True)
class IsafItem:
    id: str
    text: str
    gold: IsafFields


@dataclass(frozen=True)
class IsafAccuracy:
    event_type: float
    province: float
    start_date: float
    target_group: float
    min_killed: float
    min_captured: float


@dataclass(frozen=True)
class IsafReport:
    n: int
    accuracy: IsafAccuracy
    failed: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class IsafItemScore:
    """One release's score per field, 0-1."""

    values: dict[str, float] = field(default_factory=dict)


def value_set(values: Iterable[str]) -> frozenset[str]:
    """Normalised set: lower-case, ';'-joined items split, empty strings dropped."""
    return frozenset(part.strip().lower() for value in values for part in str(value).split(";") if part.strip())


def set_overlap(predicted: Iterable[str], gold: Iterable[str]) -> float:
    """|predicted ∩ gold| / |gold|; an empty gold set scores 1 only for an empty prediction."""
    gold_set, pred_set = value_set(gold), value_set(predicted)
    if not gold_set:
        return 1.0 if not pred_set else 0.0
    return len(gold_set & pred_set) / len(gold_set)


def gold_fields(gold: dict[str, Any]) -> IsafFields:
    return IsafFields(
        start_date=str(gold["start_date"]) if gold.get("start_date") else None,
        event_type=[str(v) for v in gold.get("event_type", [])],
        province=[str(v) for v in gold.get("province", [])],
        target_group=[str(v) for v in gold.get("target_group", [])],
        min_killed=int(gold.get("min_killed") or 0),
        min_captured=int(gold.get("min_captured") or 0),
    )


def load_isaf(path: Path, limit: int | None = None) -> list[IsafItem]:
    return [IsafItem(str(r["id"]), str(r["text"]), gold_fields(r["gold"]))
            for r in read_jsonl(path, ("id", "text", "gold"), limit)]


def score_item(predicted: IsafFields, gold: IsafFields) -> IsafItemScore:
    values = {name: set_overlap(getattr(predicted, name), getattr(gold, name)) for name in SET_FIELDS}
    values.update({name: float(getattr(predicted, name) == getattr(gold, name)) for name in EXACT_FIELDS})
    return IsafItemScore(values)


def score_isaf(predicted: Sequence[IsafFields], gold: Sequence[IsafFields], failed: int = 0) -> IsafReport:
    """Mean per-field score over all releases."""
    scores = [score_item(p, g) for p, g in zip(predicted, gold, strict=True)]
    n = len(scores)
    means = {name: ratio(sum(s.values[name] for s in scores), n) for name in (*SET_FIELDS, *EXACT_FIELDS)}
    return IsafReport(n=n, accuracy=IsafAccuracy(**means), failed=failed)


def evaluate_isaf(path: Path, runner: DocumentRunner, limit: int | None = None) -> DatasetResult:
    items = load_isaf(path, limit)
    articles = [article_from_plain_text(item.text, source=f"{path}#{item.id}") for item in items]
    batch = runner.run("isaf", articles, isaf_fields)
    predicted = [fields if fields is not None else IsafFields() for fields in batch.predictions]
    report = score_isaf(predicted, [item.gold for item in items], batch.failed)
    details = [{"id": item.id, "gold": asdict(item.gold), "predicted": asdict(fields),
                "scores": score_item(fields, item.gold).values}
               for item, fields in zip(items, predicted, strict=True)]
    return DatasetResult(report.to_json(), details)
