"""Holidays that date incidents ('a Christmas Eve shooting'), resolved to the latest such day before publication."""

from __future__ import annotations

import datetime as dt

from sitrep.dates import calendar
from sitrep.dates.resolve import _without_overlaps, find_dates


def test_fixed_and_movable_holidays_resolve_before_publication() -> None:
    text = "He was shot on Thanksgiving Day; his brother was hurt on New Year’s Eve and on Memorial Day."
    found = {text[f.start:f.end]: f for f in find_dates(text, dt.date(2021, 12, 1))}
    assert found["Thanksgiving Day"].value == dt.date(2021, 11, 25) and found["Thanksgiving Day"].precision == 1
    assert found["New Year’s Eve"].value == dt.date(2020, 12, 31)
    assert found["Memorial Day"].value == dt.date(2021, 5, 31)


def test_easter_sunday_is_one_date_not_a_sunday() -> None:
    text = "Two men were wounded on Easter Sunday."
    [easter] = _without_overlaps(find_dates(text, dt.date(2019, 5, 2)))  # the weekday inside gives way
    assert text[easter.start:easter.end] == "Easter Sunday" and easter.value == dt.date(2019, 4, 21)
    assert calendar.easter(2024) == dt.date(2024, 3, 31) and calendar.easter(2000) == dt.date(2000, 4, 23)


def test_fathers_day_is_the_third_sunday_of_june() -> None:
    assert calendar.holiday(dt.date(2022, 7, 1), "6 3 6") == dt.date(2022, 6, 19)
    assert calendar.holiday(dt.date(2022, 6, 18), "6 3 6") == dt.date(2021, 6, 20)
