"""The cluster record: one incident as told by every report merged into it (corroboration).

A ``ClusterRecord`` is derived, never typed in: ``sitrep.cluster.record.build_cluster_record`` makes it from
the cluster's member reports, by the policy documented there. Field names are a contract (the server, the
filters and the web page read them); add fields, do not rename them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from sitrep.model.records import Actor, Count, Event, Flag, Place, Prominence, Stance
from sitrep.model.span import Span

Side = Literal["party", "non_party"]
ActorRole = Literal["actor1", "actor2", "assoc_actor"]


class ArticleMeta(BaseModel):
    """What the cluster record needs to know of a member's article (no text)."""

    id: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    origin: str | None = Field(default=None, description="its independent origin when known (the mention's, "
                               "made with the text); else derived from url and outlet")


class MemberReport(BaseModel):
    """One member of a cluster: an article's event and the article it came from."""

    event: Event
    article: ArticleMeta


class ReportRef(BaseModel):
    """A member report as the cluster record lists it."""

    article_id: str
    event_id: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    origin: str = Field(description="independent-origin key (sitrep.cluster.origin.origin_key)")
    prominence: Prominence | None = None
    evidence: list[Span] = Field(default_factory=list, description="sentences the event was read from")


class ClusterActor(BaseModel):
    """An actor of the incident with the role(s) reports give it and how many reports name it."""

    actor: Actor
    roles: list[ActorRole] = Field(default_factory=list)
    reports: int = 0


class ClusterClaim(BaseModel):
    """One claim made in one member report."""

    article_id: str
    fact: str
    stance: Stance
    span: Span
    value: int | None = Field(default=None, description="the figure claimed, for fatalities and injured")


class ClaimantClaims(BaseModel):
    """Everything one claimant says across the cluster's reports."""

    claimant: str
    side: Side
    claims: list[ClusterClaim] = Field(default_factory=list)


class ClusterRecord(BaseModel):
    """One incident merged from every report of it."""

    id: str = Field(description="'c' + the id of the cluster's first event (in ingest order)")
    event_type: str
    sub_event_type: str
    date: dt.date | None = None
    date_precision: int | None = None
    location: Place | None = None
    actors: list[ClusterActor] = Field(default_factory=list)
    fatalities: Count = Field(default_factory=Count)
    injured: Count = Field(default_factory=Count)
    reports: list[ReportRef] = Field(default_factory=list)
    sources: int = Field(default=0, description="distinct independent origins among the reports")
    origins: list[str] = Field(default_factory=list)
    claims_by_side: dict[Side, list[ClaimantClaims]] = Field(default_factory=dict)
    contested: bool = False
    contested_reasons: list[str] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    first_reported: dt.date | None = None
    last_updated: dt.date | None = None
    updated_at: dt.datetime | None = Field(
        default=None, description="when the cluster last changed in the store (store time, UTC); set when read "
                                  "from a store, None for a record built outside one")
    prominence: Prominence | None = Field(default=None, description="prominence of the main member's event")


__all__ = [
    "ArticleMeta",
    "ClaimantClaims",
    "ClusterActor",
    "ClusterClaim",
    "ClusterRecord",
    "MemberReport",
    "ReportRef",
    "Side",
]
