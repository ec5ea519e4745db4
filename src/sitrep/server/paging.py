"""Calling the store's paged reads with a parsed ListRequest; a foreign cursor is a 400."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sitrep.filters import FilterError
from sitrep.server.errors import ApiError
from sitrep.server.params import ListRequest

__all__ = ["fetch_page"]


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
