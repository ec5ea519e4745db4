"""TEMPORARY stand-in for sitrep.cluster (branch `cluster`) until it is merged: same names, trivial rules.

Deleted once the real package is in; nothing outside store/clustering.py imports it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from sitrep.model import Article, Count, Event, Place, Span


class ArticleMeta(BaseModel):
    id: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None


class MemberReport(BaseModel):
    event: Event
    article: ArticleMeta


class ReportRef(BaseModel):
    article_id: str
    event_id: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    origin: str = ""
    evidence: list[Span] = Field(default_factory=list)


class ClusterRecord(BaseModel):
    id: str
    event_type: str
    sub_event_type: str
    date: dt.date | None = None
    date_precision: int | None = None
    location: Place | None = None
    actors: list[Any] = Field(default_factory=list)
    fatalities: Count = Field(default_factory=Count)
    injured: Count = Field(default_factory=Count)
    reports: list[ReportRef] = Field(default_factory=list)
    sources: int = 0
    origins: list[str] = Field(default_factory=list)
    claims_by_side: dict[str, list[Any]] = Field(default_factory=dict)
    contested: bool = False
    contested_reasons: list[str] = Field(default_factory=list)
    flags: list[Any] = Field(default_factory=list)
    first_reported: dt.date | None = None
    last_updated: dt.date | None = None
    prominence: str | None = None


@dataclass(frozen=True)
class Mention:
    event_id: str
    article_id: str
    outlet: str | None
    url: str | None
    published: dt.date | None
    date: dt.date | None
    event_type: str
    sub_event_type: str
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    origin: str
    actors: tuple[str, ...] = field(default=())

    @property
    def anchor(self) -> dt.date | None:
        return self.date or self.published

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("published", "date"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        values = dict(data)
        for key in ("published", "date"):
            values[key] = dt.date.fromisoformat(values[key]) if values.get(key) else None
        values["actors"] = tuple(values.get("actors") or ())
        return cls(**values)


def mention_from_event(event: Event, article: Article | ArticleMeta, text: str | None = None) -> Mention:
    place = event.location
    names = tuple(sorted({a.name for a in (event.actor1, event.actor2) if a}))
    return Mention(event.id, article.id, article.outlet, article.url, article.published, event.date,
                   event.event_type, event.sub_event_type, place.lat if place else None,
                   place.lon if place else None, place.country_code if place else None,
                   place.admin1 if place else None, article.outlet or article.id, names)


@dataclass(frozen=True)
class CandidateQuery:
    date_from: dt.date | None
    date_to: dt.date | None
    country_code: str | None
    bbox: tuple[float, float, float, float] | None
    admin1: str | None = None
    limit: int = 400

    def matches(self, stored: Mention) -> bool:
        anchor = stored.anchor
        if self.date_from and self.date_to and (anchor is None or not self.date_from <= anchor <= self.date_to):
            return False
        return not (self.country_code and stored.country_code and stored.country_code != self.country_code)


def candidate_query(m: Mention) -> CandidateQuery:
    anchor = m.anchor
    days = dt.timedelta(days=3)
    return CandidateQuery(anchor - days if anchor else None, anchor + days if anchor else None, m.country_code,
                          None, m.admin1)


@dataclass(frozen=True)
class Decision:
    kind: str
    cluster_ids: tuple[str, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)


def decide(m: Mention, candidates: Mapping[str, Sequence[Mention]]) -> Decision:
    joined = sorted(cid for cid, members in candidates.items()
                    if any(o.sub_event_type == m.sub_event_type and o.country_code == m.country_code
                           and o.admin1 == m.admin1 for o in members))
    if not joined:
        return Decision("new")
    if len(joined) == 1:
        return Decision("join", (joined[0],), {"same_type_place": 1.0})
    return Decision("bridge", tuple(joined), {"same_type_place": 1.0})


def build_cluster_record(cluster_id: str, members: Sequence[MemberReport]) -> ClusterRecord:
    main = members[0].event
    origins = sorted({r.article.outlet or r.article.id for r in members})
    return ClusterRecord(
        id=cluster_id, event_type=main.event_type, sub_event_type=main.sub_event_type, date=main.date,
        date_precision=main.date_precision, location=main.location, fatalities=main.fatalities,
        reports=[ReportRef(article_id=r.article.id, event_id=r.event.id, outlet=r.article.outlet,
                           url=r.article.url, title=r.article.title, published=r.article.published,
                           origin=r.article.outlet or r.article.id, evidence=r.event.evidence) for r in members],
        sources=len(origins), origins=origins,
        contested=any(f.code == "contested" for r in members for f in r.event.flags),
        first_reported=min((r.article.published for r in members if r.article.published), default=None),
    )
