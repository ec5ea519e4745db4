"""Event records as JSON lines."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from sitrep.model import Event


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(event.model_dump_json(exclude_none=False) + "\n")
        n += 1
    return n
