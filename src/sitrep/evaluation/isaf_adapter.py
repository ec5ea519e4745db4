"""Map sitrep's output for one ISAF press release onto ISAF's annotation fields.

The ISAF scorer (:mod:`sitrep.evaluation.isaf`) calls :func:`isaf_fields`. Conventions of the data set
(Strick van Linschoten's ISAF press releases, 2009-2013) are kept in data files under
src/sitrep/data/isaf/ and in the helpers :mod:`~sitrep.evaluation.isaf_counts` (min_killed,
min_captured) and :mod:`~sitrep.evaluation.isaf_labels` (province, target group, keywords).

* start_date: the first date in the body of the release ('yesterday', 'Saturday', 'Oct. 25'), not the
  dateline; with none, the publication date (releases then report the day's operations).
* event_type: one label, from the figures: civilians killed -> civiliancasualty; an air strike ->
  airstrike; people killed and captured -> captureandkill; killed only -> insurgentskilled; otherwise
  detention (the releases' main business: an operation that detained suspects).
* province: the first Afghan province named in the body, else in the heading, else the admin1 of the
  geo stage's first resolved place in Afghanistan.
* target_group: insurgent groups named; a specific network replaces the Taliban umbrella.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.dates.resolve import dateline_anchor
from sitrep.evaluation.isaf_counts import CAPTURED, KILLED, minimum_count
from sitrep.evaluation.isaf_labels import (
    mentions_airstrike,
    names_civilians,
    province_label,
    provinces_in,
    target_groups,
)
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


def body_start(doc: Document) -> int:
    """Where the story begins: just after the dateline date, else 0."""
    datelines = [d.span.end for d in doc.dates if d.kind == "dateline"]
    return max(datelines) if datelines else 0


def start_date(doc: Document) -> str | None:
    start = body_start(doc)
    body_dates = [d for d in doc.dates if d.kind != "dateline" and d.span.start >= start]
    if body_dates:
        return body_dates[0].value.isoformat()
    published = doc.article.published or dateline_anchor(doc.text)
    return published.isoformat() if published else None


def event_type(doc: Document, killed: int, captured: int) -> list[str]:
    civilians_killed = any(m.quantity.kind == "killed" and names_civilians(m.quantity.span.text)
                           for m in doc.quantities)
    if civilians_killed:
        return ["civiliancasualty"]
    if mentions_airstrike(doc.text):
        return ["airstrike"]
    if killed and captured:
        return ["captureandkill"]
    if killed:
        return ["insurgentskilled"]
    return ["detention"]


def province(doc: Document) -> list[str]:
    start = body_start(doc)
    found = provinces_in(doc.text[start:]) or provinces_in(doc.text[:start])
    if found:
        return [found[0]]
    for toponym in doc.toponyms:
        place = toponym.place
        if place is not None and place.admin1 and place.country_code in (None, "AF"):
            label = province_label(place.admin1)
            if label:
                return [label]
    return []


def isaf_fields(doc: Document) -> IsafFields:
    """ISAF fields predicted from a processed document."""
    start = body_start(doc)
    killed = minimum_count(doc, KILLED, start)
    captured = minimum_count(doc, CAPTURED, start)
    return IsafFields(
        start_date=start_date(doc),
        event_type=event_type(doc, killed, captured),
        province=province(doc),
        target_group=target_groups(doc.text),
        min_killed=killed,
        min_captured=captured,
    )
