"""Publication dates: metadata strings (``2013-01-25``, ``2013-01-25T10:00:00Z``...) and datelines.

A dateline is the place-and-date line that opens a wire report, e.g. ``KABUL, Afghanistan (Jan. 25, 2013)``
or ``MOSCOW, March 3 (Reuters) -``. Only the first few lines are searched, and only a date that follows a
capitalised place name, so a date inside the story ("on March 3 ...") is never taken for the dateline.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

from sitrep.resources import read_table

DATELINE_SEARCH_CHARS = 400  # datelines open the report; searching further finds story dates instead


@functools.lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    return {row["name"]: int(row["month"]) for row in read_table("ingest/months.tsv")}


@functools.lru_cache(maxsize=1)
def _dateline_pattern() -> re.Pattern[str]:
    months = "|".join(sorted(month_numbers(), key=len, reverse=True))

    def month(n: int) -> str:
        return rf"(?P<month{n}>(?i:{months}))\.?"

    def day(n: int) -> str:
        return rf"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"

    def year(n: int) -> str:
        return rf"(?:,?\s+(?P<year{n}>(?:19|20)\d\d))?"

    month_first = rf"{month(1)}\s+{day(1)}{year(1)}"
    day_first = rf"{day(2)}\s+{month(2)}{year(2)}"
    place = r"[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3}"
    # Capitalised PLACE[, Region] then "(" or "," or a dash, then the date, at the start of a line.
    return re.compile(
        rf"^\s*{place}(?:\s*,\s*{place})?\s*(?:\(|,|—|–|-)\s*(?:{month_first}|{day_first})\b",
        re.MULTILINE,
    )


def dateline_date(text: str, year_hint: int | None = None) -> date | None:
    """The date of a dateline near the top of ``text``.

    A dateline without a year (``MOSCOW, March 3 (Reuters)``) takes ``year_hint``, else a year written
    near the top of the text; with neither it gives no date rather than a guess.
    """
    head = text[:DATELINE_SEARCH_CHARS]
    for found in _dateline_pattern().finditer(head):
        month = (found["month1"] or found["month2"]).lower()
        day = found["day1"] or found["day2"]
        year = found["year1"] or found["year2"] or year_hint or _year_near_top(head)
        if year is None:
            return None
        try:
            return date(int(year), month_numbers()[month], int(day))
        except ValueError:
            continue
    return None


def _year_near_top(head: str) -> int | None:
    found = re.search(r"\b(?:19|20)\d\d\b", head)
    return int(found[0]) if found else None


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_published(value: object) -> date | None:
    """A date from a metadata value: ``date``, ``datetime``, ISO date or datetime strings, ``25 Jan 2013``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    iso = _ISO_DATE.match(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    for pattern in ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%m/%d/%Y", "%a, %d %b %Y %H:%M:%S %z"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
