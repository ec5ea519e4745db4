"""The data model: articles, spans, output records and stage annotations."""

from sitrep.model.annotations import (
    ActorMention,
    Attribution,
    DateMention,
    EventMention,
    FramingCue,
    MaterielMention,
    QuantityMention,
    Toponym,
)
from sitrep.model.article import Article, content_id
from sitrep.model.records import Actor, Claim, Count, Event, Flag, Materiel, Place, Quantity
from sitrep.model.span import TITLE, URL, Span, make_span, span_source

__all__ = [
    "Actor",
    "ActorMention",
    "Article",
    "Attribution",
    "Claim",
    "Count",
    "DateMention",
    "Event",
    "EventMention",
    "Flag",
    "FramingCue",
    "Materiel",
    "MaterielMention",
    "Place",
    "Quantity",
    "QuantityMention",
    "Span",
    "TITLE",
    "URL",
    "Toponym",
    "content_id",
    "make_span",
    "span_source",
]
