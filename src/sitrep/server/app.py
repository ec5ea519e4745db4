"""The app factory: `create_app(store, token=None)` assembles routers, errors and security.

The server only asks the store (no SQL here); it is read-only unless a token is given.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse

from sitrep.server.docs_page import DOCS_CSS, render_docs
from sitrep.server.errors import install_error_handlers
from sitrep.server.head import HeadAsGet
from sitrep.server.routes_articles import articles_router
from sitrep.server.routes_brief import brief_router
from sitrep.server.routes_events import events_router
from sitrep.server.routes_meta import meta_router
from sitrep.server.routes_watch import watch_router
from sitrep.server.security import CSP, MAX_BODY_BYTES, EdgeMiddleware
from sitrep.server.static import WEB_ROOT, static_router
from sitrep.settings import Settings
from sitrep.web import allow_tiles

__all__ = ["create_app"]

DESCRIPTION = ("Sourced, geocoded, deduplicated conflict events and who claims every fact. "
               "Read-only unless the server has a token; writes send 'Authorization: Bearer TOKEN'.")


def create_app(store: Any, token: str | None = None, settings: Settings | None = None,
               web_root: Any = WEB_ROOT, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    app = FastAPI(title="sitrep", version="0.1.0", description=DESCRIPTION, openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url=None)
    app.state.store = store
    app.state.token = token or None
    app.state.settings = settings or Settings()
    install_error_handlers(app)
    app.add_middleware(HeadAsGet)
    for router in (events_router(), articles_router(), meta_router(), brief_router(), watch_router(),
                   static_router(web_root)):
        app.include_router(router)

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if not hasattr(app.state, "docs_html"):
            app.state.docs_html = render_docs(app.openapi())
        return HTMLResponse(app.state.docs_html)

    @app.get("/api/docs.css", include_in_schema=False)
    def docs_css(request: Request) -> Response:
        return Response(DOCS_CSS, media_type="text/css")

    # Pages of events are JSON that compresses 5-6x: a browser that asks gets them gzipped (level 1 costs
    # ~1 ms per 100 kB here; across a network the 10,000-event dashboard moves ~0.6 MB instead of 3.5 MB).
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=1)
    # A tile URL (setting tile_url) is the one origin the page may load images from.
    csp = allow_tiles(CSP, app.state.settings.tile_url)
    app.add_middleware(EdgeMiddleware, max_body=max_body, csp=csp)
    return app
