"""Choosing an event's date, place and figures from the mentions the earlier stages wrote.

Each chooser looks in the event's own sentences first, then backwards through the article (news
writes the date and place once, early, and later sentences lean on them), then falls back to the
article as a whole.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.events.merge import same_place, violence_words
from sitrep.geo.resolve import distance_km
from sitrep.ingest.headline import headline as title_headline
from sitrep.model import TITLE, Count, DateMention, Place, Quantity, Span, Toponym
from sitrep.pipeline.document import Document
from sitrep.quantities.headline import states_a_number
from sitrep.quantities.numbers import find_numbers
from sitrep.quantities.tolls import with_perpetrators
from sitrep.resources import read_kinds, read_lines

if TYPE_CHECKING:
    from spacy.tokens import Token

DATELINE = "dateline"
# Precision when no date is written for the event and the publication date stands in for it: the
# event is known only to be recent, so ACLED's "week" precision.
FALLBACK_PRECISION = 2
CAPTURE_KINDS = ("captured", "arrested")


@dataclass
class DateChoice:
    value: dt.date | None
    precision: int | None
    span: Span | None


YEAR = "year"
# A current event's date is at most this many days before publication: an older date in the text is a
# recalled incident's (events.prominence), unless nothing else dates the event.
CURRENT_DAYS = 45


# Links from a date up to the word it dates ('said on Tuesday': pobj -> prep -> said).
_DATE_LINKS = frozenset({"pobj", "prep", "npadvmod", "compound", "nummod", "amod", "appos", "nmod", "tmod", "agent"})


# A clock time the parser takes for an object ('gunfire broke out about 12:30 Saturday morning'): a link like a
# preposition's object. An open clause leads up to the verb it completes ('the bullets started to fly Wednesday
# night'), unless that verb tells a report ('was reported shot Sunday').
_CLOCK = re.compile(r"\d{1,2}(?::\d\d)?$|(?i:[ap]\.?m\.?)$")


def _dated_words(doc: Document, d: DateMention) -> list[Token]:
    """The words from the date up to the word it dates ('shot and killed Friday': Friday, killed)."""
    if doc.parsed is None:
        return []
    span = doc.parsed.char_span(d.span.start, d.span.end, alignment_mode="expand")
    if span is None:
        return []
    path = _climb(span.root)
    clock = _clock_before_split(span[0])
    if clock is not None and (path[-1].i == span.root.i or _reports(path[-1])):
        # 'The shooting was reported at 11:42 a.m. | Monday in the 4200 block', 'shots rang out at 1:15 a.m. | Tuesday, a
        # sergeant said': the parser ended the sentence at the clock's full stop, and the date's own words date nothing
        # or only the speech; the date goes up from the clock it was written with.
        path = [span.root, *_climb(clock)]
    return _into_reported_clause(path)


def _climb(first: Token) -> list[Token]:
    token = first
    path = [token]
    for _ in range(4):
        # 'Friday's shooting': a possessive date dates the noun it qualifies
        possessive = token.dep_ == "poss" and token.i == first.i
        clock = token.i == first.i and bool(_AM_PM.match(token.text))  # '11:42 a.m.' hangs on what it times
        if token.head.i == token.i or (token.dep_ not in _DATE_LINKS and not possessive and not clock
                                       and not (token.dep_ == "dobj" and _CLOCK.match(token.text))
                                       and not (token.dep_ == "xcomp" and not _reports(token.head))):
            break
        token = token.head
        path.append(token)
    return path


def _clock_before_split(first: Token) -> Token | None:
    """The clock ('a.m.', 'p.m.') just before a date that the parser made open a new sentence, if any."""
    if not first.is_sent_start or first.i == 0:
        return None
    before = first.doc[first.i - 1]
    if before.is_space and before.i > 0:
        return None  # a paragraph break: a real end of sentence
    return before if _AM_PM.match(before.text) else None


_AM_PM = re.compile(r"(?i:[ap]\.m\.)$")


def _into_reported_clause(path: list[Token]) -> list[Token]:
    """A date written before the verb of speech that closes its sentence dates the clause it is written in, which
    the parser hung on that verb ('Shots rang out at about 1:15 a.m. Tuesday, a sergeant said': Tuesday dates
    'rang', not 'said'; 'Police said Tuesday that ...' still dates the speech)."""
    top = path[-1]
    if len(path) < 2 or not _reports(top) or path[0].i > top.i:
        return path
    for clause in top.children:
        if clause.dep_ == "ccomp" and clause.i < top.i and clause.left_edge.i <= path[0].i:
            return [*path[:-1], clause]
    return path


def _reports(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in read_lines("dates/report_verbs.txt")


def dates_speech(doc: Document, d: DateMention) -> bool:
    """Whether the date tells when something was said or made known ('police said Tuesday'), or done after the
    incident ('police were searching late Tuesday'), not when the event happened (verbs in
    data/dates/report_verbs.txt and aftermath_verbs.txt)."""
    path = _dated_words(doc, d)
    if not path:
        return False
    # 'a suspect in a shooting Tuesday night, police identified': the date qualifies the shooting on its way up
    words = _incident_words()
    if any(t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in words or t.lower_ in words) for t in path[1:-1]):
        return False
    # a verb of the aftermath only when it governs the date itself ('were searching late Tuesday', not 'searching
    # for the person who shot him Saturday night, March 11')
    top = path[-1]
    if _reports(top):
        return True
    if len(path) > 3 or not all(t.pos_ in _LINK_POS for t in path[1:-1]):
        return False
    # ... or the work itself is the subject of 'be' ('a search was under way Thursday', 'an investigation was underway
    # Thursday evening')
    return (top.pos_ == "VERB" and top.lemma_.lower() in _aftermath_verbs()) or (
        top.lemma_.lower() == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _aftermath_verbs()
                                           for c in top.children))


@functools.lru_cache(maxsize=1)
def _aftermath_verbs() -> frozenset[str]:
    return frozenset(read_lines("dates/aftermath_verbs.txt"))


@functools.lru_cache(maxsize=1)
def _incident_words() -> frozenset[str]:
    return violence_words() | frozenset(read_lines("dates/incident_words.txt"))


def dates_violence(doc: Document, d: DateMention) -> bool:
    """Whether the date tells when someone was shot, killed or attacked ('a vigil on Saturday for the three
    shot Friday': Friday), or when the incident itself happened: a word of data/events/violence_words.txt or
    data/dates/incident_words.txt on its way up the parse ('deputies responded Sunday'), or the subject, object or
    agent of the verb it dates ('The shooting happened late Monday', 'raked by gunfire late Friday')."""
    words = _incident_words()
    whole = _dated_words(doc, d)
    path = whole[1:]

    def told(t: Token) -> bool:
        return (t.lemma_.lower() in words or t.lower_ in words
                or any(c.dep_ == "prt" and f"{t.lemma_.lower()} {c.lower_}" in words for c in t.children))

    if (d.kind == "holiday" and whole and (whole[0].dep_ in _NAMING_DEPS or whole[0].head.lower_ == "for")
            and not told(whole[0].head)):
        # 'a Christmas party', 'the Easter parade': a kind of gathering, not the day of the shooting at it; 'a gun
        # he got for Christmas', 'home for Thanksgiving': what the holiday was for, not when anything happened
        return False
    # A word on the way up, or a violence word compounded with it ('the June 11 shooting spree')
    if any(told(t) or any(c.dep_ == "compound" and told(c) for c in t.children) for t in path):
        return True
    top = path[-1] if path else None
    if top is None or top.pos_ not in ("VERB", "AUX"):
        return False
    # What the dated act did, told by a participle with no subject of its own ('it discharged Feb. 13, killing
    # the boy'; not 'arrested Tuesday after he shot ...')
    if any(c.dep_ == "advcl" and c.tag_ == "VBG" and told(c)
           and not any(g.dep_ in ("mark", "nsubj", "nsubjpass") for g in c.children) for c in top.children):
        return True
    # What happened at that moment, told by a 'when' clause ('was cleaning his gun on Wednesday when it went off')
    if any(c.dep_ == "advcl" and told(c) and any(g.dep_ == "advmod" and g.lower_ == "when" for g in c.children)
           for c in top.children):
        return True
    # The clause the violence happened during ('was shot while walking across a street Saturday night'): its date is
    # the moment of the violence.
    if top.dep_ == "advcl" and told(top.head) and any(c.dep_ == "mark" and c.lower_ in _DURING for c in top.children):
        return True
    # Who or what did it, or underwent it, is violence: 'The shooting spree happened ...', 'their car was raked
    # by gunfire late Friday', 'opened fire Sunday', 'the shooting that was reported Tuesday night' (not the object of
    # a preposition: 'arrested Tuesday in the shooting' dates the arrest).
    actors = [c for c in top.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if top.dep_ == "relcl" and any(c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and c.lower_ == "that")
                                   for c in top.children):
        actors.append(top.head)
    actors += [g for c in top.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if _responders_arrive(top):
        return True
    return any(w.lemma_.lower() in words or w.lower_ in words
               for c in actors for w in (c, *c.children) if w.dep_ not in ("relcl", "acl", "prep"))


@functools.lru_cache(maxsize=1)
def _arrival_words() -> dict[str, frozenset[str]]:
    return read_kinds("dates/arrivals.tsv")


def _responders_arrive(verb: Token) -> bool:
    """'When police arrived at the home Saturday evening': those who answer the call arrive on the incident's day (not
    a suspect who 'arrived at police headquarters'; data/dates/arrivals.tsv)."""
    words = _arrival_words()
    return verb.lemma_.lower() in words["verb"] and any(
        c.dep_ == "nsubj" and (c.lemma_.lower() in words["responder"] or c.lower_ in words["responder"])
        for c in verb.children)


# The words that open a clause of what was going on when something happened ('shot while walking home').
_DURING = frozenset({"while", "as"})


# How a holiday's name hangs on the noun it names: 'a Christmas party', "a New Year's Eve party" (parsed 'Year' nmod or
# poss of 'party'), 'the Fourth of July weekend'.
_NAMING_DEPS = frozenset({"compound", "nmod", "poss"})


def _names_a_period(doc: Document, d: DateMention) -> bool:
    """A holiday that names a gathering or a stretch of days ('over the Fourth of July weekend', 'a New Year's Eve
    party'), not a day on which something was done."""
    if d.kind != "holiday":
        return False
    path = _dated_words(doc, d)
    return bool(path) and path[0].dep_ in _NAMING_DEPS and not any(
        t.lemma_.lower() in _incident_words() for t in path[1:2])


@functools.lru_cache(maxsize=1)
def _other_day_words() -> dict[str, frozenset[str]]:
    return read_kinds("dates/other_days.tsv")


# A year-less calendar day ('Oct. 20'): the resolver takes it for the last such day before publication; a day to come
# written with its year lies after publication and is dropped there.
_YEARLESS = re.compile(r"^(?!.*\b(?:19|20)\d\d\b)")


def other_day(doc: Document, d: DateMention) -> bool:
    """A date that is no day of any incident the article reports (data/dates/other_days.tsv): a birth or a birthday
    ('was born on Sept. 8, 1999'), the start of a stretch of time ('shot since Friday night': a round-up's count), or
    a year-less day to come ('his trial was set for January 21', 'a hearing scheduled for Oct. 20')."""
    path = _dated_words(doc, d)
    if not path:
        return False
    kinds = _other_day_words()
    # the words up from the date ('was born on'), and what names them ('Date of Birth July 9'); not a compound ('a
    # birthday party Saturday' is the day of the party, where a shooting may be)
    words = {w for t in path[1:] for w in (t.lemma_.lower(), t.lower_)}
    words |= {g.lemma_.lower() for t in path[1:] for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"}
    if words & kinds["birth"]:
        return True
    # ... with what qualifies them for a day to come ('his next court date', 'will appear')
    words |= {c.lemma_.lower() for t in path[1:] for c in t.children if c.dep_ in ("amod", "compound", "aux")}
    # 'since' governs the date itself, or the clock it is written with ('since 10 p.m. Friday night'), not a noun the
    # date qualifies ('since the Dec. 23 shooting' dates the shooting); and it starts a count of what happened, not a
    # state that began with the incident ('deputies have been on scene since Monday night')
    for t in path[1:]:
        if t.lower_ in kinds["since"] and t.dep_ == "prep":
            return t.head.lemma_.lower() != "be"
        if not (_CLOCK.match(t.text) or _AM_PM.match(t.text)):
            break
    # A day to come is resolved to the past one of its name: a year-less calendar day or a bare weekday ('expected to be
    # arraigned Thursday morning'), not 'last Thursday'.
    to_come = (d.kind == "explicit" and bool(_YEARLESS.match(d.span.text))) or (
        d.kind == "weekday" and not d.span.text.lower().startswith(("last", "past")))
    return to_come and bool(words & kinds["plan"])


def event_days(doc: Document) -> list[DateMention]:
    """The article's dates less those of no incident (:func:`other_day`)."""
    return [d for d in doc.dates if d.kind in (DATELINE, YEAR) or not other_day(doc, d)]


def _day_of_violence(doc: Document, d: DateMention) -> bool:
    """A day (not a month: '45 people were killed in July' is a month's toll) on which someone was shot or killed."""
    return d.precision == 1 and dates_violence(doc, d)


day_of_violence = _day_of_violence  # also for events.headline


@functools.lru_cache(maxsize=1)
def _act_words() -> dict[str, frozenset[str]]:
    return read_kinds("dates/act_words.tsv")


# Words on the way up from a date that say nothing of what happened ('early on Friday', 'after').
_LINK_POS = frozenset({"ADP", "ADV", "DET", "PART", "CCONJ", "SCONJ", "PUNCT"})


def _day_of_the_act(doc: Document, d: DateMention) -> bool:
    """A day of violence dated by the act itself, not only by a death or a discovery that may come days after it
    ('died Saturday of a wound suffered on Friday': Friday; 'found dead Sunday' is weaker than 'shot Friday';
    words in data/dates/act_words.tsv)."""
    if d.precision != 1:
        return False
    # A clock on the way ('died at 5:24 p.m. Saturday') says nothing of what happened either.
    path = _dated_words(doc, d)
    words = {t.lemma_.lower() for t in path[1:] if t.pos_ not in _LINK_POS and not _CLOCK.match(t.text)}
    kinds = _act_words()
    if words & kinds["wound"]:
        return True
    if len(path) > 1 and any(c.dep_ in ("ccomp", "xcomp", "oprd") and c.lemma_.lower() in kinds["wound"]
                             for c in path[-1].children):
        return True  # 'officers found him suffering from a gunshot wound at 11 p.m. Sunday': found as it happened
    return dates_violence(doc, d) and (not words & kinds["later"] or bool(words - kinds["later"]))


_WRITTEN_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A calendar day written without its year is taken for the latest such day before publication; one that lands
# this many days back was more likely a day to come ('a hearing set for March 9') than the incident's.
YEARLESS_DAYS = 300


def _calendar_day(doc: Document, d: DateMention) -> bool:
    """A day written out as a calendar date ('June 17', 'June 17, 2015'), not a weekday or a relative day."""
    if d.kind != "explicit" or d.precision != 1:
        return False
    published = doc.article.published
    return (published is None or bool(_WRITTEN_YEAR.search(d.span.text))
            or (published - d.value).days <= YEARLESS_DAYS)


def is_current(doc: Document, d: DateMention) -> bool:
    published = doc.article.published
    return d.kind != YEAR and (published is None or (published - d.value).days < CURRENT_DAYS)


def choose_date(doc: Document, sents: list[int], background: bool = False, main: bool = False) -> DateChoice:
    """A date in the event's sentences, else the nearest one before them, else (the main event) the earliest day
    of what was said or done after it, else the publication date; these last two at week precision.

    A current event takes no year ('in 2017') and no date weeks before publication while another is
    given; a recalled (background) event takes its own date at the precision the text gives, year
    precision included, and never the article's date.
    """
    dates = event_days(doc)
    own = [d for d in dates if d.sent in sents and d.kind != DATELINE]
    if background:
        if own:
            return pick(min(own, key=lambda d: (d.precision, sents.index(d.sent), d.span.start)))
        return DateChoice(None, None, None)
    event_dates = [d for d in own if is_current(doc, d)] or [d for d in own if d.kind != YEAR]
    for tells in (_day_of_the_act, _day_of_violence) if main else ():
        if any(tells(doc, d) for d in event_dates):
            break
        # The main event's sentences date only what was said or done next ('police said Tuesday', 'the
        # search went on Tuesday', 'died Sunday'): the first day of the act elsewhere in the article tells its
        # day, else the first day of violence (a death, a body found).
        violent = [d for d in dates if d.kind not in (DATELINE, YEAR) and is_current(doc, d) and tells(doc, d)]
        if violent:
            return pick(min(violent, key=lambda d: d.span.start))
        # Nothing this month is a day of violence: a report of a trial, an arrest or a funeral tells the
        # incident's own day further back ('sentenced Friday for the May 25 shooting').
        weeks = _weeks_of_violence(doc, dates)
        older = [d for d in dates if d.kind not in (DATELINE, YEAR) and tells(doc, d)
                 and not _before_the_weeks(d, weeks)]
        if older:
            return pick(min(older, key=lambda d: d.span.start))
        if tells is _day_of_the_act:
            # No day of the act anywhere, as in a later report of an arrest or a trial: the calendar date the
            # article writes out tells the incident's day ('were sitting on a stoop on June 17 when ...').
            written = [d for d in dates if _calendar_day(doc, d) and not dates_speech(doc, d)
                       and not _before_the_weeks(d, weeks)]
            if written:
                return pick(min(written, key=lambda d: d.span.start))
    else:
        if main:
            # No day of violence anywhere: of the days told up to the event's sentences, the earliest (what was
            # done next, an arrest or a search, comes after the incident); else the first day told between them
            # ('were searching Tuesday for two men ...' / 'The men pulled out handguns ... Saturday' / 'Three
            # people were wounded'), before a day of speech in the event's own sentences.
            told = [d for d in dates if sents and d.sent <= max(sents)
                    and d.kind not in (DATELINE, YEAR) and d.precision == 1 and is_current(doc, d)
                    and not dates_speech(doc, d) and not _names_a_period(doc, d)]
            before = [d for d in told if d.sent in sents or d.sent < min(sents)]
            if before:
                return pick(min(before, key=lambda d: (d.value, d.span.start)))
            if told:
                return pick(min(told, key=lambda d: d.span.start))
    if event_dates:
        # In its first dated sentence, the date of the violence beats another's ('Neighbours held a vigil
        # Saturday for the three shot Friday': Friday); the main event takes the day of the act first, and of two
        # days of violence the earlier ('died Saturday of a wound suffered Friday').
        return pick(min(event_dates, key=lambda d: (dates_speech(doc, d), main and not _day_of_the_act(doc, d),
                                                     main and not _day_of_violence(doc, d),
                                                     sents.index(d.sent), not dates_violence(doc, d),
                                                     d.value if main else 0, d.span.start)))
    # An event with no sentence of the body (events.headline: told by the headline alone) looks at the whole body.
    first = min(sents, default=-1)
    before = [d for d in dates if 0 <= d.sent < first and d.kind != DATELINE and is_current(doc, d)]
    if before:
        return pick(max(before, key=lambda d: (not dates_speech(doc, d), d.span.start)))
    if main:
        # The lede often leaves the day to a later paragraph ('The shooting happened late Monday'): the first
        # date of violence after the event's sentences, else the first date that tells no speech.
        after = [d for d in dates if d.sent > first and d.kind not in (DATELINE, YEAR) and is_current(doc, d)
                 and not dates_speech(doc, d)]
        if after:
            return pick(min(after, key=lambda d: (not dates_violence(doc, d), d.span.start)))
    dateline = [d for d in dates if d.kind == DATELINE]
    if main:
        # Only days of what was said or done after the incident ('police said Sunday'): it happened on or before
        # the earliest of them, a closer bound than the publication date, at the same week's precision.
        said = [d for d in dates if d.kind not in (DATELINE, YEAR) and d.precision == 1 and is_current(doc, d)
                and d.sent >= 0]
        if said:
            earliest = min(said, key=lambda d: (d.value, d.span.start))
            return pick(earliest, FALLBACK_PRECISION)
    if doc.article.published is not None:
        return DateChoice(doc.article.published, FALLBACK_PRECISION, None)
    if dateline:
        return DateChoice(dateline[0].value, FALLBACK_PRECISION, dateline[0].span)
    return DateChoice(None, None, None)


# A week's dating ('last week', 'earlier this week') names a day inside the week or a week before it: a day
# written more than this many days before it lies outside the week the violence is dated to.
WEEK_SPAN_DAYS = 13


def _weeks_of_violence(doc: Document, dates: list[DateMention]) -> list[DateMention]:
    """The current week-precision dates of violence ('the woman police fatally shot earlier this week')."""
    return [d for d in dates if d.precision == 2 and d.kind not in (DATELINE, YEAR) and is_current(doc, d)
            and dates_violence(doc, d)]


def _before_the_weeks(d: DateMention, weeks: list[DateMention]) -> bool:
    """Whether a day lies well before the week the article dates its violence to: another act's day, further back
    (a warrant's 'an alleged altercation on June 28' in a report of a police shooting 'earlier this week'). Only a
    day of the last weeks: one written years back ('the March 2, 2013 shooting death' beside 'last week') tells
    rather that the publication date, and so 'last week', is late."""
    return any(WEEK_SPAN_DAYS < (w.value - d.value).days < CURRENT_DAYS for w in weeks)


def pick(mention: DateMention, precision: int | None = None) -> DateChoice:
    """The mention's day as the event's date; none for a provisional one (an undated article's 'this week': the
    event is told apart by it, but its calendar day would be invented)."""
    if mention.provisional:
        return DateChoice(None, None, None)
    return DateChoice(mention.value, precision or mention.precision, mention.span)


def _place_key(t: Toponym) -> tuple[int, float, int, int]:
    """Event sites first, then the likeliest, then the most precise, then the earliest."""
    precision = t.place.geo_precision if t.place and t.place.geo_precision else 9
    return (0 if getattr(t, "role", "") == "event_site" else 1, -getattr(t, "event_score", 0.0), precision,
            t.span.start)


# A wire dateline opens a line near the top: "MOGADISHU, Somalia -", "KABUL, Afghanistan (Jan. 25, 2013)",
# "MOSCOW, March 3 (Reuters) -". It names where the report was filed, not where the event happened.
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z'.\- ]{2,},[^\n]{0,60}?(?:\(|\s[-\u2013\u2014]\s|\s[-\u2013\u2014]$)",
                       re.MULTILINE)
DATELINE_SEARCH_CHARS = 400


def dateline_end(text: str) -> int:
    """Offset where the article's dateline ends, or 0 when it has none."""
    match = _DATELINE.search(text, 0, DATELINE_SEARCH_CHARS)
    return match.end() if match else 0


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][A-Za-z]*)")


