"""Assembly: turn per-sentence mentions into Event records, merging mentions of one event.

Mentions of the 25 ACLED sub-event types are grouped into events (``events.merge``); each event then
takes its actors from the roles the parse gave (actor1 = agent, actor2 = patient), its date and place
from the nearest mention (``events.fields``), its figures from the quantities in its sentences, and the
sentences themselves as evidence. Ids are content hashes, stable across runs.
"""

from __future__ import annotations

import hashlib

from sitrep.events import taxonomy
from sitrep.events.actors import EventActors, choose_actors
from sitrep.events.fields import CAPTURE_KINDS, choose_date, choose_place, summarise
from sitrep.events.merge import Cluster, cluster_mentions
from sitrep.model import Event, EventMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document


def event_id(article_id: str, sentence_start: int, code: str) -> str:
    return "e" + hashlib.sha1(f"{article_id}:{sentence_start}:{code}".encode(), usedforsecurity=False).hexdigest()[:15]


def is_acled(code: str) -> bool:
    """One of ACLED's 25 sub-event types (CASE 2021's five extra labels and 'not an event' are not)."""
    return taxonomy.is_acled(code)


class EventAssembler(Component[list[Event]]):
    """Builds Event records from the mentions the earlier stages wrote."""

    name = "events.assemble"
    reads = ("event_mentions", "actors", "dates", "quantities", "materiel", "toponyms")
    writes = ("events",)

    def match(self, doc: Document) -> list[Event]:
        mentions = [m for m in doc.event_mentions if is_acled(m.sub_event_type)
                    and 0 <= m.sent < len(doc.sentences)]
        return [build_event(doc, cluster) for cluster in cluster_mentions(doc, mentions)]

    def set_annotations(self, doc: Document, found: list[Event]) -> None:
        doc.events = found


def build_event(doc: Document, cluster: Cluster) -> Event:
    primary: EventMention = cluster.primary
    sub = taxonomy.lookup(primary.sub_event_type)
    sents = cluster.sents
    date = choose_date(doc, sents)
    place = choose_place(doc, sents)
    actors: EventActors = choose_actors(doc, cluster, place, date.value)
    figures = [q.quantity for q in doc.quantities if q.sent in sents]
    first = doc.sentences[sents[0]]
    return Event(
        id=event_id(doc.article.id, first.start, sub.code),
        article_ids=[doc.article.id],
        event_type=sub.event_type,
        sub_event_type=sub.name,
        plover_type=sub.plover,
        date=date.value,
        date_precision=date.precision,
        date_span=date.span,
        actor1=actors.actor1,
        actor2=actors.actor2,
        assoc_actors=actors.assoc,
        location=place,
        fatalities=summarise([q for q in figures if q.kind == "killed"]),
        injured=summarise([q for q in figures if q.kind == "injured"]),
        captured=summarise([q for q in figures if q.kind in CAPTURE_KINDS]),
        materiel=[m.materiel for m in doc.materiel if m.sent in sents],
        confidence=round(max(m.score for m in cluster.mentions), 3),
        evidence=[doc.sentences[i] for i in sents],
    )
