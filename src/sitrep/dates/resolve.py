"""Date expressions resolved against the publication date, with ACLED precision (1 day, 2 week, 3 month).

Expressions are found with compiled regexes over the article text ('Jan. 25, 2013', 'on Saturday',
'yesterday', 'last week', 'earlier this month', 'during the past two days') and resolved against
``Article.published``. When the article has no publication date, a dateline date at the top of the text
('KABUL, Afghanistan (Jan. 25, 2013)') anchors relative expressions instead. No date after the anchor is
ever produced: a weekday is the latest such day on or before it, a year-less day the latest such day.

- A dated stamp or dateline at the top days before the publication date (a later crawl or update) anchors
  them instead.
- When releases are pasted one after another, what follows a later release's dateline is resolved against
  that dateline.
- An embedded tweet dated a few days before publication ('... this morning. — Ann Roe (@annroe) October 3,
  2016') reads its own words against its date.
- An undated release with a number at the top ('2010-07-CA-129') takes the year of its year-less days from
  the number.
- 'Overnight' as an adverb is the night just past, like 'last night'.
- A text with neither (a plain .txt) reads its relative and year-less dates against a stand-in day
  (:func:`provisional_anchor`) and marks them provisional: they tell its incidents apart, never date one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sitrep.dates import calendar
from sitrep.dates.lexicon import (
    ago_pattern,
    explicit_pattern,
    holiday_pattern,
    holiday_rules,
    iso_pattern,
    month_numbers,
    month_only_pattern,
    overnight_pattern,
    past_days_pattern,
    relative_expressions,
    relative_pattern,
    stamp_pattern,
    weekday_bracket_pattern,
    weekday_end_pattern,
    weekday_numbers,
    weekday_pattern,
    year_pattern,
)
from sitrep.ingest.dating import release_number_year
from sitrep.model import DateMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document
from sitrep.quantities.numbers import word_value

HEADING_CHARS = 400  # datelines and dated titles sit at the very top of a release or wire story
# 'KABUL, Afghanistan (' / 'MOSCOW, March 3 (Reuters)': a capitalised place, then '(' ',' or a dash.
_PLACE = r"[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3}"
_DATELINE_PREFIX = re.compile(rf"^\s*{_PLACE}(?:\s*,\s*{_PLACE})?\s*[(,—–-]\s*$")
# The parenthesised form may follow other heading text on the same line once a release is flattened:
# '... For Immediate Release   KABUL, Afghanistan (May 14, 2012) A security force ...'.
_DATELINE_CAPS = re.compile(rf"\b[A-Z]{{3,}}(?:\s+[A-Z]{{3,}})?\s*,\s*{_PLACE}\s*\(\s*$")
_DASH_AFTER = re.compile(r"\s+[-\u2013\u2014]\s")
_SENTENCE_END = re.compile(r"\b[a-z]+[.!?]\s")  # a lower-case word ends a sentence: not "Dec." or "Sgt."
_DATELINE_PAREN = re.compile(rf"\b[A-Z]{{3,}}(?:\s+[A-Z]{{3,}})?\s*,\s*{_PLACE}\s*\(\s*$|\b{_PLACE}\s*\(\s*$")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: dt.date
    precision: int
    kind: str
    rank: int  # on overlap the lower rank wins: an explicit date beats the weekday written beside it
    stamp: bool = False  # a page's time stamp ('Posted: Friday, July 12, 2013'): no event date (an anchor only when
    # the publication date is days later: ``stale_anchor``)


def is_dateline(text: str, start: int, end: int) -> bool:
    """A date that stamps the story rather than telling when something happened.

    Either the wire dateline ('KABUL, Afghanistan (Jan. 25, 2013)') or a date in a heading line near the
    top ('Daily Update, May 14, 2012', 'Dec. 6: Raids in the South ...').
    """
    if start > HEADING_CHARS:
        # Further down only the unmistakable wire form counts, as when releases are pasted one after another:
        # 'KABUL, Afghanistan (Nov. 22, 2010)'.
        return bool(text[end:end + 2].lstrip().startswith(")") and _DATELINE_CAPS.search(text[max(0, start - 40):start]))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    # 'On Sunday, February 21st at 2:19 p.m., a girl was shot': a weekday before the date is no dateline's place
    if _DATELINE_PREFIX.match(before) and not weekday_end_pattern().search(before):
        return True
    # 'KABUL, Afghanistan (May 14, 2012)'; not 'about 5:50 a.m. on Saturday (June 15)', the day a weekday names
    if (after.lstrip().startswith(")") and _DATELINE_PAREN.search(before[-80:])
            and not weekday_bracket_pattern().search(before)):
        return True
    if not before.strip() and after.startswith(":"):
        return True  # a dated title: 'May 30: Raids Across the South'
    if not before.strip() and _DASH_AFTER.match(after):
        return True  # a dateline without its place: 'June 17, 2013 - Houston police are investigating ...'
    heading = len(text[line_start:line_end]) < 120 and not text[line_start:line_end].rstrip().endswith(".")
    return heading and (not after.strip() or after.lstrip().startswith((":", ")")))


# A clock time written straight after a dated day, with no 'at' between: 'April 11, 2013 4:39 PM',
# 'September 15, 2016 9:11:51 AM CDT'.
_CLOCK_AFTER = re.compile(r"\s*\d{1,2}:\d\d(?::\d\d)?\s*(?i:[ap]\.?m\b\.?)")
# ... or after a comma when the date opens its line ('July 6, 2015, 11:11 AM Last updated: ...'; not 'Date: Tuesday,
# February 14, 2017, 10:55 PM' in a police log, which dates the case).
_CLOCK_AFTER_COMMA = re.compile(r",\s*\d{1,2}:\d\d(?::\d\d)?\s*(?i:[ap]\.?m\b\.?)")


def _opens_line(text: str, start: int) -> bool:
    return not text[text.rfind("\n", 0, start) + 1:start].strip()


def is_stamp(text: str, start: int, end: int | None = None) -> bool:
    """A page's time stamp rather than a date of the story: a label from data/dates/stamp_labels.txt just before
    the date, a weekday allowed between ('Posted: Friday, July 12, 2013', 'Updated: Monday, August 26',
    '(Published Wednesday, Sept. 25, 2013)', 'Last updated: Monday, July 6, 2015'), or a clock time straight after
    a date with its year ('April 11, 2013 4:39 PM' above the story: a news site's stamp; a story writes 'on April
    11, 2013, at 4:39 p.m.')."""
    if end is not None and _WRITTEN_YEAR_END.search(text, start, end) and (
            _CLOCK_AFTER.match(text, end) or (_CLOCK_AFTER_COMMA.match(text, end) and _opens_line(text, start))):
        return True
    return bool(stamp_pattern().search(text, max(0, start - 40), start))


_WRITTEN_YEAR_END = re.compile(r"\b(?:1[89]|20)\d\d$")


AnchorAt = Callable[[int], dt.date | None]  # the anchor for the date found at an offset


def find_dates(text: str, anchor: dt.date | None, relative: bool = True) -> list[_Found]:
    """The dates ``text`` writes, resolved against ``anchor``; with ``relative`` False only the calendar dates and
    datelines (the relative expressions are most of the cost)."""
    found = _explicit_dates(text, lambda _: anchor)
    if anchor is None:
        return found
    anchors = _anchors(text, anchor, [f for f in found if f.kind == "dateline" and not f.stamp])
    tweets = _tweets(text, found, anchor)

    def anchor_at(offset: int) -> dt.date:
        for tweet in tweets:
            if tweet.start <= offset < tweet.end:
                return tweet.day
        return [a for start, a in anchors if start <= offset][-1]

    if len(anchors) > 1 or tweets:
        found = _explicit_dates(text, anchor_at)
    if not relative:
        return found
    return found + _named_days(_relative_dates(text, anchor_at), found, text, anchor_at)


# An embedded tweet's signature before its date: '... shot this morning. — Jane Roe (@janeroe) October 3, 2016'.
_TWEET_SIGNATURE = re.compile(r"[\u2014\u2013]\s*[^\n()\u2014\u2013]{1,80}\(@\w{1,30}\)\s*$")
# A tweet dated this many days before publication or fewer anchors its own words; one dated after publication is
# mostly the same evening in UTC, and its words are read against the publication date as before.
TWEET_DAYS = 7


@dataclass(frozen=True)
class _Tweet:
    start: int
    end: int
    day: dt.date


def _tweets(text: str, found: list[_Found], anchor: dt.date) -> list[_Tweet]:
    """Embedded tweets dated days before publication: 'today' or 'this morning' in a tweet of 3 October quoted in a
    story of 4 October is 3 October. A tweet runs from the start of its line to its signature."""
    tweets = []
    for f in found:
        if f.precision != 1 or not _WRITTEN_YEAR_END.search(text, f.start, f.end):
            continue
        signature = _TWEET_SIGNATURE.search(text, max(0, f.start - 120), f.start)
        if signature is not None and 0 < (anchor - f.value).days <= TWEET_DAYS:
            tweets.append(_Tweet(text.rfind("\n", 0, signature.start()) + 1, signature.start(), f.value))
    return tweets


# What may stand between a weekday and the date it names: 'Monday, Feb. 11', 'Wednesday the 17th of'.
_WEEKDAY_TO_DATE = re.compile(r",?\s*\(?\s*(?:the\s+)?")


# A weekday the text pins to a calendar day ('around 11 p.m. Monday, May 23') names that day everywhere in the
# text ('shot Monday night'), when the day lies at most this many days before the anchor: a publication date a
# week or more late would otherwise move every weekday a week on.
NAMED_DAY_DAYS = 31


def _named_days(relative: list[_Found], explicit: list[_Found], text: str,
                anchor_at: Callable[[int], dt.date]) -> list[_Found]:
    """The relative dates less each weekday written just before a calendar date ('Monday, Feb. 11, 2013'):
    the weekday names that date, so it is not resolved again against the publication date (which gave the
    Monday before publication, weeks away from 11 February in a photo caption or a page's time stamp). The
    text's other mentions of a weekday so pinned to one recent day are that day."""
    dated = {f.start: f for f in explicit}
    last_week = bool(_LAST_WEEK.search(text))
    pinned: dict[int, set[dt.date]] = {}
    kept = []
    for f in relative:
        gap = _WEEKDAY_TO_DATE.match(text, f.end) if f.kind == "weekday" else None
        if gap is not None and gap.end() in dated:
            day = dated[gap.end()]
            if (not day.stamp and day.precision == 1 and day.value.weekday() == f.value.weekday()
                    and 0 <= (anchor_at(f.start) - day.value).days <= NAMED_DAY_DAYS):
                pinned.setdefault(day.value.weekday(), set()).add(day.value)
            continue
        kept.append(f)
    days = {weekday: next(iter(values)) for weekday, values in pinned.items() if len(values) == 1}
    # In a text that tells of last week, a weekday of the same week-day as the one calendar day it writes a week or
    # more back ('last week's shooting rampage' ... 'killed June 7' ... 'Friday's rampage') is that day.
    written: dict[int, set[dt.date]] = {}
    for day in explicit if last_week else ():
        if (day.kind == "explicit" and day.precision == 1 and not day.stamp
                and 7 <= (anchor_at(day.start) - day.value).days <= NAMED_DAY_DAYS):
            written.setdefault(day.value.weekday(), set()).add(day.value)
    for weekday, values in written.items():
        if weekday not in days and weekday not in pinned and len(values) == 1:
            days[weekday] = next(iter(values))
    named = []
    for f in kept:
        if f.kind != "weekday" or text[f.start:f.end].lower().startswith(("last", "past")):
            named.append(f)
        elif f.value.weekday() in days:
            named.append(dataclasses.replace(f, value=days[f.value.weekday()]))
        elif (anchor_at(f.start) - f.value).days != AMBIGUOUS_WEEKDAY_DAYS or last_week:
            named.append(f)
    return named


# A bare weekday that would lie six days before the anchor ('Tuesday' in a story dated Monday) is more often the
# day after it than the day six days back: a day to come ('a hearing Tuesday'), or a story whose publication date
# is a day early (told by a weekday count over news stories: six days back is written more than twice as often as
# five). It dates nothing, unless the text tells of last week ('shot last week ... on Tuesday'); 'last Tuesday'
# still does.
AMBIGUOUS_WEEKDAY_DAYS = 6
_LAST_WEEK = re.compile(r"\b(?i:(?:last|past)\s+week|a\s+week\s+ago)\b")


def _explicit_dates(text: str, anchor_at: AnchorAt) -> list[_Found]:
    found: list[_Found] = []
    months = month_numbers()
    for m in explicit_pattern().finditer(text):
        anchor = anchor_at(m.start())
        month = months[(m["month1"] or m["month2"]).lower()]
        year = int(m["year1"] or m["year2"] or 0) or None
        day = int(m["day1"] or m["day2"])
        stamp = is_stamp(text, m.start(), m.end())
        kind = "dateline" if stamp or is_dateline(text, m.start(), m.end()) else "explicit"
        if kind == "dateline" and year is None and anchor is not None:
            year = anchor.year  # a later release pasted below this one is dated after it, not a year before
        if year is None and anchor is None:
            # An undated press release still carries its number ('2010-07-CA-129'): year and month of issue.
            year = release_number_year(text[:HEADING_CHARS], month)
        value = calendar.explicit(anchor, year, month, day)
        if value is not None:
            found.append(_Found(m.start(), m.end(), value, 1, kind, 0, stamp))
    for m in iso_pattern().finditer(text):
        value = calendar.explicit(None, int(m["year"]), int(m["month"]), int(m["day"]))
        if value is not None:
            found.append(_Found(m.start(), m.end(), value, 1, "explicit", 0))
    for m in month_only_pattern().finditer(text):
        year = int(m["year"]) if m["year"] else None
        value = calendar.explicit(anchor_at(m.start()), year, months[m["month"].lower()], 1)
        if value is not None:
            found.append(_Found(m.start("month"), m.end(), value, 3, "explicit", 1))
    return found


def _anchors(text: str, anchor: dt.date, datelines: list[_Found]) -> list[tuple[int, dt.date]]:
    """(offset, anchor) pairs: the publication date from the top, then each later release's dateline.

    Releases pasted one after another each count 'yesterday' and year-less days from their own dateline.
    """
    anchors = [(0, anchor)]
    previous_end = 0
    for d in sorted(datelines, key=lambda d: d.start):
        # A dateline after story text opens a later release; one in the heading block (a dated title
        # above the wire dateline) does not move the anchor.
        if d.value >= anchor and _SENTENCE_END.search(text[previous_end:d.start]):
            anchors.append((d.start, d.value))
        previous_end = d.end
    return anchors


def _relative_dates(text: str, anchor_at: Callable[[int], dt.date]) -> list[_Found]:
    found: list[_Found] = []
    for m in relative_pattern().finditer(text):
        rel = relative_expressions()[" ".join(m["phrase"].lower().split())]
        value = calendar.shift(anchor_at(m.start()), rel.unit, rel.offset)
        found.append(_Found(m.start(), m.end(), value, rel.precision, "relative", 2))
    for m in overnight_pattern().finditer(text):
        # The night just past, dated like 'last night' (data/dates/relative.tsv): the day before publication.
        found.append(_Found(m.start(), m.end(), anchor_at(m.start()) - dt.timedelta(days=1), 1, "relative", 2))
    for m in past_days_pattern().finditer(text):
        days = word_value(m["n"])
        if days is not None and 0 < days <= 31:
            # The span of 'the past two days' starts two days back; beyond a few days it is a week's precision.
            value = anchor_at(m.start()) - dt.timedelta(days=days)
            found.append(_Found(m.start(), m.end(), value, 1 if days <= 2 else 2, "relative", 2))
    for m in ago_pattern().finditer(text):
        count = 1 if m["n"].lower() in ("a", "an") else word_value(m["n"])
        if count is not None and 0 < count <= 31:
            week = m["unit"].lower().startswith("week")
            value = anchor_at(m.start()) - dt.timedelta(days=count * (7 if week else 1))
            found.append(_Found(m.start(), m.end(), value, 2 if week else 1, "relative", 2))
    found.extend(_year_dates(text, anchor_at))
    for m in holiday_pattern().finditer(text):
        name = " ".join(m["name"].lower().replace("\u2019", "'").split())
        found.append(_Found(m.start(), m.end(), calendar.holiday(anchor_at(m.start()), holiday_rules()[name]), 1,
                            "holiday", 1))
    for m in weekday_pattern().finditer(text):
        weekday = weekday_numbers()[m["weekday"].lower()]
        value = calendar.weekday_on_or_before(anchor_at(m.start()), weekday, strictly_before=bool(m["last"]))
        found.append(_Found(m.start(), m.end(), value, 1, "weekday", 3))
    return found


YEAR_PRECISION = 4  # sitrep's addition to ACLED's 1-3: only the year is known


def _year_dates(text: str, anchor_at: Callable[[int], dt.date]) -> list[_Found]:
    """'in 2017', 'the 2015 attack', 'last year', 'two years ago': the year's first day, year precision.
    A year after the anchor is a plan, not an event date, and is left out."""
    found: list[_Found] = []
    for m in year_pattern().finditer(text):
        anchor = anchor_at(m.start())
        if m["year"]:
            year = int(m["year"])
        elif m["last"]:
            year = anchor.year - 1
        else:
            count = 1 if m["n"].lower() in ("a", "an") else word_value(m["n"])
            if count is None or not 0 < count <= 100:
                continue
            year = anchor.year - count
        if year > anchor.year or year < 1900:
            continue
        start = m.start("year") if m["year"] else m.start()
        found.append(_Found(start, m.end(), dt.date(year, 1, 1), YEAR_PRECISION, "year", 4))
    return found


def _written_years(text: str) -> list[_Found]:
    """The years a text writes in digits ('in 2017', 'the 2015 attack'), which need no anchor."""
    latest = dt.date(2099, 12, 31)  # later than any year the pattern reads: every written year is kept
    return [f for f in _year_dates(text, lambda _: latest) if _WRITTEN_YEAR_END.search(text, f.start, f.end)]


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.rank, f.start)):
        if not any(k.start < item.end and item.start < k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)


