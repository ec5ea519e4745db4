"""The events a brief is about: the area's clusters in the period and in the period before it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sitrep.filters import EventFilter, FilterError, parse_filter
from sitrep.store.counting import clusters_page

__all__ = ["MAX_EVENTS", "Period", "area_filter", "fetch_clusters", "previous_period"]

MAX_EVENTS = 5000  # a brief over more than this is cut (and says so)
PAGE = 1000


@dataclass(frozen=True)
class Period:
    date_from: dt.date
    date_to: dt.date

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1


def previous_period(period: Period) -> Period:
    """The period of the same length that ends the day before ``period`` starts."""
    end = period.date_from - dt.timedelta(days=1)
    return Period(end - dt.timedelta(days=period.days - 1), end)


def area_filter(area: str, base: EventFilter | None = None) -> EventFilter:
    """A country (ISO2 or name) when it is one, else a first-level admin unit of that name."""
    base = base or EventFilter()
    try:
        country = parse_filter({"country": area}).country
    except FilterError:
        return base.replace(admin1=(area,))
    return base.replace(country=country)


def fetch_clusters(store: Any, event_filter: EventFilter, period: Period,
                   limit: int = MAX_EVENTS) -> tuple[list[Any], bool]:
    """Clusters matching the filter in the period, sorted by (date, id); and whether it was cut at ``limit``."""
    f = event_filter.replace(date_from=period.date_from, date_to=period.date_to)
    found: list[Any] = []
    cursor: str | None = None
    while len(found) < limit:
        page = clusters_page(store, f, min(PAGE, limit - len(found)), cursor)
        found.extend(page.items)
        cursor = page.next_cursor
        if cursor is None:
            break
    found.sort(key=lambda c: (c.date or period.date_from, c.id))
    return found, cursor is not None
