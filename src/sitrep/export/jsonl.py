"""Event records as JSON lines, or as one JSON array."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from sitrep.model import Event


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(event.model_dump_json() + "\n")
        n += 1
    return n


def write_json(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    out.write("[")
    for event in events:
        out.write(("," if n else "") + "\n  " + event.model_dump_json())
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n
