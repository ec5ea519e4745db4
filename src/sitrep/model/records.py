"""Output records: what sitrep emits for each event.

Field names here are a public contract (docs/architecture.md, the JSON Schema in
``schema/event.schema.json``). Add fields; do not rename them.
Every value that comes from text carries the span(s) it came from.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from sitrep.model.span import Span

Stance = Literal["asserted", "claimed", "quoted", "hedged", "denied"]
FactKind = Literal["event", "fatalities", "injured", "captured", "materiel", "location", "date", "actor"]
Prominence = Literal["main", "secondary", "background"]
CountKind = Literal["killed", "injured", "captured", "arrested", "missing", "displaced"]
MaterielAction = Literal["seized", "captured", "destroyed", "damaged", "recovered", "lost"]
MaterielCategory = Literal["vehicle", "aircraft", "weapon", "ammunition", "explosive", "vessel", "other"]


class Actor(BaseModel):
    """An actor normalised to its canonical name (``name``) with the mention(s) behind it."""

    name: str
    type: str | None = Field(default=None, description="ACLED actor type, e.g. 'rebel group'")
    inter: int | None = Field(default=None, description="ACLED inter code 1-8")
    country: str | None = None
    known: bool = Field(default=False, description="found in the actor dictionary")
    acled_name: str | None = Field(default=None, description="the name ACLED gives this actor, e.g. "
                                   "'Military Forces of Somalia (2022-)' or 'Protesters (Kenya)'")
    spans: list[Span] = Field(default_factory=list)


class Place(BaseModel):
    """A resolved place. ``geo_precision`` follows ACLED: 1 town, 2 near/small area, 3 region."""

    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    admin_code: str | None = Field(default=None, description="ISO 3166-2 code of admin1 when known")
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    gazetteer_id: str | None = None
    feature: str | None = Field(default=None, description="feature class: country, admin1, admin2, city, area")
    spans: list[Span] = Field(default_factory=list)


class Quantity(BaseModel):
    """One reported figure, e.g. 'killed 200 of them'."""

    kind: CountKind
    value: int
    low: int | None = None
    high: int | None = None
    vague: bool = Field(default=False, description="from a vague phrase ('dozens' = 12)")
    about: str | None = Field(default=None, description="canonical name of whom the count is about")
    span: Span
    perpetrator: bool = Field(default=False, description="the count is of the attackers themselves (a gunman killed "
                              "by the police or by his own hand): it adds to the toll of their victims")


class Count(BaseModel):
    """A low/best/high summary over every reported figure of one kind."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    reported: list[Quantity] = Field(default_factory=list)


class Materiel(BaseModel):
    """Equipment seized, destroyed or captured: 'seized ... 1870 humvees'."""

    category: MaterielCategory
    item: str
    count: int | None = None
    action: MaterielAction
    span: Span


class Claim(BaseModel):
    """Who says a fact, how firmly, and from which words."""

    fact: FactKind
    fact_index: int | None = Field(default=None, description="index into the event's list for that fact")
    claimant: str = Field(description="canonical actor name, or the outlet when nothing is attributed")
    claimant_span: Span | None = None
    claimant_is_party: bool = False
    stance: Stance
    cue: Span | None = None
    span: Span = Field(description="the words that state the fact")
    commitment: float = Field(default=1.0, description="0-1: confirm > say > claim > deny")
    channel: str | None = Field(default=None, description="medium the claim was made through: 'Twitter/X', "
                                "'Telegram', 'statement', 'television', 'news agency'... (data/claims/channels.tsv)")
    channel_span: Span | None = Field(default=None, description="the words that name the channel")


class Flag(BaseModel):
    """A warning on an event: kept and explained, never a reason to drop it."""

    code: str
    reason: str
    spans: list[Span] = Field(default_factory=list)
    source: str | None = Field(default=None, description="provenance of any threshold used")


class Event(BaseModel):
    """One event as reported in one or more articles."""

    id: str
    article_ids: list[str]
    sources: list[str] = Field(default_factory=list, description="outlets that reported the event")
    event_type: str
    sub_event_type: str
    plover_type: str | None = None
    date: dt.date | None = None
    date_precision: int | None = Field(default=None, description="ACLED time precision 1 day, 2 week, 3 month; "
                                       "4 year (sitrep's addition, for background events)")
    prominence: Prominence | None = Field(default=None, description="'main': the incident the article is about "
                                          "(one per article); 'secondary': another current incident; "
                                          "'background': an earlier incident recalled as context")
    date_span: Span | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = Field(default_factory=list)
    location: Place | None = None
    fatalities: Count = Field(default_factory=Count)
    injured: Count = Field(default_factory=Count)
    captured: Count = Field(default_factory=Count)
    materiel: list[Materiel] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    confidence: float = 0.0
    evidence: list[Span] = Field(default_factory=list, description="sentences the event was read from")
