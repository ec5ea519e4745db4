"""Word tables for date expressions (src/sitrep/data/dates/*.tsv) and the regexes built from them.

The patterns are compiled once per process: date finding runs on raw text with regexes rather than
per-token Python, which keeps this stage a small share of the pipeline's time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.resources import read_lines, read_table


@dataclass(frozen=True)
class RelativeExpression:
    """'last week': ``offset`` units of ``unit`` before publication, ACLED ``precision``."""

    unit: str  # "day" | "week" | "month"
    offset: int
    precision: int


@functools.lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    return {row["name"]: int(row["month"]) for row in read_table("dates/months.tsv")}


@functools.lru_cache(maxsize=1)
def weekday_numbers() -> dict[str, int]:
    return {row["name"]: int(row["weekday"]) for row in read_table("dates/weekdays.tsv")}


@functools.lru_cache(maxsize=1)
def relative_expressions() -> dict[str, RelativeExpression]:
    return {row["phrase"]: RelativeExpression(row["unit"], int(row["offset"]), int(row["precision"]))
            for row in read_table("dates/relative.tsv")}


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "sept" wins over "sep" and "earlier today" over "today".
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def explicit_pattern() -> re.Pattern[str]:
    """'Jan. 25, 2013', 'January 25', '25 January 2013', '3rd of March'."""
    # Month names only when capitalised ("May 5", "MAY 5"), so the verb "may" never starts a date.
    months = _alternation({form for m in month_numbers() for form in (m.capitalize(), m.upper())})
    day = r"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(?P<year{n}>(?:19|20)\d\d)\b)?"
    month = r"(?P<month{n}>" + months + r")\b\.?"
    month_first = month.format(n=1) + r"\s+" + day.format(n=1) + r"\b" + year.format(n=1)
    day_first = day.format(n=2) + r"\s+(?:of\s+)?" + month.format(n=2) + year.format(n=2)
    return re.compile(rf"\b(?:{month_first}|{day_first})")


@functools.lru_cache(maxsize=1)
def month_only_pattern() -> re.Pattern[str]:
    """'in March 2013', 'In early March', 'since mid-April', 'last April': month precision.

    The preposition may open the sentence ('In April, ...'); the month must be capitalised, since
    'may' and 'march' are also words. A month without a year is the latest one not after the anchor.
    """
    months = "|".join(sorted((m.capitalize() for m in month_numbers() if len(m) >= 3), key=len, reverse=True))
    return re.compile(
        rf"\b(?i:in|since|during|until|by|last|earlier\s+in|late\s+in|early\s+in)\s+"
        rf"(?:(?i:early|late|mid)[\s-]+)?"
        rf"(?P<month>{months})\b(?:\.?\s+(?P<year>(?:19|20)\d\d)\b)?"
    )


def _full_weekday_names() -> str:
    # Only full names: 'Sun' and 'Sat' are also words.
    return "|".join(sorted((w for w in weekday_numbers() if len(w) > 5), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def weekday_pattern() -> re.Pattern[str]:
    """'on Saturday', 'last Monday', 'Monday night'."""
    names = _full_weekday_names()
    return re.compile(
        rf"\b(?:(?P<last>(?i:last|past))\s+)?(?P<weekday>(?i:{names}))\b"
        r"(?:\s+(?:night|morning|afternoon|evening))?"
    )


@functools.lru_cache(maxsize=1)
def weekday_bracket_pattern() -> re.Pattern[str]:
    """A weekday written just before an opening bracket, at the end of a text: 'on Saturday (' before 'June 15)'."""
    return re.compile(rf"\b(?i:{_full_weekday_names()})\s*\(\s*$")


@functools.lru_cache(maxsize=1)
def weekday_end_pattern() -> re.Pattern[str]:
    """A weekday closing a text, punctuation allowed after it: 'On Sunday, ' before 'February 21st'."""
    return re.compile(rf"\b(?i:{_full_weekday_names()})\W*$")


@functools.lru_cache(maxsize=1)
def stamp_pattern() -> re.Pattern[str]:
    """A time-stamp label (data/dates/stamp_labels.txt) and what may follow it up to the date: 'Posted: ',
    'Updated on Monday, ', '(Published Wednesday, ', 'UPDATED at 11:37 A.M. on Monday, '. Matched at the end of the text
    before a date."""
    labels = _alternation(read_lines("dates/stamp_labels.txt"))
    names = "|".join(sorted((w for w in weekday_numbers() if len(w) > 3), key=len, reverse=True))
    clock = r"(?:\d{1,2}(?::\d\d)?\s*(?i:[ap]\.?m\.?)\s*(?i:on)?\s*,?\s*)?"  # 'Updated at 11:37 a.m. on Monday, '
    return re.compile(rf"\b(?i:{labels})\s*(?i:on|at)?\s*:?\s*{clock}(?:(?i:{names})\.?,?\s*)?$")


@functools.lru_cache(maxsize=1)
def relative_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?P<phrase>(?i:{_alternation(relative_expressions())}))\b")


@functools.lru_cache(maxsize=1)
def past_days_pattern() -> re.Pattern[str]:
    """'during the past two days', 'over the last 3 days': the span starts N days before publication."""
    return re.compile(r"\b(?:in|during|over|for)\s+the\s+(?:past|last)\s+(?P<n>\d{1,2}|[a-z]+)\s+days\b",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def ago_pattern() -> re.Pattern[str]:
    """'two days ago', 'a week ago', '3 weeks ago'."""
    return re.compile(r"\b(?P<n>\d{1,2}|an?|[a-z]+)\s+(?P<unit>days?|weeks?)\s+ago\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def overnight_pattern() -> re.Pattern[str]:
    """'detained two men in Khost province overnight, including ...': 'overnight' as an adverb.

    As an adverb it places the event in the night just past, like 'last night'. Before a noun ('an
    overnight operation') it only says the operation ran through a night, which may be any night, so
    only the adverb (before punctuation or a clause word) is taken as a date.
    """
    return re.compile(r"\bovernight\b(?=\s*(?:[.,;:)]|\Z)|\s+(?:while|including|in|near|after|when|as|but)\b)",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def iso_pattern() -> re.Pattern[str]:
    """'2021-09-04', as machine-written dates appear in some reports."""
    return re.compile(r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w-])")


@functools.lru_cache(maxsize=1)
def year_pattern() -> re.Pattern[str]:
    """A year on its own, as background is told: 'in 2017', 'since 2019', "the 2015 attack", 'last year',
    'two years ago' (sitrep's year precision, 4)."""
    return re.compile(
        r"\b(?:(?P<prep>in|since|during|of|from|until|before|after|early|late|mid-?)\s+(?:(?:early|late|mid-?)\s*)?"
        r"|(?P<the>the|a|its|their|his|her)\s+)(?P<year>(?:19|20)\d\d)\b(?![-/]\d|\s*(?:people|persons|men|women|"
        r"children|troops|soldiers|fighters|militants|residents))"
        r"|\b(?P<last>last|past|previous)\s+year\b"
        r"|\b(?P<n>\d{1,2}|an?|[a-z]+)\s+years?\s+ago\b",
        re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def holiday_rules() -> dict[str, str]:
    return {row["name"]: row["rule"] for row in read_table("dates/holidays.tsv")}


@functools.lru_cache(maxsize=1)
def holiday_pattern() -> re.Pattern[str]:
    """'Thanksgiving Day', 'Christmas Eve', "New Year's Eve", 'Fourth of July' (data/dates/holidays.tsv)."""
    names = _alternation(holiday_rules()).replace("'", "['\u2019]")
    return re.compile(rf"\b(?P<name>{names})\b", re.IGNORECASE)