# A page stamp or dateline with its year at the top that lies this many days or more before the publication date
# the article came with tells when the story was written: that date is a later crawl or update.
STALE_DAYS = 4


def stale_anchor(text: str, found: list[_Found], published: dt.date | None) -> dt.date | None:
    """The day relative words are read against: the publication date, or the earliest dated stamp or dateline at the
    top ('Posted: Saturday, March 2, 2013', 'SAVANNAH, GA (December 2, 2015):') when it is ``STALE_DAYS`` or more
    before it (a story published on 16 March with 'early Saturday morning' under a stamp of 2 March tells of 2 March).
    """
    if published is None:
        return None
    top = [f.value for f in found if f.kind == "dateline" and f.precision == 1 and f.start < HEADING_CHARS
           and _WRITTEN_YEAR_END.search(text, f.start, f.end)]
    earliest = min(top, default=published)
    return earliest if (published - earliest).days >= STALE_DAYS else published


def dateline_anchor(text: str) -> dt.date | None:
    """The date of a dateline with a year at the top of the text, for articles without metadata."""
    for m in explicit_pattern().finditer(text[:HEADING_CHARS]):
        year = m["year1"] or m["year2"]
        if year and is_dateline(text, m.start(), m.end()):
            month = month_numbers()[(m["month1"] or m["month2"]).lower()]
            return calendar.explicit(None, int(year), month, int(m["day1"] or m["day2"]))
    return None


