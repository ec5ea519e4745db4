"""Build the dashboard's country-outline layer (src/sitrep/web/countries.geojson).

Source: the ``naturalearth_lowres`` test fixture shipped inside the PyPI package pyogrio 0.13.0
(Natural Earth 1:110m Admin 0 countries, public domain, 177 features). pyogrio is a dev
dependency (requirements/dev.txt); install it alone with ``pip install pyogrio==0.13.0``.

What the script does, and why:
- reads the shapefile with pyogrio (raw WKB, so neither shapely nor geopandas is needed);
- fixes the five features whose ``iso_a3`` is ``-99`` in the fixture (FIX_ISO below says why each
  code was chosen) and adds ``iso_a2`` from pycountry, since sitrep's filters use ISO 3166-1 alpha-2;
- rounds coordinates to 2 decimals (about 1 km, well under the 1:110m source's own accuracy) and drops
  the repeated points that rounding makes, so the file stays small (~150 kB).

Run: ``python scripts/build_country_outlines.py`` (rewrites the file; the output is deterministic).
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path
from typing import Any

import pycountry

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "src" / "sitrep" / "web" / "countries.geojson"
DECIMALS = 2

# name in the fixture -> (iso_a3, iso_a2, why)
FIX_ISO: dict[str, tuple[str, str, str]] = {
    "France": ("FRA", "FR", "ISO 3166-1 code of France (Natural Earth leaves -99 because of overseas regions)"),
    "Norway": ("NOR", "NO", "ISO 3166-1 code of Norway (Natural Earth leaves -99 because of Svalbard)"),
    "Kosovo": ("XKX", "XK", "user-assigned code used by the EU, IMF and ACLED; Kosovo has no ISO 3166-1 entry"),
    "N. Cyprus": ("CYP", "CY", "no ISO code; ISO 3166 and ACLED code events there under Cyprus"),
    "Somaliland": ("SOM", "SO", "no ISO code; ISO 3166 and ACLED code events there under Somalia"),
}


def fixture_path() -> Path:
    try:
        import pyogrio
    except ImportError:
        sys.exit("pyogrio is needed: pip install pyogrio==0.13.0 (listed in requirements/dev.txt)")
    path = Path(pyogrio.__file__).parent / "tests" / "fixtures" / "naturalearth_lowres" / "naturalearth_lowres.shp"
    if not path.exists():
        sys.exit(f"{path} not found: pyogrio 0.13.0 ships it as a test fixture")
    return path


def _read_ring(data: bytes, offset: int, fmt: str) -> tuple[list[list[float]], int]:
    (count,) = struct.unpack_from(fmt + "I", data, offset)
    offset += 4
    ring = []
    for _ in range(count):
        x, y = struct.unpack_from(fmt + "dd", data, offset)
        offset += 16
        ring.append([round(x, DECIMALS), round(y, DECIMALS)])
    return ring, offset


def _read_polygon(data: bytes, offset: int) -> tuple[list[list[list[float]]], int]:
    fmt = "<" if data[offset] == 1 else ">"
    (kind,) = struct.unpack_from(fmt + "I", data, offset + 1)
    if kind != 3:
        raise ValueError(f"expected a WKB polygon, got type {kind}")
    (rings,) = struct.unpack_from(fmt + "I", data, offset + 5)
    offset += 9
    polygon = []
    for _ in range(rings):
        ring, offset = _read_ring(data, offset, fmt)
        polygon.append(ring)
    return polygon, offset


def wkb_to_multipolygon(data: bytes) -> list[list[list[list[float]]]]:
    """WKB Polygon or MultiPolygon -> GeoJSON MultiPolygon coordinates."""
    fmt = "<" if data[0] == 1 else ">"
    (kind,) = struct.unpack_from(fmt + "I", data, 1)
    if kind == 3:
        return [_read_polygon(data, 0)[0]]
    if kind != 6:
        raise ValueError(f"unexpected WKB geometry type {kind}")
    (parts,) = struct.unpack_from(fmt + "I", data, 5)
    offset = 9
    polygons = []
    for _ in range(parts):
        polygon, offset = _read_polygon(data, offset)
        polygons.append(polygon)
    return polygons


def clean_ring(ring: list[list[float]]) -> list[list[float]] | None:
    """Drop consecutive repeats made by rounding; a ring left with under 4 points is dropped."""
    out: list[list[float]] = []
    for point in ring:
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def iso_a2(iso_a3: str) -> str | None:
    country = pycountry.countries.get(alpha_3=iso_a3)
    return country.alpha_2 if country else None


def build() -> dict[str, Any]:
    from pyogrio import raw

    meta, _fids, geometries, fields = raw.read(fixture_path())
    names = list(meta["fields"])
    features = []
    for index, wkb in enumerate(geometries):
        props = {name: fields[i][index] for i, name in enumerate(names)}
        name = str(props["name"])
        a3 = str(props["iso_a3"])
        a2 = iso_a2(a3)
        if a3 == "-99":
            if name not in FIX_ISO:
                raise SystemExit(f"{name} has iso_a3 -99 and no entry in FIX_ISO")
            a3, a2, _why = FIX_ISO[name]
        polygons = []
        for polygon in wkb_to_multipolygon(bytes(wkb)):
            rings = [r for r in (clean_ring(ring) for ring in polygon) if r]
            if rings:
                polygons.append(rings)
        features.append({
            "type": "Feature",
            "properties": {"name": name, "iso_a3": a3, "iso_a2": a2, "continent": str(props["continent"])},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
        })
    features.sort(key=lambda f: f["properties"]["name"])
    return {
        "type": "FeatureCollection",
        "_provenance": (
            "Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), from the "
            "naturalearth_lowres test fixture of the PyPI package pyogrio 0.13.0; built by "
            "scripts/build_country_outlines.py: five -99 ISO codes fixed, iso_a2 added from pycountry, "
            f"coordinates rounded to {DECIMALS} decimals"
        ),
        "features": features,
    }


def main() -> None:
    collection = build()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    missing = [f["properties"]["name"] for f in collection["features"] if not f["properties"]["iso_a2"]]
    print(f"{OUTPUT}: {len(collection['features'])} countries, {OUTPUT.stat().st_size // 1024} kB"
          + (f"; no iso_a2 for {missing}" if missing else ""))


if __name__ == "__main__":
    main()
