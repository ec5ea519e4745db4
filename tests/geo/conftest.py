"""A tiny gazetteer written here in GeoNames dump format (no download, no ../shared)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from sitrep.geo.gazetteer import Gazetteer, create_file
from sitrep.geo.geonames_import import import_file
from sitrep.geo.recognise import Recogniser
from sitrep.geo.resolve import Resolution, Resolver
from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.nlp import load_nlp

# geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 admin1 admin2 admin3 admin4 population
# elevation dem timezone modified. Coordinates approximate; ids are made up (9xxxxxx) except the shape.
PLACES = [
    ("9000001", "Afghanistan", "Afghanistan", "Afghanistan,Islamic Republic of Afghanistan", "33.0", "65.0",
     "A", "PCLI", "AF", "", "00", "", "38000000"),
    ("9000002", "Panjshayr", "Panjshayr", "Panjshir,Panjsher,Panjshir Province", "35.33", "69.56", "A", "ADM1",
     "AF", "", "42", "", "150000"),
    ("9000003", "Parian", "Parian", "Paryan,Paryan District", "35.55", "69.95", "A", "ADM2", "AF", "", "42",
     "3304", "20000"),
    ("9000004", "Bazarak", "Bazarak", "", "35.31", "69.52", "P", "PPLA", "AF", "", "42", "3301", "5000"),
    ("9000005", "Kabul", "Kabul", "Kabol", "34.53", "69.17", "P", "PPLC", "AF", "", "13", "", "3000000"),
    ("9000006", "Mazar-e Sharif", "Mazar-e Sharif", "Mazar-i-Sharif,Mazari Sharif", "36.71", "67.11", "P",
     "PPLA", "AF", "", "30", "", "400000"),
    ("9000010", "Greece", "Greece", "", "39.0", "22.0", "A", "PCLI", "GR", "", "00", "", "10400000"),
    ("9000011", "Athens", "Athens", "Athina,Athinai", "37.98", "23.73", "P", "PPLC", "GR", "", "ESYE31",
     "", "660000"),
    ("9000020", "United States", "United States", "USA,United States of America", "39.76", "-98.5", "A",
     "PCLI", "US", "", "00", "", "330000000"),
    ("9000021", "Georgia", "Georgia", "", "32.75", "-83.5", "A", "ADM1", "US", "", "GA", "", "10700000"),
    ("9000022", "Clarke County", "Clarke County", "Clarke", "33.95", "-83.37", "A", "ADM2", "US", "", "GA",
     "059", "128000"),
    ("9000023", "Athens", "Athens", "", "33.96", "-83.38", "P", "PPLA2", "US", "", "GA", "059", "127000"),
    ("9000024", "Twitter", "Twitter", "", "40.0", "-90.0", "P", "PPL", "US", "", "IL", "", "600"),
    ("9000025", "Alliance", "Alliance", "", "40.92", "-81.11", "P", "PPL", "US", "", "OH", "", "21000"),
    ("9000026", "Dana", "Dana", "", "35.3", "-82.4", "P", "PPL", "US", "", "NC", "", "3000"),
    ("9000027", "Ohio", "Ohio", "", "40.25", "-82.75", "A", "ADM1", "US", "", "OH", "", "11800000"),
    ("9000028", "Dublin", "Dublin", "", "40.1", "-83.1", "P", "PPL", "US", "", "OH", "", "49000"),
    ("9000030", "Ireland", "Ireland", "", "53.0", "-8.0", "A", "PCLI", "IE", "", "00", "", "5000000"),
    ("9000031", "Dublin", "Dublin", "Baile Atha Cliath", "53.35", "-6.26", "P", "PPLC", "IE", "", "07", "",
     "1000000"),
    ("9000032", "Washington", "Washington", "", "47.5", "-120.5", "A", "ADM1", "US", "", "WA", "", "7700000"),
    ("9000033", "Washington", "Washington", "", "38.9", "-77.04", "P", "PPLC", "US", "", "DC", "", "690000"),
]


def write_places(path: Path, rows: Sequence[tuple[str, ...]] = ()) -> Path:
    """A GeoNames dump of ``rows`` (PLACES when none are given): 13 fields each, the rest filled in."""
    lines = ["\t".join([*row[:12], "", "", row[12], "", "", "UTC", "2024-01-01"]) for row in rows or PLACES]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build_gazetteer(folder: Path, rows: Sequence[tuple[str, ...]], demonyms: Mapping[str, str] | None = None) -> Gazetteer:
    """A gazetteer of ``rows`` written into ``folder``; ``demonyms`` maps a demonym key to a row's geonameid."""
    db = folder / "gazetteer.sqlite"
    create_file(db)
    import_file(write_places(folder / "XX.txt", rows), db)
    with sqlite3.connect(db) as conn:
        for key, gid in (demonyms or {}).items():
            conn.execute("INSERT INTO demonyms (key, place) SELECT ?, id FROM places WHERE gid = ?",
                         (key, f"geonames:{gid}"))
    return Gazetteer(Path(db))


def geocoded(text: str, gazetteer: Gazetteer, url: str | None = None, title: str | None = None) -> Document:
    """A document of ``text`` (from ``url``, under ``title``) parsed and run through the geo stage against
    ``gazetteer``."""
    from sitrep.geo.toponyms import Geocoder

    doc = Document(Article.from_text(text, url=url, title=title))
    doc.parsed = load_nlp()(text)
    doc.sentences = [doc.span(s.start_char, s.end_char) for s in doc.parsed.sents]
    return Geocoder(gazetteer)(doc)


def resolved(text: str, gazetteer: Gazetteer, home: str | None = None) -> list[Resolution]:
    """Every resolved mention of ``text`` (from an outlet of the ``home`` country), recognised and resolved
    against ``gazetteer``."""
    mentions = Recogniser(gazetteer)(load_nlp()(text))
    return [r for r in Resolver(gazetteer)(mentions, text, home) if r.entry is not None]


def names(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    """Each resolved mention of ``text`` and the name of the place it was read as."""
    return {r.mention.text: r.entry.name for r in resolved(text, gazetteer) if r.entry is not None}


def readings(text: str, gazetteer: Gazetteer, field: str = "name",
             home: str | None = None) -> dict[str, tuple[str, str | None]]:
    """Each resolved mention of ``text`` and the ``field`` (name, feature) and country of the place it was read as."""
    return {r.mention.text: (getattr(r.entry, field), r.entry.country_code)
            for r in resolved(text, gazetteer, home) if r.entry is not None}


@pytest.fixture(scope="session")
def small_gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gaz")
    db = folder / "gazetteer.sqlite"
    create_file(db)
    import_file(write_places(folder / "XX.txt"), db)
    return db


@pytest.fixture()
def small_gazetteer(small_gazetteer_path: Path) -> Gazetteer:
    return Gazetteer(small_gazetteer_path)
