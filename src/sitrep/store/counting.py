"""Paged reads with an opt-in total, for the API (`with_total=true`).

``Store.query_clusters`` always counted every match; a list page should not pay for a count
nobody asked for, so the API pages through here and counts only on request.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from sitrep.filters import EventFilter
from sitrep.model import Event
from sitrep.model.cluster import ClusterRecord
from sitrep.store import query
from sitrep.store import schema as t
from sitrep.store.records import Page

__all__ = ["cluster_json", "clusters_json_page", "clusters_page", "reports_page"]


def clusters_page(store: Any, f: EventFilter, limit: int, cursor: str | None,
                  with_total: bool = False) -> Page[ClusterRecord]:
    with store.engine.connect() as conn:
        return query.query_clusters(conn, f, limit, cursor, with_total=with_total)


def clusters_json_page(store: Any, f: EventFilter, limit: int, cursor: str | None,
                       with_total: bool = False) -> Page[str]:
    """The page ``clusters_page`` gives, as each record's stored JSON text (null members left out).

    The API's plain JSON lists splice these strings into the response: no parsing, validating and
    re-serialising of records that are already JSON in the store (3-5x less CPU per page).
    """
    c = t.clusters.c
    with store.engine.connect() as conn:
        text = sa.cast(c.record, sa.Text).label("text")  # jsonb -> text on PG
        rows = conn.execute(query.page_select(conn.dialect.name, f, limit, cursor, c.sort_key, text, c.updated_at)).all()
        total = int(conn.execute(sa.select(sa.func.count()).select_from(t.clusters)
                                 .where(*query.cluster_conditions(f))).scalar_one()) if with_total else None
    next_cursor = query.encode_cursor(rows[limit - 1].sort_key) if len(rows) > limit else None
    return Page(items=[_with_store_time(row.text, row.updated_at) for row in rows[:limit]], next_cursor=next_cursor,
                total=total)


def _with_store_time(text: str, updated_at: Any) -> str:
    """The stored record's JSON with ``updated_at`` (store time) spliced in, as ``record_of`` adds it."""
    stamp = query.store_time(updated_at)
    if stamp is None or not text.rstrip().endswith("}"):
        return text
    return text.rstrip()[:-1] + ', "updated_at": ' + json.dumps(stamp.isoformat()) + "}"


def reports_page(store: Any, f: EventFilter, limit: int, cursor: str | None,
                 with_total: bool = False) -> Page[Event]:
    with store.engine.connect() as conn:
        page = query.query_reports(conn, f, limit, cursor)
        if with_total:
            e, c = t.events.c, t.clusters.c
            page.total = int(conn.execute(sa.select(sa.func.count()).select_from(t.events)
                                          .join(t.clusters, c.id == e.cluster_id)
                                          .where(*query.cluster_conditions(f))).scalar_one())
    return page


# Built once: making a statement costs more than SQLite's lookup by key (0.35 ms against 0.02 ms).
_RECORD_TEXT = sa.select(sa.cast(t.clusters.c.record, sa.Text).label("text"), t.clusters.c.updated_at) \
    .where(t.clusters.c.id == sa.bindparam("cluster_id"))
_SURVIVOR = sa.select(t.cluster_aliases.c.survivor).where(t.cluster_aliases.c.id == sa.bindparam("cluster_id"))


def cluster_json(store: Any, cluster_id: str) -> str | None:
    """One cluster's record as JSON text with every member (null ones too), as ``get_cluster`` gives it.

    Validated and written by pydantic's core straight from the stored text: no Python dicts between
    (an event card's own work 0.10 -> 0.04 ms).
    """
    with store.engine.connect() as conn:
        row = conn.execute(_RECORD_TEXT, {"cluster_id": cluster_id}).first()
        if row is None:
            # a cluster bridged into another answers with the survivor, so old links keep working
            survivor = conn.execute(_SURVIVOR, {"cluster_id": cluster_id}).scalar()
            if survivor is None or survivor == cluster_id:
                return None
            return cluster_json(store, survivor)
    record = ClusterRecord.model_validate_json(row.text)
    record.updated_at = query.store_time(row.updated_at)  # store time, as get_cluster gives it
    return record.model_dump_json()
