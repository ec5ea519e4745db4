"""Calendar arithmetic for relative dates, always anchored on (and never after) the publication date."""

from __future__ import annotations

import datetime as dt


def weekday_on_or_before(anchor: dt.date, weekday: int, strictly_before: bool = False) -> dt.date:
    """The most recent ``weekday`` on or before ``anchor`` ('on Saturday' in a report of that week).

    ``strictly_before`` is for 'last Saturday' written on a Saturday, which means a week ago.
    """
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return anchor - dt.timedelta(days=back)


SATURDAY, SUNDAY = 5, 6


def last_weekend_day(anchor: dt.date, weekends_back: int = 0) -> dt.date:
    """The day of the weekend just past that a report means ('shot over the weekend'): the anchor itself when it is a
    Saturday or a Sunday (the weekend is under way), else the Sunday before it; ``weekends_back`` weekends earlier.

    Of undated reports that tell 'the weekend', published on a weekday, the incident was on the Sunday more often than
    on the Saturday (docs/evaluation.md)."""
    day = anchor if anchor.weekday() in (SATURDAY, SUNDAY) else weekday_on_or_before(anchor, SUNDAY)
    return day - dt.timedelta(days=7 * weekends_back)


def month_start(anchor: dt.date, months_back: int) -> dt.date:
    month_index = anchor.year * 12 + anchor.month - 1 - months_back
    return dt.date(month_index // 12, month_index % 12 + 1, 1)


def shift(anchor: dt.date, unit: str, offset: int) -> dt.date:
    """``offset`` units before ``anchor``. Weeks, weekends and months give a day inside that period, not after anchor.

    For 'last week' the day a week before; for 'last month' the 15th of the month before (ACLED codes a
    month-precision date inside the month); 'this month' gives the 1st, the earliest the words allow.
    """
    if unit == "day":
        return anchor - dt.timedelta(days=offset)
    if unit == "week":
        return anchor - dt.timedelta(days=7 * offset)
    if unit == "weekend":
        return last_weekend_day(anchor, offset)
    start = month_start(anchor, offset)
    day = start if offset == 0 else start.replace(day=15)
    return min(day, anchor)


def explicit(anchor: dt.date | None, year: int | None, month: int, day: int) -> dt.date | None:
    """A day and month, with the year from the text or else the latest one that is not after ``anchor``."""
    try:
        if year is not None:
            return dt.date(year, month, day)
        if anchor is None:
            return None
        candidate = dt.date(anchor.year, month, day)
        if candidate > anchor:
            candidate = dt.date(anchor.year - 1, month, day)
        return candidate
    except ValueError:  # 31 February and the like: not a date
        return None


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    day = (h + weekday_shift - 7 * m + 33 * month + 19) % 32
    return dt.date(year, month, day)


def _holiday_in(year: int, rule: str) -> dt.date:
    if rule == "easter":
        return easter(year)
    if "-" in rule.split()[0]:
        month, day = (int(x) for x in rule.split("-"))
        return dt.date(year, month, day)
    month, nth, weekday = (int(x) for x in rule.split())
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def holiday(anchor: dt.date, rule: str) -> dt.date:
    """The latest day of a holiday ``rule`` (data/dates/holidays.tsv) that is not after ``anchor``."""
    day = _holiday_in(anchor.year, rule)
    return day if day <= anchor else _holiday_in(anchor.year - 1, rule)
