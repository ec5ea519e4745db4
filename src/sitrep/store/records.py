"""Plain data the store hands out: pages, stored articles and claims, status, ingest reports, alerts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from sitrep.errors import InputProblem
from sitrep.model import Event, Span

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    """One page of results; pass ``next_cursor`` back to get the next (None: no more)."""

    items: list[T]
    next_cursor: str | None = None
    total: int | None = None


class StoredClaim(BaseModel):
    """An attribution as stored: a claim on an event's fact, or reported speech attached to no event."""

    id: int
    article_id: str
    event_id: str | None = None
    cluster_id: str | None = None
    fact: str | None = Field(default=None, description="the fact claimed; None for speech attached to no event")
    claimant: str
    claimant_is_party: bool = False
    stance: str
    channel: str | None = None
    date: dt.date | None = Field(default=None, description="the event's date, else the article's publication")
    text: str = Field(description="the words that state the claim")
    claimant_span: Span | None = None
    cue: Span | None = None
    span: Span | None = None
    outlet: str | None = None
    url: str | None = None


class StoredArticle(BaseModel):
    """An article version with every extracted event (and so every span) and its attributions."""

    id: str
    version: int
    current: bool
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    source_path: str | None = None
    ingested_at: dt.datetime | None = None
    events: list[Event] = Field(default_factory=list)
    cluster_ids: dict[str, str] = Field(default_factory=dict, description="event id -> cluster id")
    attributions: list[dict[str, Any]] = Field(default_factory=list)
    versions: list[str] = Field(default_factory=list, description="ids of every version, oldest first")


class StoreStatus(BaseModel):
    articles: int = Field(description="current article versions")
    events: int
    clusters: int
    claims: int
    schema_version: str | None
    article_versions: int = 0
    url: str = ""


class Decision(BaseModel):
    """The matching decision kept for one event (`sitrep show --explain`)."""

    event_id: str
    kind: str
    cluster_ids: list[str]
    scores: dict[str, float]
    candidates: int


class Alert(BaseModel):
    watchlist: str
    cluster_id: str
    created_at: dt.datetime


class Watchlist(BaseModel):
    name: str
    filter: dict[str, str]
    created_at: dt.datetime


class ActorCount(BaseModel):
    name: str
    clusters: int
    fatalities: int = Field(default=0, description="sum of the best fatality figures of those clusters")


class PlaceCount(BaseModel):
    country_code: str | None
    admin1: str | None
    clusters: int
    fatalities: int = Field(default=0, description="sum of the best fatality figures of those clusters")
    lat: float | None = None
    lon: float | None = None


class StatRow(BaseModel):
    period: str
    group: str | None
    clusters: int
    fatalities: int


@dataclass
class IngestReport:
    """What one ingest did. ``changed_cluster_ids``: clusters created, joined, bridged or refreshed."""

    articles_new: int = 0
    articles_skipped: int = 0
    versions: int = 0
    events: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    changed_cluster_ids: list[str] = field(default_factory=list)
    removed_cluster_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0
    processed: int = 0  # articles looked at so far (stored, skipped or failed), for progress
    copies: int = 0  # of articles_new: copies of a stored article, filed as reports of its events

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"articles_new": self.articles_new, "articles_skipped": self.articles_skipped,
                "versions": self.versions, "events": self.events, "copies": self.copies,
                "problems": [str(p) for p in self.problems], "clusters_changed": len(self.changed_cluster_ids),
                "seconds": round(self.seconds, 3)}
