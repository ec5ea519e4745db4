"""Dates of no incident (events.fields.other_day): a birth, the start of a count, a day to come."""

from __future__ import annotations

import datetime as dt

from sitrep.events.fields import other_day
from sitrep.model import DateMention
from tests.events.test_assemble import make_doc, span_of
from tests.events.test_main_date import main_event


def tells_no_incident(nlp, text: str, words: str, day: dt.date, kind: str = "explicit") -> bool:  # type: ignore[no-untyped-def]
    doc = make_doc([text])
    doc.parsed = nlp(doc.text)
    return other_day(doc, DateMention(0, span_of(doc, words), day, 1, kind))


def test_a_birth_dates_no_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    assert tells_no_incident(nlp, "Corwin Adley was born on May 2, 2004, in Fairhaven.", "May 2, 2004",
                             dt.date(2004, 5, 2))
    assert not tells_no_incident(nlp, "Corwin Adley was shot on May 2, 2019, in Fairhaven.", "May 2, 2019",
                                 dt.date(2019, 5, 2))


def test_the_start_of_a_count_dates_no_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    assert tells_no_incident(nlp, "Nine people have been shot across Brookfield since Friday night.", "Friday night",
                             dt.date(2020, 3, 6), "weekday")
    # a state that began then ('on scene since'), or an incident the date qualifies ('since the June 3 shooting')
    assert not tells_no_incident(nlp, "Deputies have been at the farm since Monday night.", "Monday night",
                                 dt.date(2020, 3, 9), "weekday")
    assert not tells_no_incident(nlp, "Police have sought the driver since the Feb. 3 shooting in Alder Park.",
                                 "Feb. 3", dt.date(2020, 2, 3))


def test_a_day_to_come_dates_no_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    assert tells_no_incident(nlp, "Mr. Pell will appear at a hearing on the charges Feb. 20.", "Feb. 20",
                             dt.date(2020, 2, 20))
    assert tells_no_incident(nlp, "The couple is expected to be arraigned Thursday morning.", "Thursday morning",
                             dt.date(2020, 3, 5), "weekday")
    # written with its year it is a day that was, whatever the sentence says of it
    assert not tells_no_incident(nlp, "The trial was scheduled after the shooting of Feb. 20, 2020.", "Feb. 20, 2020",
                                 dt.date(2020, 2, 20))


def test_a_round_up_takes_the_day_of_an_incident_not_the_start_of_its_count(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["Nine people were shot across Brookfield since Friday night, police said.",
                             "A woman was wounded in a drive-by shooting Sunday on Lark Street."],
                       [(0, "Friday night", dt.date(2020, 3, 6)), (1, "Sunday", dt.date(2020, 3, 8))])
    assert found.date == dt.date(2020, 3, 8)


def test_a_search_under_way_is_a_day_of_the_aftermath(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.events.fields import dates_speech

    doc = make_doc(["A search was under way Thursday for the men who robbed a clerk in Dunmore."])
    doc.parsed = nlp(doc.text)
    assert dates_speech(doc, DateMention(0, span_of(doc, "Thursday"), dt.date(2020, 3, 5), 1, "weekday"))
    doc = make_doc(["A clerk was shot Thursday during a robbery in Dunmore."])
    doc.parsed = nlp(doc.text)
    assert not dates_speech(doc, DateMention(0, span_of(doc, "Thursday"), dt.date(2020, 3, 5), 1, "weekday"))


def test_the_clause_the_shooting_happened_during_dates_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.events.fields import dates_violence

    doc = make_doc(["A boy was shot while walking across a street in Fenwick Saturday night."])
    doc.parsed = nlp(doc.text)
    assert dates_violence(doc, DateMention(0, span_of(doc, "Saturday night"), dt.date(2020, 3, 7), 1, "weekday"))


def test_a_shooting_reported_at_a_time_is_dated_by_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.events.fields import dates_violence

    doc = make_doc(["Two men were charged in the shooting that was reported at Tuesday night on Elm Lane."])
    doc.parsed = nlp(doc.text)
    assert dates_violence(doc, DateMention(0, span_of(doc, "Tuesday night"), dt.date(2020, 3, 3), 1, "weekday"))
