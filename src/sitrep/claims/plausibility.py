"""Plausibility ceilings for reported figures (data/claims/plausibility.tsv), each with its provenance.

A figure above its ceiling is kept and flagged ``implausible_quantity``; it is only
left out of the event's *best* fatality figure, never out of the record.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sitrep.model import Flag, Materiel, Quantity
from sitrep.resources import read_table

TABLE = "claims/plausibility.tsv"


@dataclass(frozen=True)
class Ceiling:
    fact: str
    key: str
    threshold: int
    basis: str

    @property
    def provenance(self) -> str:
        return f"src/sitrep/data/{TABLE} ({self.fact}/{self.key}): {self.basis}"


@functools.lru_cache(maxsize=1)
def ceilings() -> dict[tuple[str, str], Ceiling]:
    return {
        (row["fact"], row["key"]): Ceiling(row["fact"], row["key"], int(row["threshold"]), row["basis"])
        for row in read_table(TABLE)
    }


def ceiling(fact: str, key: str) -> Ceiling | None:
    """The ceiling for ``key`` (event type or materiel category), else the fact's default ('*' / 'other')."""
    table = ceilings()
    return table.get((fact, key)) or table.get((fact, "*")) or table.get((fact, "other"))


def fatality_flag(quantity: Quantity, event_type: str) -> Flag | None:
    limit = ceiling("fatalities", event_type)
    if limit is None or quantity.value <= limit.threshold:
        return None
    return Flag(code="implausible_quantity",
                reason=f"{quantity.value} {quantity.kind} is above the ceiling of {limit.threshold} "
                       f"for one '{event_type}' event",
                spans=[quantity.span], source=limit.provenance)


def materiel_flag(item: Materiel) -> Flag | None:
    limit = ceiling("materiel", item.category)
    if item.count is None or limit is None or item.count <= limit.threshold:
        return None
    return Flag(code="implausible_quantity",
                reason=f"{item.count} {item.item} {item.action} is above the ceiling of {limit.threshold} "
                       f"{item.category} items for one event",
                spans=[item.span], source=limit.provenance)


def is_implausible(quantity: Quantity, event_type: str) -> bool:
    return fatality_flag(quantity, event_type) is not None
