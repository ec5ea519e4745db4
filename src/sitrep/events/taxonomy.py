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


@functools.lru_cache(maxsize=1)
def non_acled_types() -> dict[str, SubEventType]:
    """Code -> sub-type of the CASE extra codes that sitrep keeps as Non-ACLED events (data/taxonomy/non_acled.tsv)."""
    return {row["code"]: SubEventType(row["code"], row["sub_event_type"], NON_ACLED, row["plover"] or None)
            for row in read_table("taxonomy/non_acled.tsv")}


@functools.lru_cache(maxsize=1)
def violent_extra_codes() -> frozenset[str]:
    """Extra codes whose sentences may report a violent incident that ACLED would not code."""
    return frozenset(row["code"] for row in read_table("taxonomy/non_acled.tsv") if row["violent"] == "yes")


def lookup(code: str) -> SubEventType:
    """The ACLED sub-event type of a code, or the Non-ACLED sub-type of a CASE extra code."""
    found = sub_event_types().get(code) or non_acled_types().get(code)
    if found is None:
        raise KeyError(code)
    return found


# The five CASE 2021 codes outside ACLED's 25 sub-event types. Mentions of them keep
# this marker as event_type, and the assembler builds no ACLED event from them.
EXTRA_CODES = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
NON_ACLED = "Non-ACLED"


def is_acled(code: str) -> bool:
    """True for the 25 ACLED sub-event type codes (not the extra CASE codes, not NONE)."""
    return code in sub_event_types()


def event_type_of(code: str) -> str:
    """ACLED event type of a code, or ``NON_ACLED`` for the extra CASE codes."""
    return lookup(code).event_type if is_acled(code) else NON_ACLED
