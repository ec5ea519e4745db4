"""The gazetteer store: an SQLite file of places and their names, and indexed lookups.

The file is built (``sitrep gazetteer build``, see :mod:`sitrep.geo.build`), never
committed. It lives in the user data dir (:func:`default_path`): ``$SITREP_HOME``
if set, else ``$XDG_DATA_HOME/sitrep`` or ``~/.local/share/sitrep``. Opening it is
instant; every lookup hits an index and is memoised, so a document costs a few
dozen indexed queries at most.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sitrep.geo.text import name_key, skeleton

SCHEMA_VERSION = "13"
FILE_NAME = f"gazetteer-v{SCHEMA_VERSION}.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    gid TEXT UNIQUE,            -- 'geonames:4314550', 'supplement:AF-PAN-paryan', 'country:AF'
    name TEXT NOT NULL,
    feature TEXT NOT NULL,      -- continent | country | region | admin1 | admin2 | city | area
    country_code TEXT,
    admin1_code TEXT,           -- GeoNames style 'US.LA'
    admin2_code TEXT,           -- GeoNames style 'US.LA.079'
    iso_code TEXT,              -- ISO 3166-2 for admin1 rows
    population INTEGER DEFAULT 0,
    lat REAL,
    lon REAL,
    approx INTEGER DEFAULT 0,   -- 1: coordinates derived (centre of member towns), not surveyed
    capital INTEGER DEFAULT 0,  -- 1: a country's capital ('Washington' in a text is mostly the capital)
    source TEXT
);
-- alternate: 0 the place's own name, 1 an alternate name, 2 a unit's bare stem ('Clarke' of 'Clarke County')
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, skel TEXT NOT NULL, place INTEGER NOT NULL,
                                  alternate INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS demonyms (key TEXT NOT NULL, place INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS names_skel ON names(skel);
CREATE INDEX IF NOT EXISTS demonyms_key ON demonyms(key);
CREATE INDEX IF NOT EXISTS places_admin1 ON places(admin1_code, feature);
CREATE INDEX IF NOT EXISTS places_admin2 ON places(admin2_code, feature);
CREATE INDEX IF NOT EXISTS places_country ON places(country_code, feature);
"""
_COLUMNS = ("id, gid, name, feature, country_code, admin1_code, admin2_code, iso_code, population, "
            "lat, lon, approx, capital")
_PREFIXED = ", ".join("p." + column.strip() for column in _COLUMNS.split(","))


@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    id: int
    gid: str
    name: str
    feature: str
    country_code: str | None
    admin1_code: str | None
    admin2_code: str | None
    iso_code: str | None
    population: int
    lat: float | None
    lon: float | None
    approx: bool
    capital: bool = False


@dataclass(frozen=True)
class Hit:
    """A place found under a name, and how the name belongs to it (0 own, 1 alternate, 2 bare stem)."""

    entry: Entry
    kind: int
    matched: str  # the name key that matched


def default_path() -> Path:
    """Where the built gazetteer lives (see the module docstring)."""
    home = os.environ.get("SITREP_HOME")
    if home:
        return Path(home) / FILE_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sitrep" / FILE_NAME


