"""Every bundled data file (lexicon, gazetteer source, table of names, model) has a row in data/README.md
saying what it is and where it comes from, and every row names a file that exists."""

from __future__ import annotations

import re
from pathlib import Path

import sitrep

DATA = Path(sitrep.__file__).parent / "data"


def _files() -> set[str]:
    return {p.relative_to(DATA).as_posix() for p in DATA.rglob("*")
            if p.is_file() and p.name != "README.md" and "__pycache__" not in p.parts}


def _rows() -> set[str]:
    """The files the README's table names: its first column, one file or several joined by ', '."""
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    cells = re.findall(r"^\| ([\w./, -]+?) \|", readme, flags=re.MULTILINE)
    return {name for cell in cells if cell != "file" for name in cell.split(", ")}


def test_every_data_file_has_a_provenance_row() -> None:
    assert sorted(_files() - _rows()) == []


def test_every_provenance_row_names_a_bundled_file() -> None:
    # a row may name a bundled file outside data/ ('../web/countries.geojson', the dashboard's outlines)
    assert sorted(name for name in _rows() - _files() if not (DATA / name).is_file()) == []
