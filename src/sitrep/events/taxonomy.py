"""The ACLED taxonomy and its PLOVER mapping, read from data/taxonomy/acled.tsv."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sitrep.resources import read_table


@dataclass(frozen=True)
class SubEventType:
    code: str  # CASE 2021 label, e.g. ARMED_CLASH
    name: str  # ACLED name, e.g. "Armed clash"
    event_type: str  # ACLED event type, e.g. "Battles"
    plover: str | None


@functools.lru_cache(maxsize=1)
def sub_event_types() -> dict[str, SubEventType]:
    """Code -> sub-event type, for the 25 ACLED sub-event types."""
    return {
        row["code"]: SubEventType(row["code"], row["sub_event_type"], row["event_type"], row["plover"] or None)
        for row in read_table("taxonomy/acled.tsv")
    }


def lookup(code: str) -> SubEventType:
    return sub_event_types()[code]