@functools.lru_cache(maxsize=1)
def _building_words() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("events/building_words.txt"))


def names_a_building(doc: Document, end: int) -> bool:
    """Whether the place name ending at ``end`` goes on as the name of a school, a hospital or another building
    ('Harrison County High School', 'Jackson Park Hospital'; data/events/building_words.txt), which may stand
    outside the place it is named after."""
    following = _NEXT_WORD.match(doc.article.text[end:end + 40])
    return following is not None and following.group(1).lower() in _building_words()


def choose_place(doc: Document, sents: list[int], main: bool = False) -> Place | None:
    """A place in the event's sentences, else the nearest before them, else the article's main place.

    The dateline's place is where the report was filed: it stands for the event only when the
    article names no other place, or, for the main event, when it is a local dateline that names the town or
    county of the incident (:func:`local_dateline`). The main event of an article takes a place its headline
    names ('Four shot in Dayton') when the text names and resolves it too.
    """
    place = _choose_place(doc, sents, main)
    if main and place is not None:
        place = local_dateline(doc, place) or place
        return town_in_county(doc, place) or place
    return place


# A reading the geocoder is at least this sure of: a town that refines its county for the main event
# (town_in_county), and a far town and the other place of its county that vouches for it (_county_named_with).
SURE_READING = 0.9


