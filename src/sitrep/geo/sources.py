"""Reading the registry packages' data files for the gazetteer build."""

from __future__ import annotations

import csv
import sqlite3
from importlib import resources
from pathlib import Path


def package_data(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def insert(conn: sqlite3.Connection, **row: object) -> int:
    columns = ", ".join(row)
    cursor = conn.execute(f"INSERT INTO places ({columns}) VALUES ({', '.join('?' * len(row))})",
                          tuple(row.values()))
    assert cursor.lastrowid is not None
    return cursor.lastrowid
