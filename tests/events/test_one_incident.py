"""Nothing invented beside the main incident: its retellings fold into it, counts over a period, weapons found
and listings give no events of their own (events.assemble, events.merge). Invented texts."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from sitrep.events.assemble import EventAssembler, listing_trimmed
from sitrep.events.merge import _same_place
from sitrep.model import DateMention, Place, Toponym
from sitrep.pipeline.document import Document
from tests.events.test_assemble import event, make_doc, span_of

PUBLISHED = dt.date(2020, 3, 10)


def town(name: str, lat: float, lon: float, admin2: str | None = None, feature: str = "city") -> Place:
    return Place(name=name, admin1="Ohio", admin2=admin2, country_code="US", lat=lat, lon=lon, geo_precision=1,
                 feature=feature)


def parsed(nlp, sentences: list[str], codes: dict[int, str]) -> Document:  # type: ignore[no-untyped-def]
    doc = make_doc(sentences, PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.event_mentions = [event(doc, i, code) for i, code in codes.items()]
    doc.toponyms = [Toponym(0, span_of(doc, "Lakeport"), town("Lakeport", 40.1, -83.2), 0.9)]
    return doc


def after_a_shooting(nlp, line: str, code: str, said: str, day: dt.date,  # type: ignore[no-untyped-def]
                     precision: int = 1, kind: str = "explicit") -> Document:
    """A shooting in Lakeport on Saturday, a call for witnesses, then ``line`` typed ``code``, dated ``day`` by its
    words ``said``."""
    doc = parsed(nlp, ["A gunman shot a woman outside a store in Lakeport on Saturday.",
                       "Police are asking witnesses to come forward.", line], {0: "ATTACK", 2: code})
    doc.dates = [DateMention(0, span_of(doc, "Saturday"), dt.date(2020, 3, 7), 1, "weekday"),
                 DateMention(2, span_of(doc, said), day, precision, kind)]
    return doc


def test_the_main_incident_told_again_with_its_old_date_is_no_recalled_event(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = parsed(nlp, ["A Lakeport man was sentenced to life in prison on Monday for killing a boy.",
                       "On April 12, 2019, Tom Reed shot the boy outside a home on Birch Lane."],
                 {0: "ATTACK", 1: "ATTACK"})
    doc.dates = [DateMention(0, span_of(doc, "Monday"), dt.date(2020, 3, 9), 1, "weekday"),
                 DateMention(1, span_of(doc, "April 12, 2019"), dt.date(2019, 4, 12), 1, "explicit")]
    [found] = EventAssembler().match(doc)
    assert found.prominence == "main" and found.date == dt.date(2019, 4, 12) and len(found.evidence) == 2


def test_an_earlier_incident_of_another_day_stays_recalled(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = parsed(nlp, ["A Lakeport man was sentenced to life in prison on Monday for killing a boy.",
                       "On April 12, 2019, Tom Reed shot the boy outside a home on Birch Lane.",
                       "In June 2017, a gunman shot two women at a bar in Lakeport."],
                 {0: "ATTACK", 1: "ATTACK", 2: "ATTACK"})
    doc.dates = [DateMention(0, span_of(doc, "Monday"), dt.date(2020, 3, 9), 1, "weekday"),
                 DateMention(1, span_of(doc, "April 12, 2019"), dt.date(2019, 4, 12), 1, "explicit"),
                 DateMention(2, span_of(doc, "June 2017"), dt.date(2017, 6, 1), 3, "explicit")]
    events = EventAssembler().match(doc)
    assert [e.prominence for e in events] == ["main", "background"]


def test_after_the_shooting_tells_more_of_the_same_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = parsed(nlp, ["A gunman shot a woman outside a store in Lakeport on Saturday.",
                       "After the shooting, the gunman drove to Elm Street and shot two more people."],
                 {0: "ATTACK", 1: "ATTACK"})
    doc.dates = [DateMention(0, span_of(doc, "Saturday"), dt.date(2020, 3, 7), 1, "weekday")]
    [found] = EventAssembler().match(doc)
    assert len(found.evidence) == 2


def test_a_count_over_months_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = after_a_shooting(nlp, "Since January, at least 40 people have been shot in the city, police said.", "ATTACK",
                           "January", dt.date(2020, 1, 1), precision=3)
    [found] = EventAssembler().match(doc)
    assert found.prominence == "main" and len(found.evidence) == 1


def test_a_weapon_found_days_later_is_part_of_the_inquiry(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = after_a_shooting(nlp, "On Tuesday, officers found a rifle and ammunition in a car parked in Dorrance.",
                           "DISR_WEAP", "Tuesday", dt.date(2020, 3, 3), kind="weekday")
    doc.toponyms.append(Toponym(2, span_of(doc, "Dorrance"), town("Dorrance", 41.5, -81.0), 0.9))
    [found] = EventAssembler().match(doc)
    assert found.sub_event_type == "Attack"


def test_a_protest_told_by_no_word_of_one_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = after_a_shooting(nlp, "The suspect is scheduled to appear in court on March 23.", "PEACE_PROTEST",
                           "March 23", dt.date(2020, 3, 23))
    [found] = EventAssembler().match(doc)
    assert found.sub_event_type == "Attack"


def test_a_page_listing_many_cases_over_months_keeps_its_main_event() -> None:
    def dated(day: dt.date) -> SimpleNamespace:
        return SimpleNamespace(date=day)

    listed = [dated(dt.date(2019, 1, 1) + dt.timedelta(days=30 * i)) for i in range(10)]
    assert listing_trimmed(listed) == listed[:1]  # type: ignore[arg-type]
    weekend = [dated(dt.date(2020, 3, 7) + dt.timedelta(days=i % 3)) for i in range(10)]
    assert listing_trimmed(weekend) == weekend  # type: ignore[arg-type]


def test_a_town_and_its_county_are_one_place() -> None:
    county = town("Clay County", 40.0, -83.0, feature="admin2")
    assert _same_place(town("Lakeport", 40.5, -83.5, admin2="Clay County"), county)
    assert not _same_place(town("Lakeport", 40.5, -83.5, admin2="Ross County"), county)


def test_a_related_story_headline_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = after_a_shooting(nlp, "RELATED: Two men shot dead outside a bar in June", "ATTACK", "June",
                           dt.date(2019, 6, 1), precision=3)
    [found] = EventAssembler().match(doc)
    assert found.prominence == "main"


def test_a_block_number_is_no_year_that_makes_the_incident_recalled(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = after_a_shooting(nlp, "Officers found her in the 1900 block of Birch Street.", "ATTACK", "1900",
                           dt.date(1900, 1, 1), precision=4, kind="year")
    [found] = EventAssembler().match(doc)
    assert found.prominence == "main" and len(found.evidence) == 2