def town_in_county(doc: Document, chosen: Place) -> Place | None:
    """The town in a chosen county that the text surely names as a site ('a shooting in Harlan County' ...
    'the home near Elkford'), in place of the county: a headline or sheriff names the county, the body the town
    where it happened. Only a town of the county itself, not where someone comes from ('a man from Elkford'),
    not a name read out of a building's ('Elkford High School'); the likeliest site first (_place_key)."""
    if chosen.feature != "admin2" or not chosen.admin2:
        return None
    towns = [t for t in doc.toponyms if t.place is not None and t.place.feature == "city"
             and t.place.admin1 == chosen.admin1 and t.place.admin2 == chosen.admin2
             and t.score >= SURE_READING and t.role != "origin" and not names_a_building(doc, t.span.end)]
    return _with_span(min(towns, key=_place_key)) if towns else None


# A dateline's town is read as the incident's only when the geocoder resolved it at least this confidently.
DATELINE_PLACE_SCORE = 0.75
# A dateline's town this close to the outlet's home is the station's home town.
OUTLET_HOME_KM = 30.0


def local_dateline(doc: Document, chosen: Place) -> Place | None:
    """The town or county of a dateline ('BOURBON COUNTY, Ky. (WTVQ) -', 'TAVARES, Fla. -'), in place of the
    main event's ``chosen`` place, where the two are not one place: a local report's dateline names where the
    incident happened more often than a town the body mentions (a hospital's, a school's, a suspect's home).

    Only when the dateline's place lies in the chosen place's state or in the state the dateline writes ('Ky.'),
    and not when it is the outlet's own home town while the chosen place is another town of its state (a station
    datelines the stories of its area from its home)."""
    filed_at = dateline_end(doc.text)
    if not filed_at:
        return None
    in_dateline = [t for t in doc.toponyms if t.place is not None and t.span.start < filed_at]
    written = {t.place.name for t in in_dateline if t.place is not None and t.place.feature == "admin1"}
    # a town the gazetteer lacks, placed in the state the dateline writes ('PINETOWN, N.C.'), is as sure
    towns = [t for t in in_dateline if t.place is not None and t.place.feature in ("city", "admin2", "area")
             and (t.score >= DATELINE_PLACE_SCORE or (t.place.feature == "area" and t.place.admin1 in written))
             and t.place.country_code == chosen.country_code]
    if not towns:
        return None
    town = max(towns, key=lambda t: t.span.end - t.span.start)
    place = town.place
    assert place is not None
    if same_place(place, chosen) or (place.admin2 and place.admin2 == chosen.admin2):
        return None
    if place.admin1 != chosen.admin1 and place.admin1 not in written:
        return None
    home = doc.outlet_place
    if (home is not None and chosen.feature == "city" and place.admin1 == chosen.admin1 and None not in
            (place.lat, place.lon, home.lat, home.lon)
            and distance_km(place.lat or 0.0, place.lon or 0.0, home.lat or 0.0, home.lon or 0.0) < OUTLET_HOME_KM):
        return None
    return _with_span(town)


