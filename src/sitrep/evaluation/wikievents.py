"""WikiEvents (full news documents, KAIROS event annotation): which sentences become events.

Data: JSONL, one document per line, with ``doc_id``, ``sentences`` (``[[token, start, end], ...],
sentence text`` pairs) and ``event_mentions`` (``event_type``, ``trigger.sent_idx``). The document's
own ``text`` field runs sentences together without a break ("...in SyriaThe desert..."), so the
article read is the sentences joined by blank lines, as a plain-text page would give them (headings and
list items on lines of their own).

A sentence is *gold* when it holds the trigger of an event of a type starting with ``Conflict.``,
``Life.Die``, ``Life.Injure`` or ``Justice.ArrestJailDetain``; it is *predicted* when one of sitrep's
events (any type, any prominence) has evidence in it: each evidence span counts for the data set's
sentence it overlaps most.

Keys of ``sitrep eval wikievents PATH --json``: ``documents``, ``failed``, ``events`` (events
predicted in all), ``sentences`` with ``p``, ``r``, ``f1``, ``tp``, ``fp``, ``fn`` (micro over every
sentence of every document).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.evaluation.metrics import f1_score, ratio
from sitrep.evaluation.processing import DatasetResult, DocumentRunner
from sitrep.evaluation.reading import data_file, read_jsonl
from sitrep.model import Article, Event, Span
from sitrep.pipeline.document import Document

SEPARATOR = "\n\n"
GOLD_PREFIXES = ("Conflict.", "Life.Die", "Life.Injure", "Justice.ArrestJailDetain")


@dataclass(frozen=True)
class WikiDocument:
    id: str
    sentences: tuple[tuple[int, int], ...]  # (start, end) of each sentence in ``text``
    text: str
    gold: frozenset[int]  # indices of sentences holding a gold trigger

    def article(self) -> Article:
        return Article.from_text(self.text, id=self.id, title=self.text[:self.sentences[0][1]] or None)


def is_gold_type(event_type: str) -> bool:
    return event_type.startswith(GOLD_PREFIXES)


def document_from_record(record: dict[str, Any]) -> WikiDocument:
    texts = [str(sentence[1]) for sentence in record["sentences"]]
    bounds, start = [], 0
    for text in texts:
        bounds.append((start, start + len(text)))
        start += len(text) + len(SEPARATOR)
    gold = frozenset(int(m["trigger"]["sent_idx"]) for m in record.get("event_mentions", [])
                     if is_gold_type(str(m.get("event_type", ""))))
    return WikiDocument(str(record["doc_id"]), tuple(bounds), SEPARATOR.join(texts), gold)


def load_wikievents(path: Path, limit: int | None = None) -> list[WikiDocument]:
    return [document_from_record(r) for r in read_jsonl(path, ("doc_id", "sentences"), limit)]


def sentence_of(span: Span, sentences: Sequence[tuple[int, int]]) -> int | None:
    """Index of the sentence the span overlaps most (None when it overlaps none)."""
    best, best_overlap = None, 0
    for i, (start, end) in enumerate(sentences):
        overlap = min(end, span.end) - max(start, span.start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def predicted_sentences(events: Sequence[Event], sentences: Sequence[tuple[int, int]]) -> set[int]:
    return {i for event in events for span in event.evidence
            if (i := sentence_of(span, sentences)) is not None}


def _events(doc: Document) -> list[Event]:
    return list(doc.events)


def score_wikievents(predicted: Sequence[Sequence[Event] | None], documents: Sequence[WikiDocument],
                     failed: int = 0) -> DatasetResult:
    tp = fp = fn = n_events = 0
    details = []
    for events, document in zip(predicted, documents, strict=True):
        events = list(events or [])
        n_events += len(events)
        found = predicted_sentences(events, document.sentences)
        tp += len(found & document.gold)
        fp += len(found - document.gold)
        fn += len(document.gold - found)
        details.append({
            "id": document.id, "gold": sorted(document.gold), "predicted": sorted(found),
            "false_positives": [document.text[slice(*document.sentences[i])][:200] for i in sorted(found - document.gold)],
            "missed": [document.text[slice(*document.sentences[i])][:200] for i in sorted(document.gold - found)],
            "events": [{"type": e.sub_event_type, "prominence": e.prominence,
                        "date": e.date.isoformat() if e.date else None,
                        "place": e.location.name if e.location else None,
                        "killed": e.fatalities.best, "injured": e.injured.best,
                        "evidence": [s.text[:160] for s in e.evidence]} for e in events]})
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    scores = {"documents": len(documents), "failed": failed, "events": n_events,
              "sentences": {"p": round(p, 4), "r": round(r, 4), "f1": round(f1_score(p, r), 4),
                            "tp": tp, "fp": fp, "fn": fn}}
    return DatasetResult(scores, details)


def evaluate_wikievents(path: Path, runner: DocumentRunner, limit: int | None = None) -> DatasetResult:
    documents = load_wikievents(data_file(path), limit)
    batch = runner.run("wikievents", [d.article() for d in documents], _events)
    return score_wikievents(batch.predictions, documents, batch.failed)
