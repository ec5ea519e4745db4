"""Calling a store's paged query with a parsed ListRequest; a foreign cursor is a 400."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sitrep.server.errors import ApiError
from sitrep.server.params import ListRequest

__all__ = ["fetch_page"]


def fetch_page(query: Callable[..., Any], req: ListRequest) -> Any:
    try:
        return query(req.filter, req.limit, req.cursor, with_total=req.with_total)
    except ValueError as error:
        if req.cursor is not None and "cursor" in str(error).lower():
            raise ApiError(400, "bad_cursor", "the cursor was not made by this server",
                           "follow the `next` URL of a previous page, or drop cursor") from error
        raise