def _choose_place(doc: Document, sents: list[int], main: bool = False) -> Place | None:
    # A place name inside an actor's name ("Alliance" in "Northern Alliance", "Kurdistan" in "Kurdistan
    # Workers' Party") names the actor, not where the event happened.
    named = [a.span for a in doc.actors if a.actor.known]
    resolved = [t for t in doc.toponyms if t.place is not None and not any(t.span.overlaps(s) for s in named)]
    resolved = _in_main_country(resolved)
    # The headline's town counts even in another state than most of the text's places when the text writes it
    # with its state ('five hurt in Gary club' ... 'in Gary, Ind.', in a Chicago paper full of Chicago men).
    stated = _with_stated_state(_in_title(doc, resolved), resolved, doc.text) if main else []
    if main:
        resolved = _in_main_admin1(resolved, doc.outlet_unit)
    filed_at = dateline_end(doc.text)
    placed = [t for t in resolved if t.span.start >= filed_at] or resolved
    # Where someone comes from ('a man from Gary') is the event's place only when the text names no other.
    placed = [t for t in placed if t.role != "origin"] or placed
    # A place read out of a longer name ('Harrison County High School', 'Alpine Police Department') names a body or a
    # building, which may stand anywhere: the event's place only when the text names no other.
    placed = [t for t in placed if not names_a_building(doc, t.span.end)] or placed
    misread: list[Toponym] = []
    if main and doc.outlet_place is not None:
        misread = [t for t in placed if _namesake_or_country(t, doc.outlet_place, resolved)]
        if len(misread) == len(placed):
            # The text names no place below its outlet's country ('a shooting in the West End'), or only towns far
            # off in states it never names (a neighbourhood's name read as a namesake elsewhere): a local outlet's
            # story happened around its home town (geo.outlet), grounded in the URL's host name, at the precision
            # of an area.
            return doc.outlet_place
        # Beside the text's other places, such a namesake (a surname, 'Flores', read as a town abroad) is no
        # more the event's place than alone.
        placed = [t for t in placed if t not in misread]
    if main:
        headlined = [t for t in _in_title(doc, resolved) or stated if t not in misread]
        # Of two towns the headline names, the one it writes as the incident's ('in Elkford', 'Elkford shooting') and
        # not as where someone comes from ('Quillmont man', 'visiting from Quillmont').
        headlined = [t for t in headlined if _headline_site(doc, t)] or headlined
        if headlined:
            return _with_span(min(headlined, key=lambda t: (t.sent not in sents, _place_key(t))))
    here = [t for t in placed if t.sent in sents]
    if here:
        return _with_span(min(here, key=_place_key))
    before = [t for t in placed if 0 <= t.sent < min(sents)]
    if before:
        last = max(t.sent for t in before)
        return _with_span(min((t for t in before if t.sent == last), key=_place_key))
    if not placed:
        return None
    # The article's main place: the most mentioned, preferring places below country level.
    finer = [t for t in placed if t.place and t.place.feature != "country"] or placed
    counts = Counter(t.place.name for t in finer if t.place)
    name = counts.most_common(1)[0][0]
    return _with_span(min((t for t in finer if t.place and t.place.name == name), key=_place_key))


