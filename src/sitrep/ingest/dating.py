"""Publication dates: metadata strings (``2013-01-25``, ``2013-01-25T10:00:00Z``...) and datelines.

A dateline is the place-and-date line that opens a wire report, e.g. ``KABUL, Afghanistan (Jan. 25, 2013)``
or ``MOSCOW, March 3 (Reuters) -``; a date opening a line (``Dec. 6: ...``) or closing a title or byline
line (``Operational Update, Jan. 10, 2011``) counts too. Only the first few lines are searched, and only
dates in those line positions, so a date inside the story ("on March 3 ...") is not taken for it.

A dateline without a year takes it, in this order, from: the caller's hint; a full date or a release
number (``2011-07-S-006``: year and month of issue) at the top, choosing the year that puts the dateline
nearest it (a December number over a January dateline is the year before); else the latest year the text
mentions, as a lower bound (a release is written after what it tells: ``(Jan. 14) ... an attack in June
2011`` is 14 January 2012), narrowed by a weekday written with a day (``Thursday, Jan. 12`` after 2009 is
2012). With none of these there is no date rather than a guess.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

from sitrep.dates.lexicon import month_numbers

DATELINE_SEARCH_CHARS = 400  # datelines open the report; searching further finds story dates instead


def _date_expression(year_required: bool) -> str:
    """``Jan. 25[, 2013]`` or ``25 January[ 2013]``, with named groups month, day, year (or month2...)."""
    months = "|".join(sorted(month_numbers(), key=len, reverse=True))
    optional = "" if year_required else "?"
    forms = []
    for n in ("", "2"):
        month = rf"(?P<month{n}>(?i:{months}))\.?"
        day = rf"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"
        year = rf"(?:,?\s+(?P<year{n}>(?:19|20)\d\d)){optional}"
        forms.append(rf"{month}\s+{day}{year}" if not n else rf"{day}\s+{month}{year}")
    return rf"(?:{forms[0]}|{forms[1]})\b"


@functools.lru_cache(maxsize=1)
def _dateline_patterns() -> tuple[re.Pattern[str], ...]:
    place = r"[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3}"
    any_date, full_date = _date_expression(year_required=False), _date_expression(year_required=True)
    return (
        # KABUL, Afghanistan (Jan. 25, 2013) / MOSCOW, March 3 (Reuters) - / BEIRUT - 4 May -
        re.compile(rf"^[ \t]*{place}(?:\s*,\s*{place})?\s*(?:\(|,|—|–|-)\s*{any_date}", re.MULTILINE),
        # Dec. 6: Operations conducted... / March 3 - ... (a date opening a line, then a colon or dash)
        re.compile(rf"^[ \t]*{any_date}\s*(?::|—|–|-)", re.MULTILINE),
        # a title or byline line that ends with a full date: "Operational Update, Jan. 10, 2011"
        re.compile(rf"{full_date}[ \t]*$", re.MULTILINE),
    )


# Line breaks other than "\n" (U+2028, U+0085) end lines too; one character each, so offsets hold.
_OTHER_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\r": "\n"})


def dateline_date(text: str, year_hint: int | None = None) -> date | None:
    """The date of a dateline near the top of ``text`` (the earliest, if several forms match)."""
    head = text[:DATELINE_SEARCH_CHARS].translate(_OTHER_LINE_BREAKS)
    found = [(rank, m) for rank, pattern in enumerate(_dateline_patterns()) for m in pattern.finditer(head)]
    for _, match in sorted(found, key=lambda item: item[1].start()):
        month = month_numbers()[(match["month"] or match["month2"]).lower()]
        day = int(match["day"] or match["day2"])
        written = match["year"] or match["year2"]
        year = int(written) if written else year_hint or _year_from_context(text, head, month, day)
        if year is None:
            return None
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


# A release number at the top of a military press release: '2011-07-S-006', '2010-09-CA-142'.
_RELEASE_NUMBER = re.compile(r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-[A-Z]{1,3}-\d{1,4}\b")
_YEAR = re.compile(r"\b(?:(?P<month>[A-Z][a-z]+)\.?\s+(?:[0-3]?\d,?\s+)?)?(?P<year>(?:19|20)\d\d)\b")


def release_number_year(head: str, month: int) -> int | None:
    """The year of a year-less day in ``month``, from a release number at the top ('2010-07-CA-129')."""
    found = _RELEASE_NUMBER.search(head)
    return _nearest_year(int(found["year"]), int(found["month"]), month) if found else None


def _nearest_year(ref_year: int, ref_month: int, month: int) -> int:
    """The year that puts ``month`` nearest (ref_year, ref_month): January after a December reference."""
    return min((ref_year - 1, ref_year, ref_year + 1), key=lambda y: abs((y * 12 + month) - (ref_year * 12 + ref_month)))


def _year_from_context(text: str, head: str, month: int, day: int) -> int | None:
    """The year of a year-less dateline, from the signals named in the module docstring."""
    references = [(int(m["year"] or m["year2"]), month_numbers()[(m["month"] or m["month2"]).lower()])
                  for m in re.finditer(_date_expression(year_required=True), head)]
    references += [(int(m["year"]), int(m["month"])) for m in _RELEASE_NUMBER.finditer(head)]
    if references:
        return _nearest_year(*references[0], month)
    mentioned = []
    for m in _YEAR.finditer(text):
        named = (m["month"] or "").lower()
        mentioned.append((int(m["year"]), month_numbers().get(named, 1), 1))
    if not mentioned:
        return None
    lower = max(mentioned)
    pinned = _weekday_pinned(text, lower[0])
    if pinned is not None:
        return _nearest_year(*pinned, month)
    return lower[0] if (month, day) >= lower[1:] else lower[0] + 1


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_pinned(text: str, lower_year: int) -> tuple[int, int] | None:
    """(year, month) of a year-less 'Thursday, Jan. 12' in the text: the first year from ``lower_year`` on
    in which that day is that weekday (within six years a day falls on each weekday at most once)."""
    pair = re.search(rf"\b(?P<weekday>(?i:{'|'.join(_WEEKDAYS)})),?\s+(?:the\s+)?{_date_expression(False)}", text)
    if pair is None or pair["year"] or pair["year2"]:
        return None
    month = month_numbers()[(pair["month"] or pair["month2"]).lower()]
    day, weekday = int(pair["day"] or pair["day2"]), _WEEKDAYS.index(pair["weekday"].lower())
    for year in range(lower_year, lower_year + 6):
        try:
            if date(year, month, day).weekday() == weekday:
                return year, month
        except ValueError:
            return None
    return None


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
