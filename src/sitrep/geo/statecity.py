"""Points of admin1 units and countries from the countries-states-cities database.

Source: the PyPI package ``countrystatecity-countries`` (2.0.1), which ships the dr5hn
countries-states-cities database as offline JSON: ``data/countries.json`` (countries with a
centre point) and ``data/by-country/XX/states.json`` (states and provinces with a centre point,
ISO 3166-2 code and type). Database (c) dr5hn and contributors, licensed under the Open
Database License (ODbL) v1.0, https://opendatacommons.org/licenses/odbl/1-0/ : the gazetteer
built from it is an adapted database and keeps this attribution in its ``meta`` table.

The files are read directly (the package's Python API loads them through pydantic, which is
slower). Units' points otherwise come from their member towns (:mod:`sitrep.geo.build`), which
cluster where people live (the south of Ontario): the database's points are the conventional
centres that reference works and readers use.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sitrep.geo.sources import package_data
from sitrep.geo.text import name_key

PACKAGE = "countrystatecity_countries"
ATTRIBUTION = ("countries-states-cities database (dr5hn, ODbL v1.0) via the PyPI package "
               "countrystatecity-countries 2.0.1")
# A unit's point within this distance of one of its large towns is that town's point (some rows
# give the capital's coordinates, New York's is New York City's): the derived centre is kept.
TOWN_POINT_KM = 15.0
TOWN_POINT_POPULATION = 100_000


@dataclass(frozen=True)
class StatePoint:
    """One state or province of the database with its point."""

    country_code: str
    name: str
    iso_code: str | None
    lat: float
    lon: float


def _data_dir() -> Path:
    return package_data(PACKAGE, "data")


def _float(value: object) -> float | None:
    try:
        return float(str(value))
    except ValueError:
        return None


def state_points() -> list[StatePoint]:
    """Every state or province with a point, read from the package's JSON files."""
    points = []
    for path in sorted((_data_dir() / "by-country").glob("*/states.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            lat, lon = _float(row.get("latitude")), _float(row.get("longitude"))
            if lat is None or lon is None or not row.get("country_code"):
                continue
            points.append(StatePoint(country_code=str(row["country_code"]), name=str(row.get("name") or ""),
                                     iso_code=row.get("iso3166_2") or None, lat=lat, lon=lon))
    return points


def country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 code -> (lat, lon) of each country with a point."""
    found: dict[str, tuple[float, float]] = {}
    for row in json.loads((_data_dir() / "countries.json").read_text(encoding="utf-8")):
        lat, lon = _float(row.get("latitude")), _float(row.get("longitude"))
        if lat is not None and lon is not None and row.get("iso2"):
            found[str(row["iso2"])] = (lat, lon)
    return found


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _unit_rows(conn: sqlite3.Connection) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Admin1 units by ISO 3166-2 code, and by (country, name key) for every name they bear."""
    by_iso: dict[str, int] = {}
    by_name: dict[tuple[str, str], set[int]] = defaultdict(set)
    for place, iso, country, key in conn.execute(
            "SELECT p.id, p.iso_code, p.country_code, n.key FROM places p JOIN names n ON n.place = p.id "
            "WHERE p.feature = 'admin1' AND n.alternate < 2"):
        if iso:
            by_iso[iso] = place
        if country:
            by_name[(country, key)].add(place)
    # A name two units of a country share says nothing about which one a row is.
    return by_iso, {k: next(iter(v)) for k, v in by_name.items() if len(v) == 1}


def _large_towns(conn: sqlite3.Connection) -> dict[str, list[tuple[float, float]]]:
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for admin1, lat, lon in conn.execute(
            "SELECT admin1_code, lat, lon FROM places WHERE feature = 'city' AND population >= ? "
            "AND admin1_code IS NOT NULL", (TOWN_POINT_POPULATION,)):
        towns[admin1].append((lat, lon))
    return towns


def place_admin1(conn: sqlite3.Connection) -> int:
    """Give admin1 units the database's point (matched by ISO 3166-2 code, else by a name that only one
    unit of the country bears), unless that point is one of the unit's large towns. Returns the count."""
    by_iso, by_name = _unit_rows(conn)
    admin1_codes = dict(conn.execute("SELECT id, admin1_code FROM places WHERE feature = 'admin1'").fetchall())
    towns = _large_towns(conn)
    updates: dict[int, tuple[float, float]] = {}
    for state in state_points():
        place = by_iso.get(state.iso_code or "") or by_name.get((state.country_code, name_key(state.name)))
        if place is None or place in updates:
            continue
        if any(_km(state.lat, state.lon, lat, lon) < TOWN_POINT_KM for lat, lon in towns.get(admin1_codes[place], ())):
            continue
        updates[place] = (state.lat, state.lon)
    conn.executemany("UPDATE places SET lat = ?, lon = ?, approx = 0, source = source || ' + countrystatecity' "
                     "WHERE id = ?", [(lat, lon, place) for place, (lat, lon) in updates.items()])
    return len(updates)