# A town this far from the outlet's home town, in a state the text does not name, is read as a namesake, unless
# it is this populous (a wire story from Las Vegas names no state either).
OUTLET_KM = 120.0
NAMESAKE_MAX_POPULATION = 100_000


def _namesake_or_country(t: Toponym, home: Place, resolved: list[Toponym]) -> bool:
    """A place of the outlet's country that tells nothing of where in it: the country itself, or a town or
    county of under NAMESAKE_MAX_POPULATION far from the outlet's home in a first-level unit the text never names
    (a local station's 'Frayser' read as a namesake two states off), unless the text surely names a second place
    of its county beside it (and bears another name than the outlet's town)."""
    place = t.place
    if place is None:
        return False
    if place.country_code != home.country_code:
        return _abroad_unnamed(place, resolved)
    if place.feature == "country":
        return True
    if place.feature not in ("city", "admin2", "area") or place.admin1 == home.admin1 or place.lat is None \
            or t.population >= NAMESAKE_MAX_POPULATION \
            or place.lon is None or home.lat is None or home.lon is None:
        return False
    named = {o.place.admin1 for o in resolved if o.place is not None and o.place.feature == "admin1"}
    # The outlet's own town's name is the outlet's town, whatever namesake the text's other names pull it to.
    vouched = place.name != home.name and _county_named_with(t, resolved, home.name)
    return place.admin1 not in named and not vouched \
        and distance_km(place.lat, place.lon, home.lat, home.lon) > OUTLET_KM


