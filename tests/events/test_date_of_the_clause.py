"""Which word a date dates: the clause before a closing verb of speech, the clock it was written with, the shooting
it qualifies, the aftermath, a holiday naming a gathering (eighth session; invented texts)."""

from __future__ import annotations

import datetime as dt

from sitrep.events import fields
from sitrep.model import DateMention
from tests.events.test_assemble import make_doc, span_of


def dated(nlp, text: str, word: str, kind: str = "weekday", day: dt.date = dt.date(2020, 3, 8)):  # type: ignore[no-untyped-def]
    doc = make_doc([text])
    doc.parsed = nlp(doc.text)
    mention = DateMention(0, span_of(doc, word), day, 1, kind)
    doc.dates = [mention]
    return doc, mention


def test_a_date_before_the_closing_verb_of_speech_dates_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, d = dated(nlp, "Shots rang out at about 1:15 a.m. Tuesday, a sheriff's sergeant said in a statement.",
                   "Tuesday")
    assert not fields.dates_speech(doc, d)
    doc, d = dated(nlp, "The gunman opened fire on the crowd Tuesday, police said.", "Tuesday")
    assert not fields.dates_speech(doc, d) and fields.dates_violence(doc, d)


def test_a_date_after_the_verb_of_speech_still_dates_the_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, d = dated(nlp, "Police said Tuesday that the man had been shot in the leg.", "Tuesday")
    assert fields.dates_speech(doc, d)


def test_a_day_of_the_aftermath_is_told_like_a_day_of_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, d = dated(nlp, "Police were searching late Tuesday for two suspects.", "Tuesday")
    assert fields.dates_speech(doc, d)


def test_a_clock_says_nothing_of_what_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, d = dated(nlp, "The boy was pronounced dead at 5:24 p.m. Saturday.", "Saturday")
    assert not fields._day_of_the_act(doc, d)


def test_a_holiday_naming_a_party_dates_no_violence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, d = dated(nlp, "A man was wounded at a New Year's Eve party in the town.", "New Year's Eve", "holiday",
                   dt.date(2019, 12, 31))
    assert not fields.dates_violence(doc, d)


def test_the_day_responders_arrive_is_the_incidents(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, d = dated(nlp, "When officers arrived at the farmhouse on Orchard Lane late Saturday, a woman was lying in "
                   "the yard.", "Saturday")
    assert fields.dates_violence(doc, d)
    doc, d = dated(nlp, "Two days later the suspect arrived at the county jail in Millbrook on Saturday.", "Saturday")
    assert not fields.dates_violence(doc, d)
