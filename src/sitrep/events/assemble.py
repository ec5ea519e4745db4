"""Assembly: turn per-sentence mentions into Event records, merging mentions of one event.

STUB (issue #3 replaces it): one event per mention, with the actors, date, place and
figures found in the same sentence.
"""

from __future__ import annotations

import hashlib

from sitrep.events.taxonomy import lookup
from sitrep.model import Count, Event
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document


def event_id(article_id: str, sentence_start: int, code: str) -> str:
    return "e" + hashlib.sha1(f"{article_id}:{sentence_start}:{code}".encode()).hexdigest()[:15]


class EventAssembler(Component[list[Event]]):
    """Builds Event records from the mentions the earlier stages wrote."""

    name = "events.assemble"
    reads = ("event_mentions", "actors", "dates", "quantities", "materiel", "toponyms")
    writes = ("events",)

    def match(self, doc: Document) -> list[Event]:
        events = []
        for mention in doc.event_mentions:
            sub = lookup(mention.sub_event_type)
            sent = doc.sentences[mention.sent]
            actors = [a.actor for a in doc.actors if a.sent == mention.sent]
            dates = [d for d in doc.dates if d.sent == mention.sent]
            places = [t.place for t in doc.toponyms if t.sent == mention.sent and t.place]
            killed = [q.quantity for q in doc.quantities if q.sent == mention.sent and q.quantity.kind == "killed"]
            events.append(Event(
                id=event_id(doc.article.id, sent.start, sub.code),
                article_ids=[doc.article.id],
                event_type=sub.event_type,
                sub_event_type=sub.name,
                plover_type=sub.plover,
                date=dates[0].value if dates else doc.article.published,
                date_precision=dates[0].precision if dates else (1 if doc.article.published else None),
                date_span=dates[0].span if dates else None,
                actor1=actors[0] if actors else None,
                actor2=actors[1] if len(actors) > 1 else None,
                location=places[0] if places else None,
                fatalities=Count(low=min((q.value for q in killed), default=None),
                                 best=min((q.value for q in killed), default=None),
                                 high=max((q.value for q in killed), default=None), reported=killed),
                materiel=[m.materiel for m in doc.materiel if m.sent == mention.sent],
                confidence=mention.score,
                evidence=[sent],
            ))
        return events

    def set_annotations(self, doc: Document, found: list[Event]) -> None:
        doc.events = found