def _abroad_unnamed(place: Place, resolved: list[Toponym]) -> bool:
    """A town, county or first-level unit in another country than the outlet's, a country the text names nowhere,
    neither itself nor (for a town or county) by a unit of it: a local outlet's surname ('Flores', 'Castro') or
    neighbourhood ('Bellagio') read as a town abroad, not a report from there (which names its country:
    'MONTERREY, Mexico')."""
    if place.feature not in ("city", "admin2", "area", "admin1") or not place.country_code:
        return False
    # A first-level unit abroad (or a place put inside one) needs its country named: surnames ('Flores',
    # 'Rivera') read as two units of one country hold each other up.
    units = ("country",) if place.feature in ("admin1", "area") else ("country", "admin1")
    return not any(o.place is not None and o.place.country_code == place.country_code
                   and o.place.feature in units for o in resolved)


def _county_named_with(t: Toponym, resolved: list[Toponym], home_name: str) -> bool:
    """Whether the text surely names another place of ``t``'s county: its county or a second town in it
    ('Bennettsville' beside 'Marlboro County', 'Horton' beside 'Boaz'). A syndicated story from a sister station's
    area names the town with its neighbours; a neighbourhood misread as a namesake far off has at most a street or
    another weak misreading beside it, and a county named after the town ('Halifax County') adds no evidence, nor
    a namesake of the outlet's own town (``home_name``: a station's 'Louisville' pulled to Ohio by a misread name)."""
    place = t.place
    if place is None or not place.admin2 or t.score < SURE_READING:
        return False
    own = place.name.lower()

    def vouches(o: Toponym) -> bool:
        other = o.place
        if other is None or o.score < SURE_READING or other.feature not in ("city", "admin2") \
                or other.name == home_name:
            return False
        name = other.name.lower()
        return (other.admin1 == place.admin1 and other.admin2 == place.admin2
                and not name.startswith(own) and not own.startswith(name))

    return any(vouches(o) for o in resolved)


# Share of resolved places that must lie in one country before places elsewhere are read as
# misresolved homonyms ("Rivet" in an Afghan story resolved to a place in Algeria).
MAIN_COUNTRY_SHARE = 0.6
# A place abroad is kept when the NER names it as a place, the geocoder is fairly sure of it and it is
# where its sentence's event happened: a story mostly about Syria may also report a protest in Khartoum.
CONFIDENT_ABROAD_SCORE = 0.5


