"""CASE 2021 Task 2 (event type of news snippets): loader and scorer.

Data: JSONL with ``id``, ``text`` and ``label`` (one of 30 codes). ``subtask1`` scores only
items whose gold label is one of the 25 ACLED sub-event types; ``all`` scores every item.
The prediction for a snippet is :func:`sitrep.events.label.document_label`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from sitrep.evaluation.metrics import AveragedF1, LabelScore, averaged_f1, per_label_scores
from sitrep.evaluation.processing import DatasetResult, DocumentRunner
from sitrep.evaluation.reading import read_jsonl
from sitrep.events.classifier import trained_on_hashes
from sitrep.events.label import document_label
from sitrep.events.taxonomy import sub_event_types
from sitrep.model import Article


@dataclass(frozen=True)
class CaseItem:
    id: str
    text: str
    label: str


@dataclass(frozen=True)
class CaseReport:
    all_labels: AveragedF1
    subtask1: AveragedF1
    per_label: dict[str, LabelScore]
    failed: int = 0
    seen_in_training: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "all": asdict(self.all_labels),
            "subtask1": asdict(self.subtask1),
            "per_label": {label: asdict(score) for label, score in self.per_label.items()},
            "failed": self.failed,
            # True when the event classifier was trained on this very file: the figures then
            # measure fit, not accuracy on unseen text (quote the cross-validated ones instead).
            "seen_in_training": self.seen_in_training,
        }


def load_case2021(path: Path, limit: int | None = None) -> list[CaseItem]:
    """Snippets of a CASE 2021 JSONL file."""
    return [CaseItem(str(r["id"]), str(r["text"]), str(r["label"]))
            for r in read_jsonl(path, ("id", "text", "label"), limit)]


def score_case2021(gold: Sequence[str], predicted: Sequence[str], failed: int = 0) -> CaseReport:
    """F1 over all 30 labels and over the 25 ACLED ones (subtask 1), plus per-label scores."""
    acled = set(sub_event_types())
    kept = [i for i, label in enumerate(gold) if label in acled]
    return CaseReport(
        all_labels=averaged_f1(gold, predicted),
        subtask1=averaged_f1([gold[i] for i in kept], [predicted[i] for i in kept]),
        per_label=per_label_scores(gold, predicted),
        failed=failed,
    )


def file_seen_in_training(path: Path) -> bool:
    """Whether the current event classifier was trained on the file at ``path``."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest in trained_on_hashes()


def evaluate_case2021(path: Path, runner: DocumentRunner, limit: int | None = None) -> DatasetResult:
    items = load_case2021(path, limit)
    articles = [Article.from_text(item.text, id=f"case2021-{item.id}") for item in items]
    batch = runner.run("case2021", articles, document_label)
    predicted = [label if label is not None else "" for label in batch.predictions]
    report = score_case2021([item.label for item in items], predicted, batch.failed)
    report = replace(report, seen_in_training=file_seen_in_training(path))
    details = [{"id": item.id, "gold": item.label, "predicted": label, "correct": item.label == label}
               for item, label in zip(items, predicted, strict=True)]
    return DatasetResult(report.to_json(), details)
