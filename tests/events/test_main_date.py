"""The main event's date: the day of the violence, also when the lede leaves it to a later paragraph."""

from __future__ import annotations

import datetime as dt

from sitrep.events.assemble import EventAssembler
from sitrep.model import DateMention
from tests.events.test_assemble import event, make_doc, span_of

PUBLISHED = dt.date(2020, 3, 10)  # a Tuesday


def test_the_day_of_the_shooting_beats_the_day_of_the_vigil(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(["Neighbours held a vigil Sunday for two brothers who were shot and killed Saturday."], PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.event_mentions = [event(doc, 0, "ATTACK")]
    doc.dates = [DateMention(0, span_of(doc, "Sunday"), dt.date(2020, 3, 8), 1, "weekday"),
                 DateMention(0, span_of(doc, "Saturday"), dt.date(2020, 3, 7), 1, "weekday")]
    [found] = EventAssembler().match(doc)
    assert found.date == dt.date(2020, 3, 7)


def test_a_later_paragraph_dates_an_undated_lede(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(["A man was shot dead outside a corner shop, police said.",
                    "Officers said Monday they had no suspect.",
                    "The shooting happened late Sunday."], PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.event_mentions = [event(doc, 0, "ATTACK")]
    doc.dates = [DateMention(1, span_of(doc, "Monday"), dt.date(2020, 3, 9), 1, "weekday"),
                 DateMention(2, span_of(doc, "Sunday"), dt.date(2020, 3, 8), 1, "weekday")]
    [found] = EventAssembler().match(doc)
    assert found.date == dt.date(2020, 3, 8) and found.date_precision == 1