def create(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def index(conn: sqlite3.Connection) -> None:
    conn.executescript(INDEXES)


def create_file(path: Path) -> None:
    """An empty, indexed gazetteer (for imports from GeoNames dumps alone, and for tests)."""
    conn = sqlite3.connect(path)
    create(conn)
    index(conn)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
    conn.commit()
    conn.close()


def add_names(conn: sqlite3.Connection, place: int, names: set[str], primary: str, alternate: int = 1) -> None:
    """Index ``primary`` (kind 0) and ``names`` (kind ``alternate``) under both keys, each key once."""
    seen: set[str] = set()
    rows = []
    for name in [primary, *sorted(names)]:
        key = name_key(name)
        if not key or key in seen:
            continue
        seen.add(key)
        rows.append((key, skeleton(name), place, 0 if name == primary else alternate))
    conn.executemany("INSERT INTO names (key, skel, place, alternate) VALUES (?, ?, ?, ?)", rows)


def _entry(row: tuple[object, ...]) -> Entry:
    """An Entry from a row of the ``_COLUMNS`` columns, in order."""
    return Entry(*row[:11], bool(row[11]), bool(row[12]))  # type: ignore[arg-type, call-arg]


class Gazetteer:
    """Read-only access to a built gazetteer file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = self._connect()
        # Memoised per instance: documents repeat the same few names.
        self.by_key = functools.lru_cache(maxsize=50_000)(self._by_key)
        self.by_skeleton = functools.lru_cache(maxsize=50_000)(self._by_skeleton)
        self.get = functools.lru_cache(maxsize=50_000)(self._get)
        self.admin = functools.lru_cache(maxsize=20_000)(self._admin)
        self.country = functools.lru_cache(maxsize=1_000)(self._country)
        self.demonym = functools.lru_cache(maxsize=5_000)(self._demonym)

    def _connect(self) -> sqlite3.Connection:
        self._pid = os.getpid()
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection, reopened in a forked worker: SQLite connections must not cross a fork."""
        if os.getpid() != self._pid:
            self._conn = self._connect()
        return self._conn

    def close(self) -> None:
        self._conn.close()

    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM meta").fetchall())

    def _rows(self, sql: str, args: tuple[object, ...]) -> tuple[Entry, ...]:
        return tuple(_entry(row) for row in self.conn.execute(sql, args))

    def _hits(self, column: str, value: str) -> tuple[Hit, ...]:
        rows = self.conn.execute(
            f"SELECT MIN(n.alternate), n.key, {_PREFIXED} FROM names n JOIN places p ON p.id = n.place "
            f"WHERE n.{column} = ? GROUP BY p.id", (value,)).fetchall()
        return tuple(Hit(_entry(row[2:]), row[0], row[1]) for row in rows)

    def _by_key(self, key: str) -> tuple[Hit, ...]:
        """Places one of whose names has exactly this :func:`name_key`."""
        return self._hits("key", key)

    def _by_skeleton(self, skel: str) -> tuple[Hit, ...]:
        """Places one of whose names shares this :func:`skeleton` (transliteration variants)."""
        # Short skeletons ('hdd' of Hodeidah) are shared by many names: callers filter by ratio.
        return self._hits("skel", skel) if len(skel) >= 3 else ()

    def _demonym(self, key: str) -> Entry | None:
        """The country a demonym ('afghan', 'russians') names."""
        # 'American' is the demonym of several territories too: the most populous country wins.
        row = self.conn.execute("SELECT d.place FROM demonyms d JOIN places p ON p.id = d.place WHERE d.key = ? "
                                "ORDER BY p.population DESC LIMIT 1", (key,)).fetchone()
        return self.get(row[0]) if row else None

    def _get(self, place_id: int) -> Entry | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,))
        return rows[0] if rows else None

    def _admin(self, code: str, feature: str) -> Entry | None:
        """The admin1 or admin2 unit with a GeoNames admin code ('US.LA', 'US.LA.079')."""
        column = "admin1_code" if feature == "admin1" else "admin2_code"
        rows = self._rows(f"SELECT {_COLUMNS} FROM places WHERE {column} = ? AND feature = ? LIMIT 1",
                          (code, feature))
        return rows[0] if rows else None

    def _country(self, code: str) -> Entry | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM places WHERE country_code = ? AND feature = 'country' "
                          "LIMIT 1", (code,))
        return rows[0] if rows else None

    def own_names(self, country_code: str, min_population: int) -> tuple[tuple[str, Entry], ...]:
        """(name key, place) for the own names of a country's admin1 units and of its towns of at least
        ``min_population`` inhabitants (geo.outlet reads outlets' domains with them)."""
        rows = self.conn.execute(
            f"SELECT n.key, {_PREFIXED} FROM names n JOIN places p ON p.id = n.place WHERE p.country_code = ? "
            "AND n.alternate = 0 AND (p.feature = 'admin1' OR (p.feature = 'city' AND p.population >= ?))",
            (country_code, min_population)).fetchall()
        return tuple((row[0], _entry(row[1:])) for row in rows)

    def lookup(self, name: str) -> tuple[Hit, ...]:
        return self.by_key(name_key(name))

    def variants(self, name: str) -> tuple[Hit, ...]:
        """Places with a name of the same :func:`skeleton`; names of fewer than seven letters only when
        their skeleton has four consonants or more (short names have too many namesakes)."""
        skel = skeleton(name)
        if len(skel) < 4 and len(name_key(name).replace(" ", "")) < 7:
            return ()
        return self.by_skeleton(skel)
