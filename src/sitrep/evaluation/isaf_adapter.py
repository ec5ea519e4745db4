"""Map sitrep's output for one ISAF press release onto ISAF's annotation fields.

STUB (the dates/quantities work replaces it). The ISAF scorer calls ``isaf_fields``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.pipeline.document import Document

ISAF_EVENT_TYPES = ("detention", "insurgentskilled", "captureandkill", "airstrike", "exchangeoffire",
                    "civiliancasualty")


@dataclass
class IsafFields:
    start_date: str | None = None  # YYYY-MM-DD
    event_type: list[str] = field(default_factory=list)
    province: list[str] = field(default_factory=list)  # lower-case province names as in ISAF gold
    target_group: list[str] = field(default_factory=list)
    min_killed: int = 0
    min_captured: int = 0


def isaf_fields(doc: Document) -> IsafFields:
    """ISAF fields predicted from a processed document."""
    events = doc.events
    start = next((e.date.isoformat() for e in events if e.date), None)
    return IsafFields(start_date=start)
