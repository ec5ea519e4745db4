"""Annotations that pipeline stages write onto a Document.

These are intermediate: stages detect mentions sentence by sentence, and the
assembly stage turns them into :class:`~sitrep.model.records.Event` records.
``sent`` is always an index into ``Document.sentences``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sitrep.model.records import Actor, Materiel, Place, Quantity, Stance
from sitrep.model.span import Span


@dataclass
class EventMention:
    """A sentence that reports an event of ``sub_event_type``."""

    sent: int
    sub_event_type: str
    event_type: str
    score: float
    trigger: Span | None = None
    source: str = "rules"  # "rules" | "classifier"
    # A reported cue of violence (killing, shooting, an attack, a bombing, an abduction) in the sentence.
    violent: bool = False
    # For a mention typed by one of CASE's extra codes (event_type "Non-ACLED"): the ACLED code the
    # classifier ranks first among ACLED's 25, and its probability, so that assembly can still code
    # the violence it reports. For an ACLED mention re-typed from an extra code: that extra code.
    alternative: str | None = None
    alternative_score: float = 0.0


@dataclass
class ActorMention:
    sent: int
    span: Span
    actor: Actor
    role: str | None = None  # "agent" | "patient" | "onlooker" (acts after the event) | None, from the parse


@dataclass
class DateMention:
    sent: int
    span: Span
    value: dt.date
    precision: int  # ACLED: 1 day, 2 week, 3 month
    # "explicit" (Jan. 25), "relative" (yesterday, last week), "weekday" (on Saturday), "holiday" (Christmas Eve),
    # or "dateline":
    # the date stamping the story (KABUL, Afghanistan (Jan. 25, 2013)), which is not an event date.
    kind: str = "explicit"
    # Resolved against a stand-in anchor because the article has neither publication date nor dateline ('this week',
    # 'In April'): good for telling one incident's day from another's (merging, background), never an event's date.
    provisional: bool = False


@dataclass
class QuantityMention:
    sent: int
    quantity: Quantity
    # True for a figure of everyone hit ('four people were shot'): kept as injured, and the assembler takes
    # the event's dead out of it ('four shot, one fatally': three injured).
    hit: bool = False
    # A death after wounds ('a third victim died in hospital'): the assembler takes it out of the injured.
    after_wounds: bool = False


@dataclass
class MaterielMention:
    sent: int
    materiel: Materiel


@dataclass
class Toponym:
    """A place name in the text and, once resolved, the place it denotes."""

    sent: int
    span: Span
    place: Place | None = None
    score: float = 0.0
    # Added by geocoding (issue #4) for the events assembler:
    # event_score: 0-1, how likely the event happened here (in an event sentence, after a locative
    # preposition, specific rather than a region); role: "event_site" for the best place of an event
    # sentence, "origin" for where someone comes from ('a man from Gary'), "mentioned" otherwise. source: "ner" | "demonym" | "gazetteer" (which detector found it).
    event_score: float = 0.0
    role: str = "mentioned"
    source: str = "ner"
    # the resolved place's population in the gazetteer (0: unknown), so later stages can tell a great city from a
    # small namesake (events.fields: a local outlet's story naming only small towns far off)
    population: int = 0


@dataclass
class Attribution:
    """Reported speech: SOURCE (cue) CONTENT, e.g. 'the rebels' 'claim' 'to have shot down two drones'."""

    content: Span
    stance: Stance
    source: Span | None = None
    cue: Span | None = None
    claimant: str | None = None  # canonical actor name when the source is an actor
    commitment: float = 1.0
    sents: list[int] = field(default_factory=list)
    # Class of the cue word (data/claims/cue_classes.tsv: confirm, say, claim, deny...); "other" for words that
    # report attitudes or intentions ("plans to", "criticized") rather than claims of fact.
    cue_class: str | None = None


@dataclass
class FramingCue:
    """Partisan or loaded language ('terrorists', 'massive victory'). Recorded, never used to drop facts."""

    span: Span
    kind: str  # e.g. "pejorative_label", "triumphal", "derisive"
