"""Importing full GeoNames dumps into a built gazetteer, for users who have them.

Formats (tab-separated, no header; download.geonames.org/export/dump/readme.txt):
- ``allCountries.txt`` / ``XX.txt``: geonameid, name, asciiname, alternatenames, latitude,
  longitude, feature class, feature code, country code, cc2, admin1..admin4, population, ...
- ``alternateNamesV2.txt``: alternateNameId, geonameid, isolanguage, alternate name, ...
- ``admin1CodesASCII.txt`` / ``admin2Codes.txt``: code ('AF.42' / 'AF.42.3304'), name, asciiname, geonameid.
The kind is read from the file name; places replace those with the same geonameid.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.geo import gazetteer as store
from sitrep.geo.text import is_latin

# isolanguage values in alternateNames that are codes or links, not names.
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "abbr", "fr_1793"})
_FEATURES = {"PCLI": "country", "PCLD": "country", "PCLF": "country", "PCLS": "country", "PCLIX": "country",
             "ADM1": "admin1", "ADM2": "admin2"}
BATCH = 10_000


@dataclass
class ImportReport:
    """What an import did."""

    kind: str
    rows: int
    places: int
    names: int


def kind_of(path: Path) -> str:
    name = path.name.lower()
    if name.startswith("alternatenames"):
        return "alternate_names"
    if name.startswith("admin1codes"):
        return "admin1_codes"
    if name.startswith("admin2codes"):
        return "admin2_codes"
    return "places"


def _rows(path: Path) -> Iterator[list[str]]:
    handle = path.open(encoding="utf-8", newline="")
    return csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t",
                      quoting=csv.QUOTE_NONE)


def _feature(feature_class: str, code: str) -> str:
    if code in _FEATURES:
        return _FEATURES[code]
    return "city" if feature_class == "P" else "area"


def _upsert(conn: sqlite3.Connection, row: list[str]) -> int:
    gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc = row[:9]
    admin1, admin2, population = row[10], row[11], row[14]
    feature = _feature(fclass, fcode)
    a1 = f"{cc}.{admin1}" if admin1 else None
    a2 = f"{cc}.{admin1}.{admin2}" if admin1 and admin2 else None
    values = dict(name=name, feature=feature, country_code=cc, admin1_code=a1,
                  admin2_code=a2 if feature != "admin1" else None, population=int(population or 0),
                  lat=float(lat), lon=float(lon), approx=0, capital=int(fcode == "PPLC"), source="geonames import")
    existing = conn.execute("SELECT id, iso_code FROM places WHERE gid = ?", (f"geonames:{gid}",)).fetchone()
    if existing:
        conn.execute(f"UPDATE places SET {', '.join(k + ' = ?' for k in values)} WHERE id = ?",
                     (*values.values(), existing[0]))
        conn.execute("DELETE FROM names WHERE place = ?", (existing[0],))
        place = int(existing[0])
    else:
        cursor = conn.execute(f"INSERT INTO places (gid, {', '.join(values)}) VALUES (?{', ?' * len(values)})",
                              (f"geonames:{gid}", *values.values()))
        assert cursor.lastrowid is not None
        place = cursor.lastrowid
    names = {ascii_name, *alternates.split(",")} - {""}
    store.add_names(conn, place, {n for n in names if is_latin(n)}, name)
    return place


def import_file(path: Path, gazetteer_path: Path) -> ImportReport:
    """Load one GeoNames file into the gazetteer at ``gazetteer_path`` (which must exist)."""
    kind = kind_of(path)
    conn = sqlite3.connect(gazetteer_path)
    rows = places = names = 0
    try:
        for row in _rows(path):
            rows += 1
            if kind == "places" and len(row) >= 15:
                _upsert(conn, row)
                places += 1
            elif kind == "alternate_names" and len(row) >= 4:
                names += _add_alternate(conn, row)
            elif kind in ("admin1_codes", "admin2_codes") and len(row) >= 4:
                names += _add_admin_name(conn, row, "admin1" if kind == "admin1_codes" else "admin2")
            if rows % BATCH == 0:
                conn.commit()
        conn.commit()
    finally:
        conn.close()
    return ImportReport(kind, rows, places, names)


def _add_alternate(conn: sqlite3.Connection, row: list[str]) -> int:
    gid, language, name = row[1], row[2], row[3]
    if language in _NOT_NAMES or not is_latin(name):
        return 0
    found = conn.execute("SELECT id FROM places WHERE gid = ?", (f"geonames:{gid}",)).fetchone()
    if not found:
        return 0
    store.add_names(conn, found[0], {name}, "")
    return 1


def _add_admin_name(conn: sqlite3.Connection, row: list[str], feature: str) -> int:
    """Name an admin unit by its code; the unit keeps any point it already has."""
    code, name, ascii_name, gid = row[:4]
    column = "admin1_code" if feature == "admin1" else "admin2_code"
    found = conn.execute(f"SELECT id FROM places WHERE {column} = ? AND feature = ?", (code, feature)).fetchone()
    if found:
        place = found[0]
    else:
        parts = code.split(".")
        cursor = conn.execute(
            "INSERT INTO places (gid, name, feature, country_code, admin1_code, admin2_code, source) "
            "VALUES (?, ?, ?, ?, ?, ?, 'geonames import')",
            (f"geonames:{gid}", name, feature, parts[0], ".".join(parts[:2]),
             code if feature == "admin2" else None))
        assert cursor.lastrowid is not None
        place = cursor.lastrowid
    store.add_names(conn, place, {ascii_name} - {""}, "" if found else name)
    if found:
        store.add_names(conn, place, {name}, "")
    return 1
