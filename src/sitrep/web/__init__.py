"""The dashboard: a static page (index.html, css/, js/, countries.geojson) that fetches ``/api/...``.

Nothing here renders data on the server: the page escapes by construction (``textContent`` and
``createElement`` only). This module only tells the server where the files are:

- files of this folder are served under ``/static/`` (``index.html`` at ``/``);
- Leaflet and Leaflet.markercluster come from the PyPI packages XStatic-Leaflet and
  XStatic-Leaflet-MarkerCluster and are served from the installed package under
  ``/static/vendor/leaflet/`` and ``/static/vendor/markercluster/`` (no copy, no CDN).

``static_file(path)`` resolves one URL path below ``/static/`` to a file, or None for anything
outside these folders (``..``, absolute paths, symlinks out, hidden files).
``allow_tiles(csp, tile_url)`` widens the server's Content-Security-Policy (sitrep.server.security.CSP)
to images from the tile server's origin, only when the ``tile_url`` setting is set.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

__all__ = ["WEB_DIR", "INDEX", "static_file", "vendor_dirs", "allow_tiles", "tile_origin"]

WEB_DIR = Path(__file__).resolve().parent
INDEX = WEB_DIR / "index.html"


def vendor_dirs() -> dict[str, Path]:
    """URL prefix below /static/vendor/ -> folder of the installed XStatic package."""
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    return {
        "leaflet": Path(leaflet.BASE_DIR).resolve(),
        "markercluster": Path(markercluster.BASE_DIR).resolve(),
    }


def _inside(root: Path, relative: str) -> Path | None:
    parts = [p for p in relative.split("/") if p]
    if not parts or any(p in (".", "..") or p.startswith(".") or "\\" in p or "\x00" in p for p in parts):
        return None
    try:
        candidate = root.joinpath(*parts).resolve()
        if not candidate.is_relative_to(root) or not candidate.is_file():
            return None
    except OSError:  # a name too long for the file system, and the like
        return None
    return candidate


def static_file(path: str) -> Path | None:
    """The file behind ``/static/<path>``, or None (then the server answers 404)."""
    path = path.lstrip("/")
    if path.startswith("vendor/"):
        name, _, rest = path[len("vendor/"):].partition("/")
        root = vendor_dirs().get(name)
        return _inside(root, rest) if root else None
    if path.endswith(".py") or path.startswith("__pycache__"):
        return None
    return _inside(WEB_DIR, path)


def tile_origin(tile_url: str | None) -> str | None:
    """``https://{s}.tile.example.org/{z}/{x}/{y}.png`` -> ``https://*.tile.example.org``."""
    if not tile_url:
        return None
    parts = urlsplit(tile_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    host = parts.netloc.replace("{s}", "*")
    return f"{parts.scheme}://{host}"


def allow_tiles(csp: str, tile_url: str | None) -> str:
    """The server's Content-Security-Policy with the tile server's origin added to ``img-src``
    (unchanged when no tile URL is set: then the page loads nothing from elsewhere)."""
    origin = tile_origin(tile_url)
    if not origin:
        return csp
    return re.sub(r"img-src ([^;]*)", lambda m: f"img-src {m.group(1)} {origin}", csp, count=1)