# The stand-in anchor of a text that writes no year at all: any year serves, since only the distances between its
# provisional dates are read; its last day puts the days the text writes without a year ('August 4') in that year.
UNDATED_ANCHOR = dt.date(2000, 12, 31)


class _Dated(Protocol):
    @property
    def value(self) -> dt.date: ...
    @property
    def precision(self) -> int: ...


def provisional_anchor(written: Sequence[_Dated], yearless: Sequence[_Dated] = ()) -> dt.date:
    """The day an undated article's relative dates are read against, as a story is written after what it tells: the
    last day of the latest date it writes with its year (after all of 'March 2019' when it writes 'in March 2019'),
    or the day after a year written alone (the current year is 'this year': 'In 2017, ...' is told from a later
    one); with no year written, the latest of the days it writes without one (``yearless``, read in the year of
    :data:`UNDATED_ANCHOR`: a dateline's 'Oct. 3', 'August 13' after 'August 4'; 'Dec. 30' and 'Jan. 2' are misread), else
    :data:`UNDATED_ANCHOR`. Provisional: it only compares dates."""
    if written:
        return max(_written_after(d.value, d.precision) for d in written)
    return max((d.value for d in yearless if d.precision == 1), default=UNDATED_ANCHOR)


def _written_after(start: dt.date, precision: int) -> dt.date:
    if precision == YEAR_PRECISION:
        return dt.date(start.year + 1, 1, 1)
    if precision == 3:  # a month
        return calendar.month_start(start, -1) - dt.timedelta(days=1)
    return start + dt.timedelta(days=6) if precision == 2 else start


