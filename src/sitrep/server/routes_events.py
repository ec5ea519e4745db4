"""Events: clusters (`/api/events`), per-article events (`reports=true`) and one cluster's card."""

from __future__ import annotations

import re
from functools import partial

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from sitrep.model import Event
from sitrep.model.cluster import ClusterRecord
from sitrep.server.errors import ApiError
from sitrep.server.formats import json_response, json_text_response, raw_json_page, render_page, stream_pages
from sitrep.server.openapi import list_parameters, query_param
from sitrep.server.paging import fetch_page, off_loop
from sitrep.server.params import parse_bool, parse_list_request, reject_unknown
from sitrep.store.counting import cluster_json, clusters_json_page, clusters_page, reports_page

__all__ = ["ID_PATTERN", "check_id", "events_router", "record_response"]

ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def check_id(value: str, what: str) -> str:
    if not ID_PATTERN.fullmatch(value):
        raise ApiError(404, "not_found", f"no {what} with that id", f"{what} ids are letters, digits, - and _")
    return value


def record_response(record: BaseModel | None, what: str, record_id: str, hint: str = "") -> Response:
    """One stored record as JSON, or the envelope's 404 naming what was asked for."""
    if record is None:
        raise ApiError(404, "not_found", f"no {what} {record_id!r}", hint)
    return json_response(record.model_dump(mode="json"))


def _list(request: Request, suffix: str | None) -> Response:
    store = request.app.state.store
    reports = parse_bool(request.query_params, "reports")
    req = parse_list_request(request.query_params, suffix, extra=("reports",),
                             record=Event if reports else ClusterRecord, allow_all=True)
    if req.everything:  # an export of the whole view, streamed page by page
        if req.with_total:
            raise ApiError(400, "bad_parameter", "with_total goes with a page, not with limit=all",
                           "drop with_total, or ask for a page (limit=1..1000)")
        query = partial(reports_page if reports else clusters_json_page if req.fmt != "csv" else clusters_page, store)
        first = fetch_page(query, req)
        return stream_pages(first, lambda cursor: query(req.filter, req.limit, cursor), req.fmt, req.fields)
    if not reports and req.fmt == "json":  # the common case: records as stored, no re-validation
        page = fetch_page(partial(clusters_json_page, store), req)
        return raw_json_page(request, page.items, page.next_cursor, page.total, req.fields)
    page = fetch_page(partial(reports_page if reports else clusters_page, store), req)
    return render_page(request, page.items, page.next_cursor, page.total, req.fmt, req.fields)


def events_router() -> APIRouter:
    router = APIRouter(tags=["events"])
    extra = {"parameters": [*list_parameters(),
                            query_param("reports", "true: per-article events instead of clusters", "boolean")]}

    @router.get("/api/events", summary="Event clusters matching the filters (one page)", openapi_extra=extra)
    def events(request: Request) -> Response:
        return _list(request, None)

    @router.get("/api/events.{suffix}", summary="Event clusters as .json, .csv or .geojson", openapi_extra=extra)
    def events_as(request: Request, suffix: str) -> Response:
        return _list(request, suffix)

    @router.get("/api/events/{event_id}", summary="One event cluster: reports, claims by side, spans, flags",
                response_model=ClusterRecord)
    async def event(request: Request, event_id: str) -> Response:
        reject_unknown(request.query_params, ())
        store = request.app.state.store
        text = await off_loop(store, cluster_json, store, check_id(event_id, "event"))
        if text is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}", "list events at /api/events")
        return json_text_response(text)

    return router
