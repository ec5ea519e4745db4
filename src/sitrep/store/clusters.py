"""Merging at ingest: candidates through an index, the cluster package's decision, stored cluster records.

For each new event the cluster package says where to look (``candidate_query``: a date window, a
country, a box or an admin1 unit); :meth:`ClusterMaintainer.candidates` answers from the indexes on
``events`` (country + anchor date, anchor date, admin1 + anchor date, town name + anchor date), so the work per event is bounded
by how many reports one area has in a few weeks, not by the size of the store. ``decide`` then returns
new / join / bridge with its scores, which are kept in ``decisions`` for `sitrep show --explain`.
Cluster records are rebuilt by ``build_cluster_record`` from all members whenever members change.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from typing import Any, TypeVar

import sqlalchemy as sa

from sitrep.filters import cluster_actor_names, cluster_claimants, cluster_search_text
from sitrep.model import Event
from sitrep.store import schema as t
from sitrep.store.clustering import (
    NAME_CANDIDATES,
    NAME_ROWS,
    ArticleMeta,
    CandidateQuery,
    ClusterRecord,
    MemberReport,
    Mention,
    build_cluster_record,
    candidate_query,
    decide,
    index_names,
)

# Decoded mentions and events kept in memory between batches (recent reports are compared most often).
T = TypeVar("T")

CACHE_SIZE = 50_000


class LRU(OrderedDict[str, Any]):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def put(self, key: str, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


def _anchor_distance(anchor: dt.date | None, other: dt.date | None) -> int:
    """Days between two anchors; an undated stored mention comes last (as in cluster.replay)."""
    if anchor is None:
        return 0
    return abs((other - anchor).days) if other is not None else 10**6


def blocking_clause(cq: CandidateQuery) -> sa.ColumnElement[bool]:
    """The SQL form of ``CandidateQuery.matches`` (on the events table's plain columns), with bound
    parameters named after the query's fields (see :func:`blocking_params`)."""
    e = t.events.c
    window: sa.ColumnElement[bool] = sa.true()
    if cq.date_from is not None and cq.date_to is not None:
        window = e.anchor.between(sa.bindparam("date_from", type_=sa.Date), sa.bindparam("date_to", type_=sa.Date))
    place: list[sa.ColumnElement[bool]] = []
    if cq.bbox is not None:
        box = sa.and_(e.lat.between(sa.bindparam("south"), sa.bindparam("north")),
                      e.lon.between(sa.bindparam("west"), sa.bindparam("east")))
        near: list[sa.ColumnElement[bool]] = [box]
        if cq.admin1:
            near.append(e.admin1 == sa.bindparam("admin1"))
            near.append(sa.and_(e.lat.is_(None), e.country_code.is_(None)))
        else:
            near.append(e.lat.is_(None))
        place.append(sa.or_(*near))
    # A flat OR of terms that each open with one range of an index ((country_code, anchor) or anchor):
    # SQLite reads each range and unions them. Nested under an AND or beside another OR, the planner
    # scans the whole table instead, and the cost per article grows with the store (1M/10k = 21x).
    countries = [e.country_code == sa.bindparam("country_code"), e.country_code.is_(None)] \
        if cq.country_code else [sa.true()]
    terms = [sa.and_(country, window, *place) for country in countries]
    if cq.place_key:
        # a town of the same name, wherever it was placed (a namesake read in another state)
        terms.append(sa.and_(e.place_key == sa.bindparam("place_key"), window))
    if cq.near_from is not None and cq.near_to is not None:
        # a stored report of the same days matches wherever it is placed, in another country too
        terms.append(e.anchor.between(sa.bindparam("near_from", type_=sa.Date),
                                      sa.bindparam("near_to", type_=sa.Date)))
    return sa.or_(*terms) if len(terms) > 1 else terms[0]


def blocking_params(cq: CandidateQuery) -> dict[str, Any]:
    params: dict[str, Any] = {"date_from": cq.date_from, "date_to": cq.date_to, "country_code": cq.country_code,
                              "admin1": cq.admin1, "limit": cq.limit, "near_from": cq.near_from,
                              "near_to": cq.near_to, "place_key": cq.place_key}
    if cq.bbox is not None:
        params.update(zip(("west", "south", "east", "north"), cq.bbox, strict=True))
    return params


_STATEMENTS: dict[tuple[bool, ...], Any] = {}


def blocking_statement(cq: CandidateQuery) -> Any:
    """The candidate query for this shape of ``cq`` (which bounds it has), built once and reused."""
    dated = cq.date_from is not None and cq.date_to is not None
    shape = (dated, bool(cq.country_code), cq.bbox is not None, bool(cq.admin1),
             cq.near_from is not None and cq.near_to is not None, bool(cq.place_key))
    statement: Any = _STATEMENTS.get(shape)
    if statement is None:
        e = t.events.c
        statement = sa.select(e.id, e.anchor, e.cluster_id).where(blocking_clause(cq))
        if not dated:  # no window: the latest reports only, so the cost stays bounded
            statement = statement.order_by(e.seq.desc()).limit(sa.bindparam("limit", type_=sa.Integer))
        _STATEMENTS[shape] = statement
    return statement


_INSERT_EVENT = sa.insert(t.events)
_INSERT_NAMES = sa.insert(t.event_names)
# one name's latest stored reports in a date window (index (name, anchor), read backwards)
_NAMED = (sa.select(t.event_names.c.event_id.label("id"), t.event_names.c.anchor, t.events.c.cluster_id)
          .join(t.events, t.events.c.id == t.event_names.c.event_id)
          .where(t.event_names.c.name == sa.bindparam("name"),
                 t.event_names.c.anchor.between(sa.bindparam("names_from", type_=sa.Date),
                                                sa.bindparam("names_to", type_=sa.Date)))
          .order_by(t.event_names.c.anchor.desc(), t.event_names.c.event_id)
          .limit(NAME_ROWS))
_INSERT_DECISION = sa.insert(t.decisions)


def mention_json(m: Mention) -> dict[str, Any]:
    """A mention as stored: ``Mention.to_dict`` without a deep copy of its vector (JSON turns tuples to lists)."""
    data = {f.name: getattr(m, f.name) for f in fields(m)}
    for key in ("published", "date"):
        value = data.get(key)
        data[key] = value.isoformat() if value else None
    return data


class ClusterMaintainer:
    """Places each new event in a cluster and keeps cluster rows in step with their members.

    One per store; ``begin`` binds it to a batch's connection. Its caches survive batches; ``reset``
    empties them (after a rollback).
    """

    def __init__(self) -> None:
        self.mentions: LRU = LRU(CACHE_SIZE)
        self.events: LRU = LRU(CACHE_SIZE)
        self.conn: sa.Connection | None = None
        self.changed: set[str] = set()
        self.removed: set[str] = set()

    def begin(self, conn: sa.Connection) -> None:
        self.conn = conn
        self.changed = set()
        self.removed = set()

    def reset(self) -> None:
        self.mentions.clear()
        self.events.clear()

    def forget(self, event_ids: Iterable[str]) -> None:
        for event_id in event_ids:
            self.mentions.pop(event_id, None)
            self.events.pop(event_id, None)

    @property
    def _conn(self) -> sa.Connection:
        assert self.conn is not None, "begin() first"
        return self.conn

    # -- reading members ---------------------------------------------------------------------

    def load_mentions(self, event_ids: Sequence[str]) -> dict[str, Mention]:
        return self._load_cached(event_ids, t.events.c.mention, self.mentions, Mention.from_dict)

    def members(self, cluster_ids: Iterable[str]) -> dict[str, list[str]]:
        """Member event ids of each cluster, in ingest order."""
        ids = sorted(set(cluster_ids))
        grouped: dict[str, list[str]] = {cid: [] for cid in ids}
        for start in range(0, len(ids), 500):
            rows = self._conn.execute(sa.select(t.events.c.id, t.events.c.cluster_id)
                                      .where(t.events.c.cluster_id.in_(ids[start:start + 500]))
                                      .order_by(t.events.c.seq))
            for row in rows:
                grouped[row.cluster_id].append(row.id)
        return grouped

    def candidates(self, m: Mention, cq: CandidateQuery) -> dict[str, list[Mention]]:
        """Stored clusters with a member inside ``cq`` (at most ``cq.limit`` members, nearest in date),
        each with all its member mentions."""
        rows = list(self._conn.execute(blocking_statement(cq), blocking_params(cq)).all())
        anchor = m.anchor
        rows.sort(key=lambda r: (_anchor_distance(anchor, r.anchor), r.id))
        rows = rows[:cq.limit]
        rows += self._named(m, cq, {r.id for r in rows})
        hits = self.load_mentions([r.id for r in rows])
        cluster_ids = sorted({r.cluster_id for r in rows if r.id in hits and cq.matches(hits[r.id])})
        grouped = self.members(c for c in cluster_ids if c)
        mentions = self.load_mentions([i for ids in grouped.values() for i in ids])
        return {cid: [mentions[i] for i in ids if i in mentions] for cid, ids in grouped.items() if ids}

    def _named(self, m: Mention, cq: CandidateQuery, seen: set[str]) -> list[Any]:
        """Stored main reports sharing a rare name with ``m`` in the names window, not among ``seen``: each
        name's latest ``NAME_ROWS``, then the ``NAME_CANDIDATES`` nearest in date (as cluster.replay)."""
        if not cq.names or cq.names_from is None or cq.names_to is None or m.anchor is None:
            return []
        found: dict[str, Any] = {}
        for name in cq.names:
            for row in self._conn.execute(_NAMED, {"name": name, "names_from": cq.names_from,
                                                   "names_to": cq.names_to}):
                if row.id not in seen:
                    found[row.id] = row
        anchor = m.anchor
        return sorted(found.values(), key=lambda r: (_anchor_distance(anchor, r.anchor), r.id))[:NAME_CANDIDATES]

    # -- placing a new event -------------------------------------------------------------------

    def place(self, event: Event, mention: Mention, seq: int) -> str:
        """Decide the cluster of a new event, store the event and the decision; returns the cluster id."""
        cq = candidate_query(mention)
        candidates = self.candidates(mention, cq)
        decision = decide(mention, candidates)
        if decision.kind == "new" or not decision.cluster_ids:
            cluster_id = "c" + event.id
        else:
            cluster_id = decision.cluster_ids[0]
            if decision.kind == "bridge":
                self._bridge(cluster_id, decision.cluster_ids[1:])
        self._insert(event, mention, seq, cluster_id, {
            "kind": decision.kind, "cluster_ids": list(decision.cluster_ids),
            "scores": {k: float(v) for k, v in decision.scores.items()},
            "candidates": sum(len(v) for v in candidates.values())})
        return cluster_id

    def file_copy(self, event: Event, mention: Mention, seq: int, cluster_id: str, original_event_id: str) -> None:
        """Store the event of a copy (a reprint of a stored article) in the cluster of the event it copies."""
        self._insert(event, mention, seq, cluster_id, {"kind": "copy", "cluster_ids": [cluster_id],
                                                       "scores": {}, "candidates": 0,
                                                       "copy_of": original_event_id})

    def _insert(self, event: Event, mention: Mention, seq: int, cluster_id: str, decision: dict[str, Any]) -> None:
        place = event.location
        self._conn.execute(_INSERT_EVENT, {
            "id": event.id, "article_id": mention.article_id, "seq": seq, "cluster_id": cluster_id,
            "prominence": event.prominence, "date": event.date, "anchor": mention.anchor,
            "event_type": event.event_type, "sub_event_type": event.sub_event_type,
            "country_code": place.country_code if place else None, "admin1": place.admin1 if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "fatalities_best": event.fatalities.best, "place_key": mention.place_key, "data": event.model_dump(mode="json", exclude_none=True),
            "mention": mention_json(mention)})
        if mention.anchor is not None:
            names = [{"event_id": event.id, "name": name, "anchor": mention.anchor} for name in index_names(mention)]
            if names:
                self._conn.execute(_INSERT_NAMES, names)
        copy_of = decision.pop("copy_of", None)
        if copy_of is not None:  # the decision's scores say which event it copies
            decision["scores"] = {"copy_of:" + copy_of: 1.0}
        self._conn.execute(_INSERT_DECISION, {"event_id": event.id, **decision})
        self.mentions.put(event.id, mention)
        self.events.put(event.id, event)
        self.changed.add(cluster_id)

    def _bridge(self, survivor: str, others: Sequence[str]) -> None:
        """One new report links clusters: the oldest survives and takes every member of the others."""
        self._conn.execute(sa.update(t.events).where(t.events.c.cluster_id.in_(list(others)))
                           .values(cluster_id=survivor))
        aliases = t.cluster_aliases.c
        self._conn.execute(sa.update(t.cluster_aliases).where(aliases.survivor.in_(list(others)))
                           .values(survivor=survivor))
        # an id bridged before and founded again since (an article deleted or re-versioned) is re-pointed
        self._conn.execute(sa.delete(t.cluster_aliases).where(aliases.id.in_(list(others))))
        self._conn.execute(sa.insert(t.cluster_aliases), [{"id": o, "survivor": survivor} for o in others])
        self._delete_rows(others)
        self.removed |= set(others)
        self.changed.add(survivor)

    def _delete_rows(self, cluster_ids: Iterable[str]) -> None:
        ids = list(cluster_ids)
        for table in (t.clusters, t.cluster_actors, t.cluster_claimants):
            self._conn.execute(sa.delete(table).where(table.c.cluster_id.in_(ids) if table is not t.clusters
                                                       else table.c.id.in_(ids)))

    # -- cluster records ------------------------------------------------------------------------

    def load_events(self, event_ids: Sequence[str]) -> dict[str, Event]:
        return self._load_cached(event_ids, t.events.c.data, self.events, Event.model_validate)

    def _load_cached(self, event_ids: Sequence[str], column: sa.Column[Any], cache: LRU,
                     parse: Callable[[Any], T]) -> dict[str, T]:
        """Values of one JSON column of events by id: from ``cache`` first, the rest in chunks of 500."""
        found = {i: cache[i] for i in event_ids if i in cache}
        missing = [i for i in event_ids if i not in found]
        for start in range(0, len(missing), 500):
            rows = self._conn.execute(sa.select(t.events.c.id, column)
                                      .where(t.events.c.id.in_(missing[start:start + 500])))
            for event_id, raw in rows:
                value = parse(raw)
                cache.put(event_id, value)
                found[event_id] = value
        return found

    def refresh(self, cluster_ids: Iterable[str], now: dt.datetime) -> set[str]:
        """Rebuild the record of each cluster from its members; delete clusters left with none.

        Returns the ids deleted.
        """
        ids = sorted(set(cluster_ids))
        if not ids:
            return set()
        grouped = self.members(ids)
        created = dict(self._conn.execute(sa.select(t.clusters.c.id, t.clusters.c.created_at)
                                          .where(t.clusters.c.id.in_(ids))).all())
        self._delete_rows(ids)
        empty = {cid for cid, members in grouped.items() if not members}
        self.removed |= empty
        event_ids = [i for members in grouped.values() for i in members]
        events = self.load_events(event_ids)
        article_ids = sorted({a for e in events.values() for a in e.article_ids[:1]})
        metas = self._article_metas(article_ids)
        rows: list[dict[str, Any]] = []
        actors: list[dict[str, Any]] = []
        claimants: list[dict[str, Any]] = []
        for cid, members in grouped.items():
            if not members:
                continue
            reports = [MemberReport(event=events[i], article=metas[events[i].article_ids[0]]) for i in members
                       if i in events and events[i].article_ids and events[i].article_ids[0] in metas]
            record = build_cluster_record(cid, reports)
            rows.append(cluster_row(record, created.get(cid) or now, now))
            actors += [{"cluster_id": cid, "name_key": key, "name": name}
                       for key, name in cluster_actor_names(record).items()]
            keyed: dict[str, dict[str, Any]] = {}
            for name, party in cluster_claimants(record).items():  # names differing in case are one key
                row = keyed.setdefault(name.lower(), {"cluster_id": cid, "name_key": name.lower(), "name": name,
                                                      "is_party": False})
                row["is_party"] = row["is_party"] or party
            claimants += keyed.values()
        if rows:
            self._conn.execute(sa.insert(t.clusters), rows)
        if actors:
            self._conn.execute(sa.insert(t.cluster_actors), actors)
        if claimants:
            self._conn.execute(sa.insert(t.cluster_claimants), claimants)
        return empty

    def _article_metas(self, article_ids: Sequence[str]) -> dict[str, ArticleMeta]:
        metas: dict[str, ArticleMeta] = {}
        a = t.articles.c
        for start in range(0, len(article_ids), 500):
            rows = self._conn.execute(sa.select(a.id, a.outlet, a.url, a.title, a.published, a.origin)
                                      .where(a.id.in_(article_ids[start:start + 500])))
            for row in rows:
                metas[row.id] = ArticleMeta(id=row.id, outlet=row.outlet, url=row.url, title=row.title,
                                            published=row.published, origin=row.origin)
        return metas


def cluster_row(record: ClusterRecord, created: dt.datetime, now: dt.datetime) -> dict[str, Any]:
    """The clusters row of a record: the record as JSON and copies of what filters read."""
    place = record.location
    claimants = cluster_claimants(record)
    return {
        "id": record.id, "sort_key": f"{record.date.isoformat() if record.date else '0000-00-00'}|{record.id}",
        "date": record.date, "date_precision": record.date_precision,
        "country_code": place.country_code if place else None, "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "event_type": record.event_type, "sub_event_type": record.sub_event_type, "sources": record.sources,
        "reports": len(record.reports), "contested": record.contested,
        "party_claims": any(claimants.values()), "fatalities_best": record.fatalities.best,
        "search_text": cluster_search_text(record), "record": record.model_dump(mode="json", exclude_none=True),
        "created_at": created, "updated_at": now,
    }
