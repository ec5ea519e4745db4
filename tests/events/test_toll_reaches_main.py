"""The main incident's toll reaches it (issue #9, tenth session): a word of an event inside a name ('Air Combat
Command') makes no event, and a place that says where a victim lives ('a Lakeport man') tells no other incident
(events.assemble, events.merge). Invented texts."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sitrep.events.assemble import EventAssembler, named_only
from sitrep.events.merge import names_a_residence
from sitrep.model import DateMention, Quantity, QuantityMention, Toponym
from tests.events.test_assemble import event, make_doc, span_of
from tests.events.test_one_incident import town

PUBLISHED = dt.date(2020, 3, 10)


def test_a_word_of_an_event_inside_a_name_makes_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(["She served with the Air Combat Command at Hill Field from 2009 to 2014.",
                    "A gunman shot two men outside the Combat Zone bar on Friday."], PUBLISHED)
    doc.parsed = nlp(doc.text)
    named = dataclasses.replace(event(doc, 0, "ARMED_CLASH"), trigger=span_of(doc, "Combat"))
    told = dataclasses.replace(event(doc, 1, "ATTACK"), trigger=span_of(doc, "Combat", doc.sentences[1].start))
    assert named_only(doc, named)
    assert not named_only(doc, told)  # the sentence tells violence: the event stands whatever its trigger


def test_a_toll_told_beside_a_victims_home_town_reaches_the_main_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(["A nurse was wounded in a shooting at the Millford bus station on Friday.",
                    "She now works at a clinic in the north of the state.",
                    "She was assigned to the Air Combat Command at Hill Field from 2009 to 2014.",
                    "Police say the gunman opened fire on travellers, killing three and wounding four others.",
                    "One of the three people killed was a Lakeport man, Tom Reed."], PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.event_mentions = [event(doc, 0, "ATTACK"),
                          dataclasses.replace(event(doc, 2, "ARMED_CLASH"), trigger=span_of(doc, "Combat")),
                          event(doc, 3, "ATTACK"), event(doc, 4, "ATTACK")]
    doc.dates = [DateMention(0, span_of(doc, "Friday"), dt.date(2020, 3, 6), 1, "weekday"),
                 DateMention(2, span_of(doc, "2009"), dt.date(2009, 1, 1), 4, "year")]
    doc.toponyms = [Toponym(0, span_of(doc, "Millford"), town("Millford", 40.1, -83.2), 0.9),
                    Toponym(4, span_of(doc, "Lakeport"), town("Lakeport", 41.5, -81.7), 0.9)]
    doc.quantities = [QuantityMention(0, Quantity(kind="injured", value=1, span=span_of(doc, "A nurse")), False),
                      QuantityMention(3, Quantity(kind="killed", value=3, span=span_of(doc, "three")), False),
                      QuantityMention(3, Quantity(kind="injured", value=4, span=span_of(doc, "four others")), False)]
    assert names_a_residence(doc, *_bounds(doc, "Lakeport"))
    assert not names_a_residence(doc, *_bounds(doc, "Millford"))
    main = EventAssembler().match(doc)[0]
    assert main.prominence == "main" and main.fatalities.best == 3 and main.injured.best == 4


def _bounds(doc, words: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    span = span_of(doc, words)
    return span.start, span.end


def test_the_same_home_town_still_ties_two_tellings(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.events.merge import places_apart

    doc = make_doc(["A gunman shot a girl in an alley in Lakeport on Friday.",
                    "Another Lakeport resident was also shot and is treated at St. Anne's in Dover."], PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.toponyms = [Toponym(0, span_of(doc, "Lakeport"), town("Lakeport", 41.5, -81.7), 0.9),
                    Toponym(1, span_of(doc, "Lakeport", doc.sentences[1].start), town("Lakeport", 41.5, -81.7), 0.9),
                    Toponym(1, span_of(doc, "Dover"), town("Dover", 39.1, -75.5), 0.9)]
    assert not places_apart(doc, [0], [1])
    doc.toponyms = doc.toponyms[:1] + doc.toponyms[2:]  # no home named: Dover against Lakeport
    assert places_apart(doc, [0], [1])
