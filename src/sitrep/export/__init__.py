"""Exports: JSON lines, JSON, ACLED-style CSV, GeoJSON. One writer function per format."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from sitrep.export.acled_csv import write_acled_csv
from sitrep.export.geojson import write_geojson
from sitrep.export.jsonl import write_json, write_jsonl
from sitrep.model import Event

Writer = Callable[[Iterable[Event], TextIO], int]

WRITERS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "json": write_json,
    "csv": write_acled_csv,
    "geojson": write_geojson,
}

__all__ = ["WRITERS", "Writer", "write_acled_csv", "write_geojson", "write_json", "write_jsonl"]
