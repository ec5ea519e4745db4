"""A stand-in for the REST API (docs/api.md), used only until the real server runs in this branch.

Serves the dashboard's files exactly as the server does (sitrep.web.static_file) and answers the
few routes the page calls from hand-written records, with the same shapes and filters.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response

from sitrep.web import INDEX, content_security_policy, static_file

SAFE_TEXT = ("BAIDOA, Somalia - Gunmen attacked a police station in Baidoa on Monday, killing four "
             "officers, the regional police commander said. Residents said the attackers fled north.")
XSS_TITLE = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
XSS_TEXT = ('KISMAYO - <script>window.__xss = 3</script> Fighters clashed near Kismayo on Tuesday. '
            '<img src=x onerror="window.__xss = 4"> The army said it killed 12 militants; the group denied it.')


def _span(text: str, phrase: str) -> dict[str, Any]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def records() -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    articles = {
        "a1": {"id": "a1", "title": "Police station attacked in Baidoa", "outlet": "Example Wire",
               "url": "https://news.example.org/baidoa", "published": "2024-05-07", "text": SAFE_TEXT,
               "events": [{"id": "e1", "evidence": [_span(SAFE_TEXT, SAFE_TEXT.split(". ")[0])],
                           "date_span": _span(SAFE_TEXT, "Monday"),
                           "fatalities": {"reported": [{"value": 4, "span": _span(SAFE_TEXT, "four officers")}]},
                           "claims": [{"claimant": "Police Forces of Somalia", "stance": "asserted",
                                       "fact": "event", "claimant_span": _span(SAFE_TEXT, "the regional police commander"),
                                       "cue": _span(SAFE_TEXT, "said")}]}]},
        "a2": {"id": "a2", "title": XSS_TITLE, "outlet": '<img src=x onerror="window.__xss = 5">',
               "url": "javascript:window.__xss = 6", "published": "2024-05-08", "text": XSS_TEXT,
               "events": [{"id": "e2", "evidence": [_span(XSS_TEXT, "Fighters clashed near Kismayo on Tuesday.")],
                           "claims": []}]},
    }
    clusters = [
        {"id": "c1", "event_type": "Violence against civilians", "sub_event_type": "Attack",
         "date": "2024-05-06", "date_precision": 1,
         "location": {"name": "Baidoa", "admin1": "Bay", "country": "Somalia", "country_code": "SO",
                      "lat": 3.11, "lon": 43.65, "geo_precision": 1},
         "actors": [{"name": "Unidentified Armed Group (Somalia)", "roles": ["actor1"]}],
         "fatalities": {"low": 4, "best": 4, "high": 4}, "injured": {}, "sources": 1, "contested": False,
         "reports": [{"article_id": "a1", "event_id": "e1", "outlet": "Example Wire", "url": articles["a1"]["url"],
                      "published": "2024-05-07", "title": articles["a1"]["title"]}],
         "claims_by_side": {"non_party": [{"claimant": "Police Forces of Somalia", "claims": [
             {"fact": "event", "stance": "asserted", "span": _span(SAFE_TEXT, "Gunmen attacked a police station")}]}]},
         "flags": [], "first_reported": "2024-05-07", "last_updated": "2024-05-07"},
        {"id": "c2", "event_type": "Battles", "sub_event_type": "Armed clash", "date": "2024-05-07",
         "date_precision": 1,
         "location": {"name": "Kismayo", "admin1": "Lower Juba", "country": "Somalia", "country_code": "SO",
                      "lat": -0.36, "lon": 42.55, "geo_precision": 1},
         "actors": [{"name": XSS_TITLE, "roles": ["actor1"]}],
         "fatalities": {"low": 0, "best": 12, "high": 12}, "sources": 1, "contested": True,
         "contested_reasons": ["al-Shabaab denies: 'it'"],
         "reports": [{"article_id": "a2", "event_id": "e2", "outlet": articles["a2"]["outlet"],
                      "url": articles["a2"]["url"], "published": "2024-05-08", "title": XSS_TITLE}],
         "claims_by_side": {"party": [{"claimant": XSS_TITLE, "claims": [
             {"fact": "fatalities", "stance": "claimed", "claimant_is_party": True,
              "span": _span(XSS_TEXT, "it killed 12 militants")}]}]},
         "flags": [{"code": "single_party_claim", "reason": XSS_TITLE}],
         "first_reported": "2024-05-08", "last_updated": "2024-05-08"},
        {"id": "c3", "event_type": "Protests", "sub_event_type": "Peaceful protest", "date": "2024-05-10",
         "date_precision": 1,
         "location": {"name": "Nairobi", "admin1": "Nairobi", "country": "Kenya", "country_code": "KE",
                      "lat": -1.29, "lon": 36.82, "geo_precision": 1},
         "actors": [], "fatalities": {}, "sources": 1, "contested": False, "reports": [],
         "claims_by_side": {}, "flags": []},
        {"id": "c4", "event_type": "Battles", "sub_event_type": "Armed clash", "date": "2024-05-10",
         "date_precision": 1,
         "location": {"name": "Kismayo", "admin1": "Lower Juba", "country": "Somalia", "country_code": "SO",
                      "lat": -0.36, "lon": 42.55, "geo_precision": 1},
         "actors": [], "fatalities": {"best": 2, "low": 2, "high": 2}, "sources": 1, "contested": False,
         "reports": [], "claims_by_side": {}, "flags": []},
    ]
    return clusters, articles


def _matches(cluster: dict[str, Any], params: dict[str, str]) -> bool:
    day = cluster.get("date") or ""
    if params.get("from") and day < params["from"]:
        return False
    if params.get("to") and day > params["to"]:
        return False
    for name, value in (("event_type", cluster["event_type"]), ("country", cluster["location"]["country_code"])):
        if params.get(name) and value not in params[name].split(","):
            return False
    if params.get("contested") and str(cluster["contested"]).lower() != params["contested"]:
        return False
    if params.get("q"):
        return any(params["q"].lower() in r["title"].lower() for r in cluster["reports"])
    return True


def create_fixture_app() -> FastAPI:
    clusters, articles = records()
    app = FastAPI()
    csp = content_security_policy()

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = csp
        return response

    @app.get("/")
    def index() -> FileResponse:
        return FileResponse(INDEX)

    @app.get("/static/{path:path}")
    def static(path: str) -> Response:
        found = static_file(path)
        if found is None:
            return JSONResponse({"error": {"code": "not_found", "message": "no such file", "hint": ""}}, 404)
        return FileResponse(found)

    @app.get("/api/events")
    def events(request: Request) -> dict[str, Any]:
        params = dict(request.query_params)
        items = [c for c in clusters if _matches(c, params)]
        return {"items": items, "next": None, "total": len(items)}

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> Response:
        found = next((c for c in clusters if c["id"] == event_id), None)
        if found is None:
            return JSONResponse({"error": {"code": "not_found", "message": "no such event", "hint": ""}}, 404)
        return JSONResponse(found)

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        return articles[article_id]

    @app.get("/api/stats")
    def stats(request: Request) -> dict[str, Any]:
        params = dict(request.query_params)
        counts: dict[tuple[str, str], int] = {}
        for c in clusters:
            if _matches(c, params):
                counts[(c["date"], c["event_type"])] = counts.get((c["date"], c["event_type"]), 0) + 1
        rows = [{"period": p, "key": k, "events": n, "fatalities": 0} for (p, k), n in sorted(counts.items())]
        return {"by": "day", "group": "event_type", "rows": rows}

    @app.get("/api/filters")
    def filters() -> dict[str, Any]:
        return {"fields": [{"name": n, "type": "text", "help": n} for n in (
            "from", "to", "country", "admin1", "bbox", "event_type", "sub_event_type", "actor", "claimant",
            "party_claims", "contested", "min_sources", "q", "updated_since")]}

    @app.get("/api/status")
    def status() -> dict[str, Any]:
        return {"articles": 2, "events": 4, "clusters": 4, "read_only": True, "generated": dt.date.today().isoformat()}

    return app
