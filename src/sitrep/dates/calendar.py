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


def month_start(anchor: dt.date, months_back: int) -> dt.date:
    month_index = anchor.year * 12 + anchor.month - 1 - months_back
    return dt.date(month_index // 12, month_index % 12 + 1, 1)


def shift(anchor: dt.date, unit: str, offset: int) -> dt.date:
    """``offset`` units before ``anchor``. Weeks and months give a day inside that period, not after anchor.

    For 'last week' the day a week before; for 'last month' the 15th of the month before (ACLED codes a
    month-precision date inside the month); 'this month' gives the 1st, the earliest the words allow.
    """
    if unit == "day":
        return anchor - dt.timedelta(days=offset)
    if unit == "week":
        return anchor - dt.timedelta(days=7 * offset)
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
