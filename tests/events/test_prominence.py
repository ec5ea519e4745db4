"""One incident, one event across an article; main / secondary / background; Non-ACLED violence."""

from __future__ import annotations

import datetime as dt

from sitrep.dates.resolve import DateResolver
from sitrep.events.assemble import EventAssembler
from sitrep.model import Article, DateMention, Place, Quantity, QuantityMention, Toponym
from sitrep.pipeline.document import Document
from tests.events.test_assemble import event, make_doc, span_of

PUBLISHED = dt.date(2020, 3, 10)


def place(name: str, lat: float, lon: float) -> Place:
    return Place(name=name, admin1="Ohio", country_code="US", lat=lat, lon=lon, geo_precision=1, feature="city")


def story() -> Document:
    doc = make_doc(["Gunmen attacked a bar in Dayton on Sunday.",
                    "The mayor spoke about safety at length.",
                    "Residents gathered at the scene.",
                    "The shooting left two people dead, police said.",
                    "In 2017, a bombing at the same bar killed four."], PUBLISHED)
    doc.article = Article.from_text(doc.text, published=PUBLISHED, title="Two dead in Dayton bar shooting")
    doc.event_mentions = [event(doc, 0, "ATTACK"), event(doc, 3, "ORG_CRIME", 0.9), event(doc, 4, "REM_EXPLOS")]
    doc.dates = [DateMention(0, span_of(doc, "Sunday"), dt.date(2020, 3, 8), 1, "weekday"),
                 DateMention(4, span_of(doc, "2017"), dt.date(2017, 1, 1), 4, "year")]
    doc.toponyms = [Toponym(0, span_of(doc, "Dayton"), place("Dayton", 39.76, -84.19), 0.9)]
    two = Quantity(kind="killed", value=2, span=span_of(doc, "two people"))
    four = Quantity(kind="killed", value=4, span=span_of(doc, "four"))
    doc.quantities = [QuantityMention(3, two), QuantityMention(4, four)]
    return doc


def test_mentions_far_apart_make_one_event_and_background_keeps_its_year() -> None:
    events = EventAssembler().match(story())
    assert [e.prominence for e in events] == ["main", "background"]
    main, old = events
    assert main.sub_event_type == "Attack" and main.fatalities.best == 2
    assert main.date == dt.date(2020, 3, 8) and len(main.evidence) == 2
    assert old.date == dt.date(2017, 1, 1) and old.date_precision == 4 and old.fatalities.best == 4


def test_a_violent_crime_sentence_becomes_a_non_acled_event() -> None:
    doc = make_doc(["A man was shot dead outside a store on Monday."], PUBLISHED)
    doc.event_mentions = [event(doc, 0, "ORG_CRIME")]
    doc.quantities = [QuantityMention(0, Quantity(kind="killed", value=1, span=span_of(doc, "A man")))]
    [found] = EventAssembler().match(doc)
    assert found.event_type == "Non-ACLED" and found.sub_event_type == "Criminal violence"
    assert found.prominence == "main" and found.fatalities.best == 1


def test_diplomacy_and_crime_without_violence_give_no_event() -> None:
    doc = make_doc(["The ministers met in Geneva.", "Smugglers moved goods across the border."], PUBLISHED)
    doc.event_mentions = [event(doc, 0, "DIPLO"), event(doc, 1, "ORG_CRIME")]
    assert EventAssembler().match(doc) == []


