"""The document-level label used by the CASE 2021 scorer: one code per snippet.

A CASE snippet reports one event, often over two or three sentences, so the whole
snippet is one classifier unit (the model was trained on such units): its MiniLM
embedding, cue flags and lemma terms go through the full head, and the best of
the 30 event codes wins ("not an event" is not an answer here).
"""

from __future__ import annotations

from sitrep.events.classifier import NONE, get_classifier, make_unit
from sitrep.events.embed import get_encoder
from sitrep.pipeline.document import Document

FALLBACK = "ARMED_CLASH"  # the most frequent ACLED code, for a document with no text at all


def document_label(doc: Document) -> str:
    """CASE 2021 code (25 ACLED codes + the 5 extra ones) for a document."""
    if doc.parsed is None or not doc.text.strip():
        mentions = [m for m in doc.event_mentions if m.sub_event_type != NONE]
        return max(mentions, key=lambda m: m.score).sub_event_type if mentions else FALLBACK
    model = get_classifier()
    unit = make_unit(list(doc.parsed.sents))
    proba = model.full_proba([unit], get_encoder().encode([unit.text]))[0]
    ranked = sorted(range(len(model.classes)), key=lambda i: -proba[i])
    return next(model.classes[i] for i in ranked if model.classes[i] != NONE)