def _named_weekdays(text: str, found: Sequence[_Found], written: Sequence[_Found]) -> dict[int, _Found]:
    """An undated text's weekdays that name a day it writes with its year, by their offset. Such a text tells a story
    ('The bomb exploded on a Friday afternoon'), not this week's news: when it writes exactly one day of that weekday
    ('an attack on 13 September 1974', a Friday), the weekday is that day; else it stays provisional."""
    days: dict[int, set[dt.date]] = {}
    for w in written:
        if w.kind == "explicit" and w.precision == 1:
            days.setdefault(w.value.weekday(), set()).add(w.value)
    named = {}
    for f in found:
        if f.kind != "weekday" or text[f.start:f.end].lower().startswith(("last", "past")):
            continue
        same = days.get(f.value.weekday(), set())
        if len(same) == 1:
            named[f.start] = dataclasses.replace(f, value=next(iter(same)))
    return named


class DateResolver(Component[list[DateMention]]):
    """Finds date expressions and resolves them to calendar dates."""

    name = "dates.resolve"
    reads = ("parsed", "sentences", "article")
    writes = ("dates",)

    def match(self, doc: Document) -> list[DateMention]:
        text = doc.text
        published = doc.article.published or dateline_anchor(text)
        if published is None:
            return self._undated(doc)
        found = find_dates(text, published)
        anchor = stale_anchor(text, found, published)
        if anchor != published:
            found = find_dates(text, anchor)
        # A release pasted below the first may be dated later; nothing is after the latest dateline.
        limit = max([published] + [f.value for f in found if f.kind == "dateline" and not f.stamp]) if published else None
        mentions = []
        for f in _without_overlaps(found):
            if limit is not None and f.value > limit and f.kind != "dateline":
                continue  # an explicit date after publication is a plan or a typo, never an event date
            mentions.append(DateMention(sent=doc.sentence_index(f.start), span=doc.span(f.start, f.end),
                                        value=f.value, precision=f.precision, kind=f.kind))
        return mentions

    def _undated(self, doc: Document) -> list[DateMention]:
        """An article with neither publication date nor dateline: the dates it writes with their year, and its
        relative ones ('this week', 'In April', 'last year') resolved against :func:`provisional_anchor` and marked
        provisional, so that 'this week' and 'In April' still tell two incidents apart without either getting a
        calendar day the text does not give."""
        text = doc.text
        written = find_dates(text, None) + _written_years(text)
        # The year-less days are read only when no year is written (a second full scan costs ~1 ms an article).
        yearless = [] if written else [f for f in find_dates(text, UNDATED_ANCHOR, relative=False)
                                       if f.kind in ("explicit", "dateline")]
        anchor = provisional_anchor(written, yearless)
        found = _without_overlaps(find_dates(text, anchor))
        named = _named_weekdays(text, found, written)
        found = [named.get(f.start, f) for f in found]
        known = {(f.start, f.end, f.value) for f in [*written, *named.values()]}
        return [DateMention(sent=doc.sentence_index(f.start), span=doc.span(f.start, f.end), value=f.value,
                            precision=f.precision, kind=f.kind, provisional=(f.start, f.end, f.value) not in known)
                for f in found]

    def set_annotations(self, doc: Document, found: list[DateMention]) -> None:
        doc.dates = found