namesake_or_country = _namesake_or_country  # also for events.headline


def _in_main_country(placed: list[Toponym]) -> list[Toponym]:
    codes = Counter(t.place.country_code for t in placed if t.place and t.place.country_code)
    if not codes:
        return placed
    code, count = codes.most_common(1)[0]
    if count < 2 or count / sum(codes.values()) < MAIN_COUNTRY_SHARE:
        return placed
    return [t for t in placed if t.place and (t.place.country_code in (code, None) or _confident_site(t))]


# Share of an article's resolved places below country level that must lie in one first-level unit before the
# main event's place is sought there only: local news names its state's towns, and a namesake in another state
# ("Highland", "Aberdeen", a person called "Oldham") is a misreading.
MAIN_ADMIN1_SHARE = 0.5


# The outlet's home unit (geo.outlet: 'baltimoresun.com' is Maryland) counts as this many more of the article's
# places when the article names a place there: a local paper's story is mostly in its own state.
OUTLET_VOTES = 4


def _in_main_admin1(placed: list[Toponym], outlet_unit: str | None = None) -> list[Toponym]:
    units = Counter(t.place.admin1 for t in placed if t.place and t.place.admin1 and t.place.feature != "country")
    if not units:
        return placed
    if outlet_unit and outlet_unit in units:
        units[outlet_unit] += OUTLET_VOTES
    unit, count = units.most_common(1)[0]
    if count < 2 or count / sum(units.values()) < MAIN_ADMIN1_SHARE:
        return placed
    kept = [t for t in placed if t.place and (t.place.admin1 in (unit, None) or t.place.feature == "country")]
    return kept or placed


def _with_stated_state(toponyms: list[Toponym], resolved: list[Toponym], text: str) -> list[Toponym]:
    """Those of ``toponyms`` that the text writes, somewhere, as 'Town, State' with their own state."""
    def written_with_state(t: Toponym) -> bool:
        assert t.place is not None
        towns = [o.span.end for o in resolved if o.place is not None and o.place.gazetteer_id == t.place.gazetteer_id]
        return any(o.place is not None and o.place.feature == "admin1" and o.place.admin1 == t.place.admin1
                   and text[end:o.span.start].strip() == "," for o in resolved for end in towns)
    return [t for t in toponyms if t.place is not None and written_with_state(t)]


def _confident_site(t: Toponym) -> bool:
    return t.source == "ner" and t.role == "event_site" and t.score >= CONFIDENT_ABROAD_SCORE


def headline(doc: Document) -> str:
    """The page title without the outlet's name after it ("Four shot in Dayton - WHIO TV | Dayton, OH News"
    gives "Four shot in Dayton"; ingest.headline)."""
    return title_headline(doc.article.title)


def _in_title(doc: Document, toponyms: list[Toponym]) -> list[Toponym]:
    """Toponyms below country level whose words the headline repeats, else the outlet's part of the title
    (a local outlet's town is usually where its incidents happen)."""
    for title in (headline(doc).lower(), (doc.article.title or "").lower()):
        found = [t for t in toponyms if title and t.place is not None and t.place.feature not in ("country", "admin1")
                 and re.search(rf"\b{re.escape(t.span.text.lower())}\b", title)]
        if found:
            return found
    return []


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside)\s+$", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"^(?:['’]s?)?\s*([A-Za-z-]+)")


def _headline_site(doc: Document, t: Toponym) -> bool:
    """Whether the headline writes the town as where the incident happened: after 'in', 'at', 'near' ('Two shot in
    Elkford') or before a word of violence or of an incident ('Elkford shooting', 'Elkford murder-suicide')."""
    title = headline(doc)
    name = t.span.text.lower()
    words = _incident_words()
    for match in re.finditer(rf"\b{re.escape(name)}\b", title.lower()):
        if _LOCATIVE_BEFORE.search(title[:match.start()]):
            return True
        following = _NEXT_WORDS.match(title[match.end():])
        if following and any(part.lower().rstrip("s") in words or part.lower() in words
                             for part in following.group(1).split("-")):
            return True
    return False


def _with_span(toponym: Toponym) -> Place | None:
    place = toponym.place
    if place is None:
        return None
    if toponym.span in place.spans:
        return place
    return place.model_copy(update={"spans": [*place.spans, toponym.span]})


# Words that count people besides those already told of: 'six others', 'three other people', 'two more'.
# Not when the group names someone else beside them: 'Castillo and others', 'Simpson and the four other teens'.
_OTHERS = re.compile(r"^(?!.*\band\b)(?:[\w-]+[ \t]+){0,4}(?:others?|more)\b|^(?:another|an additional)\b", re.IGNORECASE | re.DOTALL)


_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})


def _pronoun(q: Quantity) -> bool:
    return q.span.text.lower() in _PRONOUNS


def _told_before(figures: list[Quantity]) -> list[Quantity]:
    """The figures less those of a single pronoun ('he', 'her') when others name whom they count."""
    named = [q for q in figures if not _pronoun(q)]
    # Only pronouns ('he was shot', 'he shot himself', read as about whoever was named before): one person's
    # group, not one group per antecedent guessed.
    return named or [q.model_copy(update={"about": None}) for q in figures]


