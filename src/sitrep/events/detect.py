"""Event detection and typing: which sentences report an event, and of which sub-event type.

STUB (issue #3 replaces it): a tiny trigger lexicon so the pipeline runs end to end.
"""

from __future__ import annotations

from sitrep.events.taxonomy import lookup
from sitrep.model import EventMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document

_TRIGGERS = {"clash": "ARMED_CLASH", "fought": "ARMED_CLASH", "airstrike": "AIR_STRIKE",
             "protest": "PEACE_PROTEST", "arrested": "ARREST", "killed": "ARMED_CLASH"}


class EventDetector(Component[list[EventMention]]):
    """Finds event mentions per sentence and types them (ACLED sub-event type)."""

    name = "events.detect"
    reads = ("parsed", "sentences")
    writes = ("event_mentions",)

    def match(self, doc: Document) -> list[EventMention]:
        found = []
        for i, sent in enumerate(doc.sentences):
            lowered = sent.text.lower()
            for word, code in _TRIGGERS.items():
                at = lowered.find(word)
                if at >= 0:
                    sub = lookup(code)
                    trigger = doc.span(sent.start + at, sent.start + at + len(word))
                    found.append(EventMention(i, code, sub.event_type, 0.6, trigger))
                    break
        return found

    def set_annotations(self, doc: Document, found: list[EventMention]) -> None:
        doc.event_mentions = found
