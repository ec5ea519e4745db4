"""Calling the store's paged reads with a parsed ListRequest; a foreign cursor is a 400."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool

from sitrep.filters import FilterError
from sitrep.server.errors import ApiError
from sitrep.server.params import ListRequest

__all__ = ["fetch_page", "off_loop"]


def fetch_page(query: Callable[..., Any], req: ListRequest, totals: bool = True) -> Any:
    """``query(filter, limit, cursor[, with_total=])``; ``totals``: whether it can count."""
    if req.with_total and not totals:
        raise ApiError(400, "bad_parameter", "with_total is not offered here", "count with /api/events or /api/stats")
    try:
        if totals:
            return query(req.filter, req.limit, req.cursor, with_total=req.with_total)
        return query(req.filter, req.limit, req.cursor)
    except (FilterError, ValueError) as error:
        if req.cursor is None or (isinstance(error, FilterError) and error.param != "cursor"):
            raise
        raise ApiError(400, "bad_cursor", "the cursor was not made by this server",
                       "follow the `next` URL of a previous page, or drop cursor") from error


async def off_loop(store: Any, work: Callable[..., Any], *args: Any) -> Any:
    """``work(*args)`` for an async route: inline on SQLite, in the thread pool on PostgreSQL.

    For reads that take microseconds on SQLite (an event card by its key), where handing them to a
    thread costs more than the read; PostgreSQL waits on the network, which threads overlap. Lists
    stay in the thread pool: SQLite releases the GIL while it reads pages, so threads overlap those
    (measured under load: twice the lists per second at the same CPU per request).
    """
    dialect = getattr(getattr(getattr(store, "engine", None), "dialect", None), "name", "sqlite")
    if dialect == "sqlite":
        return work(*args)
    return await run_in_threadpool(work, *args)
