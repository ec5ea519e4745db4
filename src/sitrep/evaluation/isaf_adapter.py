"""Map sitrep's output for one ISAF press release onto ISAF's annotation fields.

The ISAF scorer (:mod:`sitrep.evaluation.isaf`) calls :func:`isaf_fields`. Conventions of the data set
(Strick van Linschoten's ISAF press releases, 2009-2013) are kept in data files under
src/sitrep/data/isaf/ and in the helpers :mod:`~sitrep.evaluation.isaf_counts` (min_killed,
min_captured) and :mod:`~sitrep.evaluation.isaf_labels` (province, target group, keywords).

* start_date: the first day-precision date in the body of the release ('yesterday', 'Saturday',
  'Oct. 25'), not the dateline, nor a date naming an earlier event ('the July 2 attack', 'since Oct. 1');
  with none, the publication date (releases then report the day's operations). A follow-up release
  pasted below ('ISAF confirmed today that ... was detained ... Saturday') gives the checked day of the
  operation, which then wins, if it is not after the first release.
* event_type: one label, from the figures: civilians killed -> civiliancasualty; people killed and
  captured -> captureandkill (even when an air strike did the killing); an air strike -> airstrike; killed
  only -> insurgentskilled; otherwise detention (the releases' main business: an operation that detained
  suspects).
* province: the first Afghan province named in the sentence with the first figure, else in the body,
  else in the heading, else the admin1 of the geo stage's first resolved place in Afghanistan.
* min_killed / min_captured: see isaf_counts; only the first release when several are pasted together.
* target_group: insurgent groups named; a specific network replaces the Taliban umbrella.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from sitrep.dates.resolve import dateline_anchor
from sitrep.evaluation.isaf_counts import CAPTURED, KILLED, event_figures, minimum_count
from sitrep.evaluation.isaf_labels import (
    mentions_airstrike,
    names_civilians,
    province_label,
    provinces_in,
    target_groups,
)
from sitrep.model import DateMention
from sitrep.pipeline.document import Document

ISAF_EVENT_TYPES = ("detention", "insurgentskilled", "captureandkill", "airstrike", "exchangeoffire",
                    "civiliancasualty")


@dataclass
class IsafFields:
    start_date: str | None = None  # YYYY-MM-DD
    event_type: list[str] = field(default_factory=list)
    province: list[str] = field(default_factory=list)  # lower-case province names as in ISAF gold
    target_group: list[str] = field(default_factory=list)
    min_killed: int = 0
    min_captured: int = 0


# Press-release boilerplate that closes the heading block (title, issuer, release number).
_RELEASE_MARK = re.compile(r"for\s+immediate\s+release|news\s+release", re.IGNORECASE)
HEADING_CHARS = 600
_SENTENCE_END = re.compile(r"\b[a-z]+[.!?]\s+[A-Z]")  # a lower-case word ends a sentence: not "Dec." or "Sgt."
_SEPARATOR = re.compile(r"^\s*-{3,}\s*$", re.MULTILINE)  # '----' between releases pasted together


def body_start(doc: Document) -> int:
    """Where the story begins: after the dateline date or the 'For Immediate Release' line, else 0."""
    marks = sorted([(d.span.start, d.span.end) for d in doc.dates if d.kind == "dateline"]
                   + [(m.start(), m.end()) for m in _RELEASE_MARK.finditer(doc.text[:HEADING_CHARS])])
    start = 0
    for mark_start, mark_end in marks:
        # The heading is one block: a dateline after a sentence of story belongs to a later release.
        if mark_start >= HEADING_CHARS or _SENTENCE_END.search(doc.text[start:mark_start]):
            break
        start = mark_end
    return start


# A date that names an earlier event ('the July 2 attack'), opens a period ('since Oct. 1') or dates the
# announcement ('confirmed today the arrest ... Sunday') is not when the release's operation happened.
_NOT_EVENT_DATE = re.compile(r"\b(?:the|since|until|before|after|from|confirmed|announced|reported|said)\s+$",
                             re.IGNORECASE)


def body_end(doc: Document, start: int) -> int:
    """Where the story ends: before a second release pasted below it (its own dateline or heading)."""
    later = [d.span.start for d in doc.dates if d.kind == "dateline" and d.span.start > start + 200]
    later += [m.start() + start for m in _SEPARATOR.finditer(doc.text[start:])]
    return min(later) if later else len(doc.text)


# ... and so is a date directly followed by the announcing verb ('forces today confirmed the death of').
_ANNOUNCEMENT_AFTER = re.compile(r",?\s*(?:confirmed|announced|reported|said)\b", re.IGNORECASE)
_CONFIRMS = re.compile(r"\bconfirm", re.IGNORECASE)


def _event_dates(doc: Document, start: int, end: int) -> list[DateMention]:
    return [d for d in doc.dates if d.kind != "dateline" and start <= d.span.start < end
            and not _NOT_EVENT_DATE.search(doc.text[max(0, d.span.start - 12):d.span.start])
            and not _ANNOUNCEMENT_AFTER.match(doc.text, d.span.end)]


def confirmed_date(doc: Document, end: int) -> DateMention | None:
    """The day a follow-up release pasted below the first gives for the operation it confirms.

    ISAF issued updates ('ISAF confirmed today that a Taliban leader was detained during an operation
    ... Saturday'); the update's date is the checked one, and supersedes the first report's 'today'.
    """
    # From the follow-up's own dateline on: its title ('Evening Operational Update Feb. 19, 2011') is no
    # operation date.
    datelines = [d.span.end for d in doc.dates if d.kind == "dateline" and d.span.start >= end]
    for d in _event_dates(doc, datelines[0] if datelines else end, len(doc.text)):
        sentence = doc.sentences[d.sent]
        if d.precision == 1 and _CONFIRMS.search(doc.text[sentence.start:sentence.end]):
            return d
    return None


def start_date(doc: Document) -> str | None:
    start = body_start(doc)
    end = body_end(doc, start)
    published = doc.article.published or dateline_anchor(doc.text)
    confirmed = confirmed_date(doc, end) if end < len(doc.text) else None
    # Only a day the first release could have reported: a later day is another operation.
    if confirmed is not None and (published is None or confirmed.value <= published):
        return confirmed.value.isoformat()
    body_dates = _event_dates(doc, start, end)
    # A day beats a month: 'linked to a murder in March ... yesterday' happened yesterday; and a month
    # other than the release's own ('released in April 2009') is background, not the operation.
    days = [d for d in body_dates if d.precision == 1]
    months = [d for d in body_dates if published is None or (d.value.year, d.value.month) == (published.year,
                                                                                            published.month)]
    if days or months:
        return (days or months)[0].value.isoformat()
    return published.isoformat() if published else None


def event_type(doc: Document, body: range, event_date: dt.date | None, killed: int, captured: int) -> list[str]:
    # The words of the figure, not the actor stage's reading: 'a local national' killed in a raid is
    # annotated as part of the raid, 'two civilians were killed' as a civilian-casualty release.
    civilians_killed = any(names_civilians(m.quantity.span.text) for m in event_figures(doc, KILLED, body, event_date))
    if civilians_killed:
        return ["civiliancasualty"]
    if killed and captured:
        return ["captureandkill"]  # also when an air strike did the killing: the raid is what is coded
    if mentions_airstrike(doc.text[body.start:body.stop]):
        return ["airstrike"]
    if killed:
        return ["insurgentskilled"]
    return ["detention"]


def lead_sentence(doc: Document, start: int) -> int:
    """The sentence that reports the release's operation: the first with a figure, else -1."""
    figures = sorted(m.quantity.span.start for m in doc.quantities if m.quantity.span.start >= start)
    return doc.sentence_index(figures[0]) if figures else -1


def province(doc: Document) -> list[str]:
    start = body_start(doc)
    lead = lead_sentence(doc, start)
    if lead >= 0:
        # Headings list every province of a round-up ('Operations in Laghman, Kandahar and Ghazni'): the
        # sentence that reports the figures names the one the release is about.
        sentence = doc.sentences[lead]
        in_lead = provinces_in(doc.text[max(start, sentence.start):sentence.end])
        if in_lead:
            return [in_lead[0]]
    found = provinces_in(doc.text[start:]) or provinces_in(doc.text[:start])
    if found:
        return [found[0]]
    # Else the province of the first place the geo stage resolved in Afghanistan, below the heading
    # (whose dateline names Kabul, where ISAF issues its releases).
    for toponym in doc.toponyms:
        place = toponym.place
        if toponym.span.start >= start and place is not None and place.admin1 and place.country_code == "AF":
            label = province_label(place.admin1)
            if label:
                return [label]
    return []


def isaf_fields(doc: Document) -> IsafFields:
    """ISAF fields predicted from a processed document."""
    # Only the dates the release gives: an undated one's provisional dates (dates.resolve) would invent its day.
    doc = dataclasses.replace(doc, dates=[d for d in doc.dates if not d.provisional])
    start = body_start(doc)
    event_date = start_date(doc)
    day = dt.date.fromisoformat(event_date) if event_date else None
    body = range(start, body_end(doc, start))
    killed = minimum_count(doc, KILLED, body, day)
    captured = minimum_count(doc, CAPTURED, body, day)
    return IsafFields(
        start_date=event_date,
        event_type=event_type(doc, body, day, killed, captured),
        province=province(doc),
        target_group=target_groups(doc.text[:body.stop]),
        min_killed=killed,
        min_captured=captured,
    )
