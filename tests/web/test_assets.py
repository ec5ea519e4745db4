"""The dashboard's files without a browser: where they come from, and rules the page keeps."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

from sitrep.server.security import CSP
from sitrep.web import WEB_DIR, allow_tiles, static_file, tile_origin


def test_vendor_files_come_from_the_installed_packages() -> None:
    for path in ("vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css",
                 "vendor/markercluster/leaflet.markercluster.js", "vendor/markercluster/MarkerCluster.css"):
        found = static_file(path)
        assert found is not None and found.stat().st_size > 500, path
    assert static_file("js/app.js") == WEB_DIR / "js" / "app.js"


def test_nothing_outside_the_folders_is_served() -> None:
    for path in ("../__init__.py", "vendor/leaflet/../../__init__.py", "vendor/nothing/x.js", "__init__.py",
                 "/etc/passwd", "js/../../settings.py", ".hidden", "js\\app.js", "vendor/leaflet/", "",
                 "vendor/leaflet/" + "a" * 5000, "js/" + "a" * 300):
        assert static_file(path) is None, path


def test_country_outlines_are_small_complete_and_coded() -> None:
    path = WEB_DIR / "countries.geojson"
    assert path.stat().st_size < 1_000_000
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert "Natural Earth" in collection["_provenance"]
    features = collection["features"]
    assert len(features) == 177
    codes = [f["properties"]["iso_a3"] for f in features]
    assert "-99" not in codes
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert all(re.fullmatch(r"[A-Z]{2}", f["properties"]["iso_a2"] or "") for f in features)
    by_name = {f["properties"]["name"]: f["properties"] for f in features}
    assert by_name["France"]["iso_a2"] == "FR" and by_name["Norway"]["iso_a2"] == "NO"
    assert by_name["Kosovo"]["iso_a2"] == "XK"


def test_page_has_no_inline_script_and_no_html_from_data() -> None:
    html = (WEB_DIR / "index.html").read_text(encoding="utf-8")
    for tag in re.findall(r"<script\b[^>]*>(.*?)</script>", html, flags=re.S):
        assert tag.strip() == "", "inline script"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    assert not re.search(r"\sstyle\s*=", html), "inline style"
    assert "http://" not in html and "https://" not in html, "nothing from elsewhere"
    for script in (WEB_DIR / "js").glob("*.js"):
        # The SVG namespace is a name, not a request.
        source = script.read_text(encoding="utf-8").replace('"http://www.w3.org/2000/svg"', "SVG_NS")
        for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                          "new Function", "https://", "http://"):
            assert forbidden not in source, f"{script.name} uses {forbidden}"


def test_csp_forbids_inline_script_and_allows_only_the_tile_origin(tmp_path: Path) -> None:
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert allow_tiles(CSP, None) == CSP == allow_tiles(CSP, "")
    tiles = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    assert tile_origin(tiles) == "https://*.tile.example.org"
    assert tile_origin("javascript:alert(1)") is None and allow_tiles(CSP, "javascript:alert(1)") == CSP
    widened = allow_tiles(CSP, tiles)
    assert "img-src 'self' data: https://*.tile.example.org;" in widened
    assert widened.replace(" https://*.tile.example.org", "") == CSP

    with warnings.catch_warnings():  # starlette's TestClient warns about httpx; the client works
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from sitrep.server import create_app
    from sitrep.settings import Settings
    from sitrep.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    with TestClient(create_app(store, settings=Settings(tile_url=tiles, tile_attribution="© Example"))) as client:
        page = client.get("/")
        assert page.headers["content-security-policy"] == widened
        status = client.get("/api/status").json()
        assert status["tile_url"] == tiles and status["tile_attribution"] == "© Example"
    with TestClient(create_app(store)) as client:
        assert client.get("/").headers["content-security-policy"] == CSP
        assert client.get("/api/status").json()["tile_url"] is None
