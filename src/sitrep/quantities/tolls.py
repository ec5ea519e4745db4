"""Tolls from figures: what the assembly (events.fields) and the claims stage (claims.figures) both apply."""

from __future__ import annotations

from sitrep.model import Count

__all__ = ["with_perpetrators"]


def with_perpetrators(count: Count, deaths: list[int]) -> Count:
    """The victims' toll ``count`` with the attackers' own deaths added ('killed two, then himself': three;
    ``Quantity.perpetrator``): the largest figure given for them, as several mentions of one gunman's death are one
    death."""
    if not deaths:
        return count
    extra = max(deaths)
    return count.model_copy(update={"low": (count.low or 0) + extra, "best": (count.best or 0) + extra,
                                    "high": (count.high or 0) + extra})