def injured_count(injured: list[Quantity], hit: list[Quantity], fatalities: Count) -> Count:
    """The injured: the figures of the wounded, or everyone shot or stabbed less the dead when that is more
    ('five people were shot' ... 'three of the victims were taken to hospital': five; 'four people were
    shot, one fatally': three). Those hit 'besides' the dead ('one killed, six others shot', 'three other people
    were shot') are the wounded: the dead are not taken out of them."""
    # 'He was struck in the leg' after 'a man was shot': someone told of before, whatever group the pronoun's
    # antecedent was read as.
    injured, hit = _told_before(injured), _told_before(hit)
    injured = [*injured, *(q for q in hit if _OTHERS.search(q.span.text))]
    hit = [q for q in hit if not _OTHERS.search(q.span.text)]
    wounded = summarise(injured)
    # A bare plural ('all three of the injured men' read as 'the injured men') guesses a count the claims stage drops
    # (claims.figures.without_bare): it does not stand against those hit less the dead.
    guessed = all(q.vague and not find_numbers(q.span.text) for q in injured)
    if hit:
        total = summarise(hit)
        dead = fatalities.best or 0
        if total.best is not None and total.best - dead > (0 if guessed else wounded.best or 0):
            wounded = Count(low=max((total.low or total.best) - dead, 0), best=total.best - dead,
                            high=max((total.high or total.best) - dead, 0), reported=[*wounded.reported, *total.reported])
    return _one_by_one(wounded, [*injured, *hit], fatalities)


# A person given an age: 'a 23-year-old man', 'Talitha Bowman, 20', 'a man in his 40s'.
_AGE = re.compile(r"\b(\d{1,3})\s*-?\s*(?:year|yr)s?\s*-?\s*old|,\s*(\d{1,2})\b,?$|\bin (?:his|her) (\d0)s\b",
                  re.IGNORECASE)


def _age(q: Quantity) -> str | None:
    match = _AGE.search(q.span.text)
    return None if match is None else next(g for g in match.groups() if g)


def _one_by_one(wounded: Count, figures: list[Quantity], fatalities: Count) -> Count:
    """The wounded told one by one ('A 23-year-old man was shot in the leg. A 19-year-old woman was shot in the
    arm.'): people of different ages are different people; the ages of the dead are taken out. When more are told so
    than the figures say, their number stands."""
    ages = {_age(q) for q in figures if q.value == 1 and not q.vague and not q.perpetrator} - {None}
    dead = {_age(q) for q in fatalities.reported if q.value == 1}
    alive = ages - dead
    if len(alive) < 2 or len(alive) <= (wounded.best or 0):
        return wounded
    return wounded.model_copy(update={"best": len(alive), "low": len(alive),
                                      "high": max(len(alive), wounded.high or 0)})


def with_headline(body: Count, injured: list[Quantity], hit: list[Quantity], fatalities: Count) -> Count:
    """The injured of the main event with the headline's figures ('One dead, four wounded in ...'): the headline's
    figure stands when it gives one (:func:`headline_first`), the body's fills the gap; both stay reported."""
    title = injured_count(injured, hit, fatalities)
    if not title.reported:
        return body
    # 'Baby wounded' implies a count; 'Several shot', 'Multiple people wounded' give a vague one: a body figure that
    # writes its number stands.
    if body.best is not None and not any(states_a_number(q.span.text) and not q.vague for q in title.reported) and (
            any(not q.vague for q in body.reported) or not any(states_a_number(q.span.text) for q in title.reported)):
        return body.model_copy(update={"reported": [*body.reported, *title.reported]})
    return title.model_copy(update={"reported": [*body.reported, *title.reported]})


def headline_first(figures: list[Quantity]) -> list[Quantity]:
    """The figures an event's best, low and high are read from: the headline's when it states the category (spans
    of the title: ``Span.field == "title"``), else the body's. The headline is the outlet's own summary of the main
    incident's toll; the body's figures mix partial counts, updated tolls, other and recalled incidents, and the
    largest of them is taken, so on real local news the headline's figure is right more often (docs/evaluation.md,
    fifth session: injured .661 body first, .681 headline first on dev; better on both halves)."""
    title = [q for q in figures if q.span.field == TITLE]
    if any(states_a_number(q.span.text) for q in title) or len(title) == len(figures):
        return title or figures
    return figures


def summarise(figures: list[Quantity]) -> Count:
    """low/best/high over every reported figure (all are kept in ``reported``).

    Figures about different groups add up ("5 soldiers and 3 civilians" = 8); figures about the same
    group are one report's partial counts and updated tolls ("two were wounded" ... "a third victim was
    wounded"), so the largest is best; the claims stage applies ACLED's lowest-credible rule where
    parties' claims disagree (claims/figures.py).
    A figure about nobody in particular ("12 people") is a total: the best is at least that.
    The headline's figures, when there are any, are the only ones counted (``headline_first``).
    """
    if not figures:
        return Count()
    victims = [q for q in figures if not q.perpetrator]
    count = _summarise_victims(victims).model_copy(update={"reported": list(figures)})
    return with_perpetrators(count, [q.value for q in figures if q.perpetrator])


def _summarise_victims(figures: list[Quantity]) -> Count:
    if not figures:
        return Count()
    groups: dict[str | None, list[Quantity]] = {}
    pool = headline_first(figures)
    # A bare plural ('children being hurt', 'the victims') says people were counted, not how many: it adds no
    # group of its own while a figure with a number is given (claims.figures.is_bare).
    for q in [q for q in pool if not (q.vague and not find_numbers(q.span.text))] or pool:
        groups.setdefault(q.about, []).append(q)
    named = {k: v for k, v in groups.items() if k is not None}
    lows = {k: min(q.low if q.low is not None else q.value for q in v) for k, v in groups.items()}
    # A figure the text writes beats a bare plural's guess ('the victims' = 3).
    bests = {k: max(q.value for q in ([q for q in v if not q.vague] or v)) for k, v in groups.items()}
    highs = {k: max(q.high if q.high is not None else q.value for q in v) for k, v in groups.items()}

    def total(per_group: dict[str | None, int]) -> int:
        named_sum = sum(v for k, v in per_group.items() if k is not None)
        if None in per_group:
            return max(per_group[None], named_sum) if named else per_group[None]
        return named_sum

    return Count(low=total(lows), best=total(bests), high=total(highs), reported=list(figures))
