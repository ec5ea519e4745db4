"""The one object that flows through the pipeline."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.model import (
    TITLE,
    ActorMention,
    Article,
    Attribution,
    DateMention,
    Event,
    EventMention,
    FramingCue,
    MaterielMention,
    Place,
    QuantityMention,
    Span,
    Toponym,
    make_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc


@dataclass
class Document:
    """An article plus everything the stages have found in it.

    Each stage reads some of these attributes and writes others (see each
    component's ``reads`` / ``writes``). Tests build documents by hand.
    """

    article: Article
    parsed: SpacyDoc | None = None
    # The headline (ingest.headline), parsed on its own: values read from it are spans of Article.title.
    parsed_title: SpacyDoc | None = None
    sentences: list[Span] = field(default_factory=list)
    event_mentions: list[EventMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    # Figures the headline states ("One dead, four wounded in ..."): spans of Article.title, ``sent`` -1.
    title_quantities: list[QuantityMention] = field(default_factory=list)
    materiel: list[MaterielMention] = field(default_factory=list)
    toponyms: list[Toponym] = field(default_factory=list)
    # Places the headline names (spans of Article.title, ``sent`` -1), written by events.headline for the event it
    # reads from the headline alone.
    title_toponyms: list[Toponym] = field(default_factory=list)
    # The first-level unit (its name) the outlet's domain names (geo.outlet), written by geo.geocode.
    outlet_unit: str | None = None
    # The outlet's home town as a place with no span (geo.outlet's table), written by geo.geocode: the main
    # event's place when the text names none.
    outlet_place: Place | None = None
    attributions: list[Attribution] = field(default_factory=list)
    framing: list[FramingCue] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        return make_span(self.article.text, start, end)

    def title_span(self, start: int, end: int) -> Span:
        """A span of the article's title (``field="title"``)."""
        return make_span(self.article.title or "", start, end, TITLE)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding character ``offset`` (-1 if none)."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return -1