def test_another_place_is_another_incident_and_violence_is_main() -> None:
    doc = make_doc(["Police arrested a man in Dayton on Tuesday.",
                    "A gunman shot three people in Dayton on Saturday.",
                    "Elsewhere, a man was stabbed in Toledo on Saturday."], PUBLISHED)
    doc.event_mentions = [event(doc, 0, "ARREST"), event(doc, 1, "ATTACK"), event(doc, 2, "ATTACK")]
    doc.dates = [DateMention(0, span_of(doc, "Tuesday"), dt.date(2020, 3, 10), 1, "weekday"),
                 DateMention(1, span_of(doc, "Saturday"), dt.date(2020, 3, 7), 1, "weekday"),
                 DateMention(2, span_of(doc, "Saturday", 60), dt.date(2020, 3, 7), 1, "weekday")]
    doc.toponyms = [Toponym(0, span_of(doc, "Dayton"), place("Dayton", 39.76, -84.19), 0.9),
                    Toponym(1, span_of(doc, "Dayton", 30), place("Dayton", 39.76, -84.19), 0.9),
                    Toponym(2, span_of(doc, "Toledo"), place("Toledo", 41.66, -83.56), 0.9)]
    events = EventAssembler().match(doc)
    assert [(e.prominence, e.sub_event_type) for e in events] == [
        ("main", "Attack"), ("secondary", "Arrests"), ("secondary", "Attack")]
    assert events[2].location and events[2].location.name == "Toledo"


def test_everyone_shot_less_the_dead_are_injured_and_a_later_death_is_counted() -> None:
    doc = make_doc(["Four people were shot at a party on Saturday.", "One of them died in hospital."], PUBLISHED)
    doc.event_mentions = [event(doc, 0, "ATTACK")]
    doc.quantities = [QuantityMention(0, Quantity(kind="injured", value=4, span=span_of(doc, "Four people")), True),
                      QuantityMention(1, Quantity(kind="killed", value=1, span=span_of(doc, "One")))]
    [found] = EventAssembler().match(doc)
    assert found.fatalities.best == 1 and found.injured.best == 3 and len(found.evidence) == 2


def test_a_suspect_arrested_at_the_scene_is_part_of_the_incident() -> None:
    doc = make_doc(["A gunman shot three people in Dayton on Saturday.",
                    "Officers arrested a suspect nearby."], PUBLISHED)
    doc.event_mentions = [event(doc, 0, "ATTACK"), event(doc, 1, "ARREST")]
    doc.dates = [DateMention(0, span_of(doc, "Saturday"), dt.date(2020, 3, 7), 1, "weekday")]
    [found] = EventAssembler().match(doc)
    # The shooting's type, read from all its sentences: a suspect arrested tells a crime (events.violence_kind).
    assert found.sub_event_type == "Criminal violence" and len(found.evidence) == 2


def undated_story(recall: str) -> Document:
    """An article with neither publication date nor dateline: its dates come from the dates stage itself."""
    doc = make_doc(["Gunmen attacked a bar in Dayton this week.",
                    "The mayor spoke about safety at length.",
                    "Residents gathered at the scene.",
                    "The shooting left two people dead, police said.",
                    f"{recall}, a bombing at the same bar killed four."], None)
    doc.event_mentions = [event(doc, 0, "ATTACK"), event(doc, 3, "ORG_CRIME", 0.9), event(doc, 4, "REM_EXPLOS")]
    doc.dates = DateResolver().match(doc)
    doc.quantities = [QuantityMention(3, Quantity(kind="killed", value=2, span=span_of(doc, "two people"))),
                      QuantityMention(4, Quantity(kind="killed", value=4, span=span_of(doc, "four")))]
    return doc


def test_an_undated_article_tells_a_recalled_month_apart_without_dating_either_incident() -> None:
    main, old = EventAssembler().match(undated_story("In April"))
    assert (main.prominence, main.fatalities.best, old.prominence, old.fatalities.best) == ("main", 2, "background", 4)
    assert main.date is None and old.date is None  # 'this week' and 'In April' of an unknown year: no calendar day


def test_an_undated_article_keeps_a_written_year_for_the_recalled_incident() -> None:
    main, old = EventAssembler().match(undated_story("In 2017"))
    assert (main.prominence, old.prominence) == ("main", "background")
    assert main.date is None and old.date == dt.date(2017, 1, 1) and old.date_precision == 4
