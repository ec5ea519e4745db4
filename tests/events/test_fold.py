"""What else a report of a violent incident tells: parts of it, vigils, protests about it (events.assemble)."""

from __future__ import annotations

import datetime as dt

from sitrep.events.assemble import EventAssembler
from sitrep.model import DateMention, Place, Toponym
from sitrep.pipeline.document import Document
from tests.events.test_assemble import event, make_doc, span_of

PUBLISHED = dt.date(2020, 3, 10)
SATURDAY = dt.date(2020, 3, 7)


def town(name: str, lat: float, lon: float, admin1: str = "Ohio") -> Place:
    return Place(name=name, admin1=admin1, country_code="US", lat=lat, lon=lon, geo_precision=1, feature="city")


def parsed(nlp, sentences: list[str], codes: dict[int, str]) -> Document:  # type: ignore[no-untyped-def]
    doc = make_doc(sentences, PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.event_mentions = [event(doc, i, code) for i, code in codes.items()]
    doc.dates = [DateMention(0, span_of(doc, "Saturday"), SATURDAY, 1, "weekday")]
    doc.toponyms = [Toponym(0, span_of(doc, "Dayton"), town("Dayton", 39.76, -84.19), 0.9)]
    return doc


def test_a_vigil_is_no_protest_and_a_fight_before_the_shooting_is_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = parsed(nlp, ["A gunman shot three people outside a club in Dayton on Saturday.",
                       "A fight had broken out among a crowd in the parking lot.",
                       "The club had opened two years ago.",
                       "Police have not named a suspect.",
                       "Hundreds of mourners held a candlelight vigil for the victims."],
                 {0: "ATTACK", 1: "MOB_VIOL", 4: "PEACE_PROTEST"})
    [found] = EventAssembler().match(doc)
    # One man's shooting after a fight, whom the police seek: the shooting's type, read as a crime (violence_kind).
    assert found.sub_event_type == "Criminal violence" and len(found.evidence) == 2


def test_a_protest_about_the_shooting_stays_an_event_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = parsed(nlp, ["A gunman shot three people outside a club in Dayton on Saturday.",
                       "On Monday, residents marched to city hall to demand more police patrols."],
                 {0: "ATTACK", 1: "PEACE_PROTEST"})
    doc.dates.append(DateMention(1, span_of(doc, "Monday"), dt.date(2020, 3, 9), 1, "weekday"))
    events = EventAssembler().match(doc)
    assert [(e.prominence, e.sub_event_type) for e in events] == [("main", "Attack"), ("secondary", "Peaceful protest")]


def test_a_street_named_like_a_far_town_does_not_split_the_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = parsed(nlp, ["A gunman shot three people outside a club in Dayton on Saturday.",
                       "The victims were found on Riverview Boulevard, where the gunman opened fire again."],
                 {0: "ATTACK", 1: "ATTACK"})
    doc.toponyms.append(Toponym(1, span_of(doc, "Riverview"), town("Riverview", 27.87, -82.33, "Florida"), 0.9))
    [found] = EventAssembler().match(doc)
    assert found.location and found.location.name == "Dayton" and len(found.evidence) == 2


def test_a_blast_typed_as_an_accident_takes_the_bomb_its_part_names(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = parsed(nlp, ["An explosion tore through a market in Dayton on Saturday, killing three people.",
                       "Investigators said the blast came from a bomb hidden in a parked car."],
                 {0: "MAN_MADE_DISASTER", 1: "REM_EXPLOS"})
    events = EventAssembler().match(doc)
    assert events[0].prominence == "main" and events[0].sub_event_type == "Remote explosive/landmine/IED"
