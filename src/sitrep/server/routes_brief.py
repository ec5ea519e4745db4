"""`/api/brief`: the situation brief of an area and period, as JSON, Markdown or HTML."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from sitrep.brief import brief_html, brief_json, brief_markdown, build_brief
from sitrep.filters import parse_filter
from sitrep.server.errors import ApiError
from sitrep.server.formats import json_response
from sitrep.server.openapi import filter_parameters, query_param
from sitrep.server.params import filter_names, parse_format, reject_unknown, single

__all__ = ["MAX_BRIEF_DAYS", "brief_router"]

MAX_BRIEF_DAYS = 366


def brief_router() -> APIRouter:
    router = APIRouter(tags=["brief"])
    params = {"parameters": [query_param("area", "a country (ISO2 or name) or a first-level admin unit"),
                             *filter_parameters(), query_param("format", "json, md or html")]}

    @router.get("/api/brief", summary="Situation brief: every sentence cites its events", openapi_extra=params)
    def brief(request: Request) -> Response:
        q = request.query_params
        reject_unknown(q, ("area", "format", *filter_names()))
        area = (single(q, "area") or "").strip()
        if not area or len(area) > 100:
            raise ApiError(400, "bad_parameter", "area is missing or too long", "send area=Somalia (or SO, or Banadir)")
        f = parse_filter({name: q.getlist(name) for name in filter_names() if name in q})
        if f.date_from is None or f.date_to is None:
            raise ApiError(400, "bad_parameter", "a brief needs from and to", "send from=2024-05-01&to=2024-05-31")
        if (f.date_to - f.date_from).days >= MAX_BRIEF_DAYS:
            raise ApiError(400, "bad_range", f"a brief covers at most {MAX_BRIEF_DAYS} days", "send a shorter period")
        fmt = parse_format(q, None, ("json", "md", "html"))
        built = build_brief(request.app.state.store, area, f.date_from, f.date_to,
                            base_filter=f.replace(date_from=None, date_to=None))
        if fmt == "md":
            return Response(brief_markdown(built), media_type="text/markdown; charset=utf-8")
        if fmt == "html":
            return HTMLResponse(brief_html(built))
        return json_response(brief_json(built))

    return router
