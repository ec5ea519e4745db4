"""Watchlists: list, create and remove (token), their alerts and an Atom feed to subscribe to."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import APIRouter, Request, Response

from sitrep.filters import parse_filter
from sitrep.server.errors import ApiError
from sitrep.server.formats import json_response
from sitrep.server.params import reject_unknown, single
from sitrep.server.security import check_token
from sitrep.watch.atom import ATOM_TYPE, render_feed

__all__ = ["NAME_PATTERN", "check_name", "watch_router"]

NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def check_name(name: str) -> str:
    if not NAME_PATTERN.fullmatch(name):
        raise ApiError(404, "not_found", "no watchlist with that name",
                       "watchlist names are 1-64 letters, digits, - and _")
    return name


def _watchlist(store: Any, name: str) -> Any:
    found = next((w for w in store.list_watchlists() if w.name == check_name(name)), None)
    if found is None:
        raise ApiError(404, "not_found", f"no watchlist {name!r}", "list them at /api/watchlists")
    return found


def _describe(watchlist: Any) -> dict[str, Any]:
    return {"name": watchlist.name, "filter": dict(watchlist.filter), "created": watchlist.created_at.isoformat()}


def _since(request: Request) -> Any:
    value = single(request.query_params, "since")
    if not value:
        return None
    return parse_filter({"updated_since": value}).updated_since


def watch_router() -> APIRouter:
    router = APIRouter(tags=["watchlists"])

    @router.get("/api/watchlists", summary="Every watchlist and its filters")
    def watchlists(request: Request) -> Response:
        reject_unknown(request.query_params, ())
        return json_response({"items": [_describe(w) for w in request.app.state.store.list_watchlists()]})

    @router.post("/api/watchlists", summary="Create a watchlist (token): {\"name\", \"filter\": {...}}",
                 status_code=201)
    async def create(request: Request) -> Response:
        check_token(request.app.state.token, request.headers.get("authorization"))
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as error:
            raise ApiError(422, "bad_body", "the body is not JSON", 'send {"name": "...", "filter": {...}}') from error
        if not isinstance(body, dict) or not isinstance(body.get("name"), str) \
                or not isinstance(body.get("filter", {}), dict):
            raise ApiError(422, "bad_body", "the body needs a name and a filter object",
                           'send {"name": "somalia", "filter": {"country": "SO"}}')
        name = body["name"]
        if not NAME_PATTERN.fullmatch(name):
            raise ApiError(422, "bad_name", f"{name[:70]!r} is not a watchlist name",
                           "use 1-64 letters, digits, - and _")
        raw = body.get("filter", {})
        if not all(isinstance(v, str | list) for v in raw.values()):
            raise ApiError(422, "bad_body", "filter values are strings or lists of strings", "")
        event_filter = parse_filter({str(k): v if isinstance(v, str) else [str(x) for x in v]
                                     for k, v in raw.items()})
        store = request.app.state.store
        if any(w.name == name for w in store.list_watchlists()):
            raise ApiError(409, "exists", f"a watchlist {name!r} exists", "remove it first or pick another name")
        store.add_watchlist(name, event_filter)
        return json_response(_describe(_watchlist(store, name)), status=201)

    @router.delete("/api/watchlists/{name}", summary="Remove a watchlist and its alerts (token)",
                   status_code=204)
    def remove(request: Request, name: str) -> Response:
        check_token(request.app.state.token, request.headers.get("authorization"))
        if not request.app.state.store.remove_watchlist(check_name(name)):
            raise ApiError(404, "not_found", f"no watchlist {name!r}", "")
        return Response(status_code=204)

    @router.get("/api/watchlists/{name}/alerts", summary="A watchlist's alerts, newest first")
    def alerts(request: Request, name: str) -> Response:
        reject_unknown(request.query_params, ("since",))
        store = request.app.state.store
        watchlist = _watchlist(store, name)
        items = []
        for alert in reversed(store.alerts(watchlist.name, since=_since(request))):  # newest first
            cluster = store.get_cluster(alert.cluster_id)
            items.append({"cluster_id": alert.cluster_id, "created": alert.created_at.isoformat(),
                          "event": cluster.model_dump(mode="json") if cluster is not None else None})
        return json_response({"items": items})

    @router.get("/api/watchlists/{name}/feed.atom", summary="A watchlist's alerts as an Atom feed")
    def feed(request: Request, name: str) -> Response:
        reject_unknown(request.query_params, ())
        store = request.app.state.store
        watchlist = _watchlist(store, name)
        found = store.alerts(watchlist.name)
        clusters = {a.cluster_id: store.get_cluster(a.cluster_id) for a in found}
        base = str(request.base_url)
        return Response(render_feed(watchlist.name, found, clusters, base), media_type=ATOM_TYPE)

    return router
