"""Claims, actors, places, stats, status and the filter table."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from sitrep.filters import filter_fields
from sitrep.server.errors import ApiError
from sitrep.server.formats import json_response, render_page
from sitrep.server.openapi import filter_parameters, list_parameters, query_param
from sitrep.server.paging import fetch_page
from sitrep.server.params import filter_names, parse_list_request, reject_unknown, single
from sitrep.store.records import StoredClaim

__all__ = ["BY", "GROUPS", "meta_router"]

BY = ("day", "week", "month")
GROUPS = ("event_type", "country", "admin1", "actor")


def _filter_only(request: Request, extra: tuple[str, ...] = ()) -> Any:
    from sitrep.filters import parse_filter

    params = request.query_params
    reject_unknown(params, (*filter_names(), *extra))
    return parse_filter({name: params.getlist(name) for name in filter_names() if name in params})


def _choice(request: Request, name: str, allowed: tuple[str, ...], default: str) -> str:
    value = single(request.query_params, name) or default
    if value not in allowed:
        raise ApiError(400, "unknown_value", f"{name}={value[:40]!r} is not known", f"send one of: {', '.join(allowed)}")
    return value


def _items(rows: list[Any]) -> Response:
    return json_response({"items": [row.model_dump(mode="json") if hasattr(row, "model_dump") else row
                                    for row in rows]})


def meta_router() -> APIRouter:
    router = APIRouter(tags=["aggregates"])
    filters = {"parameters": filter_parameters()}

    def claims(request: Request, suffix: str | None) -> Response:
        req = parse_list_request(request.query_params, suffix, formats=("json", "csv"), record=StoredClaim)
        page = fetch_page(request.app.state.store.query_claims, req, totals=False)
        return render_page(request, page.items, page.next_cursor, page.total, req.fmt, req.fields)

    @router.get("/api/claims", summary="Claims: every attribution, also those attached to no event",
                openapi_extra={"parameters": list_parameters(("json", "csv"))})
    def claims_json(request: Request) -> Response:
        return claims(request, None)

    @router.get("/api/claims.{suffix}", summary="Claims as .json or .csv",
                openapi_extra={"parameters": list_parameters(("json", "csv"))})
    def claims_as(request: Request, suffix: str) -> Response:
        return claims(request, suffix)

    @router.get("/api/actors", summary="Actors of the matching events, with counts", openapi_extra=filters)
    def actors(request: Request) -> Response:
        return _items(request.app.state.store.actors(_filter_only(request)))

    @router.get("/api/places", summary="Places of the matching events, with counts", openapi_extra=filters)
    def places(request: Request) -> Response:
        return _items(request.app.state.store.places(_filter_only(request)))

    stats_params = {"parameters": [*filter_parameters(), query_param("by", "day, week or month"),
                                   query_param("group", "event_type, country, admin1 or actor")]}

    @router.get("/api/stats", summary="Event counts and fatalities by period and group", openapi_extra=stats_params)
    def stats(request: Request) -> Response:
        f = _filter_only(request, ("by", "group"))
        by = _choice(request, "by", BY, "day")
        group = _choice(request, "group", GROUPS, "event_type")
        rows = request.app.state.store.stats(f, by, group)
        return json_response({"by": by, "group": group,
                              "rows": [r.model_dump(mode="json") if hasattr(r, "model_dump") else r for r in rows]})

    @router.get("/api/status", summary="What the store holds")
    def status(request: Request) -> Response:
        reject_unknown(request.query_params, ())
        state = request.app.state.store.status()
        body = state.model_dump(mode="json") if hasattr(state, "model_dump") else dict(vars(state))
        body["read_only"] = request.app.state.token is None
        return json_response(body)

    @router.get("/api/filters", summary="The filters every list takes: name, type, meaning")
    def filter_table(request: Request) -> Response:
        reject_unknown(request.query_params, ())
        return json_response({"fields": filter_fields()})

    return router
