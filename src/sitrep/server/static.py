"""The dashboard's static files (src/sitrep/web/) with a resolver that cannot leave its folder."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from sitrep.server.errors import ApiError

__all__ = ["WEB_ROOT", "resolve_static", "static_router"]

WEB_ROOT = Path(__file__).resolve().parent.parent / "web"
_TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".json": "application/json",
          ".geojson": "application/geo+json", ".svg": "image/svg+xml", ".png": "image/png",
          ".html": "text/html; charset=utf-8", ".ico": "image/x-icon", ".woff2": "font/woff2"}


def resolve_static(root: Path, relative: str) -> Path:
    """The file ``relative`` names under ``root``; 404 for anything else.

    Refused: empty, absolute, backslashes, NUL, dot-segments and hidden names, and any path
    that resolves (after symlinks) outside ``root``.
    """
    parts = relative.split("/")
    if (not relative or "\\" in relative or "\x00" in relative or relative.startswith("/")
            or any(part in ("", ".", "..") or part.startswith(".") for part in parts)):
        raise ApiError(404, "not_found", "no such file", "")
    base = root.resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base) or not target.is_file():
        raise ApiError(404, "not_found", "no such file", "")
    return target


def _file(root: Path, relative: str) -> FileResponse:
    path = resolve_static(root, relative)
    media = _TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return FileResponse(path, media_type=media, headers={"Cache-Control": "no-cache"})


def static_router(root: Path = WEB_ROOT) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    def index() -> FileResponse:
        return _file(root, "index.html")

    @router.get("/static/{path:path}")
    def static(path: str) -> FileResponse:
        return _file(root, path)

    return router
