"""The main event's date: the day of the violence, also when the lede leaves it to a later paragraph."""

from __future__ import annotations

import datetime as dt

from sitrep.events.assemble import EventAssembler
from sitrep.model import DateMention
from tests.events.test_assemble import event, make_doc, span_of

PUBLISHED = dt.date(2020, 3, 10)  # a Tuesday


def main_event(nlp, sentences: list[str], days: list[tuple[int, str, dt.date]],  # type: ignore[no-untyped-def]
               written: list[tuple[int, str, dt.date]] = (), at: int = 0):
    """The one event assembled from an attack told in sentence ``at`` (the first), with these weekday dates and
    these calendar dates written out (sentence, word, day) found in the text."""
    doc = make_doc(sentences, PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.event_mentions = [event(doc, at, "ATTACK")]
    doc.dates = [DateMention(sent, span_of(doc, word), day, 1, kind)
                 for kind, dates in (("weekday", days), ("explicit", written)) for sent, word, day in dates]
    [found] = EventAssembler().match(doc)
    return found


def test_the_day_of_the_shooting_beats_the_day_of_the_vigil(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["Neighbours held a vigil Sunday for two brothers who were shot and killed Saturday."],
                       [(0, "Sunday", dt.date(2020, 3, 8)), (0, "Saturday", dt.date(2020, 3, 7))])
    assert found.date == dt.date(2020, 3, 7)


def test_a_later_paragraph_dates_an_undated_lede(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["A man was shot dead outside a corner shop, police said.",
                             "Officers said Monday they had no suspect.", "The shooting happened late Sunday."],
                       [(1, "Monday", dt.date(2020, 3, 9)), (2, "Sunday", dt.date(2020, 3, 8))])
    assert found.date == dt.date(2020, 3, 8) and found.date_precision == 1


def test_the_outlet_after_the_headline_is_not_the_headline() -> None:
    from sitrep.events.fields import headline
    from sitrep.model import Article
    from sitrep.pipeline.document import Document

    def title(text: str) -> str:
        return headline(Document(article=Article.from_text("x", title=text)))

    assert title("Four shot in Dayton - WXYZ TV 7 | Dayton, OH News") == "Four shot in Dayton"
    assert title("Oakland party shooting - 2 gunmen, 7 victims") == "Oakland party shooting - 2 gunmen, 7 victims"
    assert title("Man hurt in crash - Springfield Daily Courier") == "Man hurt in crash"


def test_the_main_place_is_sought_in_the_state_the_article_is_about() -> None:
    from sitrep.events.assemble import EventAssembler
    from sitrep.model import Place, Toponym

    def town(name: str, admin1: str) -> Place:
        return Place(name=name, admin1=admin1, country_code="US", geo_precision=1, feature="city")

    doc = make_doc(["Police in Dayton said a man was shot near Kettering.",
                    "The victim, Highland resident Sam Ray, was shot on Sunday near the park.",
                    "Dayton police have no suspect."], PUBLISHED)
    doc.event_mentions = [event(doc, 1, "ATTACK")]
    doc.toponyms = [Toponym(0, span_of(doc, "Dayton"), town("Dayton", "Ohio"), 0.9),
                    Toponym(0, span_of(doc, "Kettering"), town("Kettering", "Ohio"), 0.9),
                    Toponym(1, span_of(doc, "Highland"), town("Highland", "Illinois"), 0.9, role="event_site"),
                    Toponym(2, span_of(doc, "Dayton", 60), town("Dayton", "Ohio"), 0.9)]
    [found] = EventAssembler().match(doc)
    assert found.location and found.location.admin1 == "Ohio"


def test_a_date_of_what_was_said_next_gives_way_to_the_day_of_the_shooting(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["Two men were wounded in a shooting, and police searched the area Tuesday.",
                             "Witnesses said the men were shot late Monday outside a bar."],
                       [(0, "Tuesday", dt.date(2020, 3, 10)), (1, "Monday", dt.date(2020, 3, 9))])
    assert found.date == dt.date(2020, 3, 9)


def test_the_shooting_happened_dates_the_shooting(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.events.fields import dates_violence

    doc = make_doc(["The shooting happened Sunday near the park."], PUBLISHED)
    doc.parsed = nlp(doc.text)
    assert dates_violence(doc, DateMention(0, span_of(doc, "Sunday"), dt.date(2020, 3, 8), 1, "weekday"))


def period_totals(sentences: list[str], kind: str, figures: list[tuple[int, str, int]]) -> list[bool]:
    """Whether each figure (sentence, words, value) of ``kind`` is read as a toll over a period."""
    from sitrep.events.assemble import tells_a_period_total
    from sitrep.model import Quantity, QuantityMention

    doc = make_doc(sentences, PUBLISHED)
    return [tells_a_period_total(doc, QuantityMention(sent, Quantity(kind=kind, value=value,
                                                                      span=span_of(doc, words)), False))
            for sent, words, value in figures]


def test_a_toll_over_a_period_is_no_incident_toll() -> None:
    assert period_totals(["Two men were killed on Elm Street late Sunday.",
                          "That brings to 61 the number of people killed so far this year in the city."],
                         "killed", [(0, "Two men", 2), (1, "61", 61)]) == [False, True]



def test_a_months_toll_does_not_date_the_shooting(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(["Two men were wounded outside a bar, police said Tuesday.",
                    "It came after 40 people were killed in February."], PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.event_mentions = [event(doc, 0, "ATTACK")]
    doc.dates = [DateMention(0, span_of(doc, "Tuesday"), dt.date(2020, 3, 10), 1, "weekday"),
                 DateMention(1, span_of(doc, "February"), dt.date(2020, 2, 1), 3, "explicit")]
    assert EventAssembler().match(doc)[0].date != dt.date(2020, 2, 1)


def test_the_outlets_state_decides_between_two_states_the_text_names() -> None:
    from sitrep.events.assemble import EventAssembler
    from sitrep.model import Place, Toponym

    def town(name: str, admin1: str) -> Place:
        return Place(name=name, admin1=admin1, country_code="US", geo_precision=1, feature="city")

    def place_of_the_shooting(outlet_unit: str | None) -> str | None:
        doc = make_doc(["A woman was shot on Sunday outside her home in Fairview, deputies said.",
                        "The Clark County sheriff said the suspect fled."], PUBLISHED)
        doc.event_mentions = [event(doc, 0, "ATTACK")]
        doc.toponyms = [Toponym(0, span_of(doc, "Fairview"), town("Fairview", "Oregon"), 0.6, role="event_site"),
                        Toponym(1, span_of(doc, "Clark County"), town("Clark County", "Ohio"), 0.6)]
        doc.outlet_unit = outlet_unit
        [found] = EventAssembler().match(doc)
        return found.location.admin1 if found.location else None

    assert place_of_the_shooting(None) == "Oregon"
    assert place_of_the_shooting("Ohio") == "Ohio"


def test_a_court_report_is_dated_by_the_shooting_it_is_about(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["A man was sentenced Friday to 40 years in prison for a fatal shooting.",
                             "Prosecutors said he shot and killed his neighbour on Nov. 14 after an argument."],
                       [(0, "Friday", dt.date(2020, 3, 6)), (1, "Nov. 14", dt.date(2019, 11, 14))])
    assert found.date == dt.date(2019, 11, 14)


def test_what_happened_and_who_fired_date_the_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.events.fields import dates_violence

    def violent(text: str, day: str) -> bool:
        doc = make_doc([text], PUBLISHED)
        doc.parsed = nlp(doc.text)
        return dates_violence(doc, DateMention(0, span_of(doc, day), dt.date(2020, 3, 6), 1, "weekday"))

    assert violent("It happened Friday outside a store on Main Street.", "Friday")
    assert violent("Their car was raked by gunfire late Friday near the park.", "Friday")
    assert not violent("Police arrested a man Friday in the shooting.", "Friday")


def test_a_text_naming_no_town_is_placed_at_its_outlets_home() -> None:
    from sitrep.events.assemble import EventAssembler
    from sitrep.model import Place, Toponym

    home = Place(name="Riverton", admin1="Ohio", country_code="US", lat=40.0, lon=-83.0, geo_precision=3,
                 feature="city")

    def place_of_the_shooting(toponyms: list[tuple[str, Place, int]], outlet: Place | None) -> Place | None:
        doc = make_doc(["A teenager was shot on Sunday on the West End, police said.",
                        "Police said the boy from Kingsford was taken to hospital in Texas."], PUBLISHED)
        doc.event_mentions = [event(doc, 0, "ATTACK")]
        doc.toponyms = [Toponym(1, span_of(doc, name), place, 0.6, population=people)
                        for name, place, people in toponyms]
        doc.outlet_place = outlet
        [found] = EventAssembler().match(doc)
        return found.location

    assert place_of_the_shooting([], None) is None
    assert place_of_the_shooting([], home) == home
    # a town two states off, in a state the text never names, is a namesake: the outlet's home stands
    far = Place(name="Kingsford", admin1="Michigan", country_code="US", lat=45.8, lon=-88.1, geo_precision=1,
                feature="city")
    assert place_of_the_shooting([("Kingsford", far, 5000)], home) == home
    # ... but a great city is no namesake: a wire story from there names no state either
    great = place_of_the_shooting([("Kingsford", far, 600_000)], home)
    assert great is not None and great.name == "Kingsford"
    texas = Place(name="Texas", admin1="Texas", country_code="US", lat=31.0, lon=-99.0, geo_precision=3,
                  feature="admin1")
    far_in_texas = far.model_copy(update={"admin1": "Texas"})
    found = place_of_the_shooting([("Kingsford", far_in_texas, 5000), ("Texas", texas, 0)], home)
    assert found is not None and found.name == "Kingsford"


def test_more_ways_a_date_tells_the_day_of_the_violence(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.events.fields import dates_violence

    def violent(text: str, day: str, kind: str = "weekday") -> bool:
        doc = make_doc([text], PUBLISHED)
        doc.parsed = nlp(doc.text)
        return dates_violence(doc, DateMention(0, span_of(doc, day), dt.date(2020, 3, 6), 1, kind))

    # the agent's date, a violence word compounded with the dated noun, a participle telling what the act did
    assert violent("The girl was shot by a neighbour on Friday night.", "Friday")
    assert violent("He faces charges over the Feb. 6 shooting spree downtown.", "Feb. 6")
    assert violent("The rifle went off Feb. 6, killing the hunter.", "Feb. 6")
    assert not violent("He was arrested Friday after he shot a clerk.", "Friday")
    # a holiday naming a kind of gathering dates no shooting at it; a holiday shooting is dated by it
    assert not violent("Seven people were shot at a private Christmas party.", "Christmas", "holiday")
    assert violent("Police are still looking for the gunman in the Christmas shooting.", "Christmas", "holiday")


def test_the_day_of_the_shooting_beats_the_day_a_victim_died(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["A girl died Sunday of a gunshot wound she suffered on Friday, police said."],
                       [(0, "Sunday", dt.date(2020, 3, 8)), (0, "Friday", dt.date(2020, 3, 6))])
    assert found.date == dt.date(2020, 3, 6)


def test_a_death_alone_gives_way_to_the_day_of_the_shooting_told_later(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["A teenager wounded in a drive-by shooting died Monday.",
                             "He was shot outside his home late Saturday, police said."],
                       [(0, "Monday", dt.date(2020, 3, 9)), (1, "Saturday", dt.date(2020, 3, 7))])
    assert found.date == dt.date(2020, 3, 7)


def test_a_body_found_dates_the_incident_when_nothing_else_does(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["Two men were found shot dead in a parked car Sunday.", "Police said Monday they had "
                             "no suspect."], [(0, "Sunday", dt.date(2020, 3, 8)), (1, "Monday", dt.date(2020, 3, 9))])
    assert found.date == dt.date(2020, 3, 8)


def test_a_later_arrest_report_is_dated_by_the_calendar_day_it_writes_out(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["Police arrested a teenager Monday in connection with the shooting of a man.",
                             "The man was sitting on a porch on Feb. 14 when a car pulled up, police said.",
                             "A hearing was set for March 12."],
                       [(0, "Monday", dt.date(2020, 3, 9))],
                       # written without a year, a day to come reads as last year's: never the incident's day
                       written=[(1, "Feb. 14", dt.date(2020, 2, 14)), (2, "March 12", dt.date(2019, 3, 12))])
    assert found.date == dt.date(2020, 2, 14)


def test_with_no_day_of_violence_the_earliest_day_told_dates_the_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["On Sunday a neighbour's car was hit by a stone.",
                             "A teenager was arrested Monday in the attack."],
                       [(0, "Sunday", dt.date(2020, 3, 8)), (1, "Monday", dt.date(2020, 3, 9))], at=1)
    assert found.date == dt.date(2020, 3, 8)


def test_a_gun_that_went_off_dates_the_act_not_the_death(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["A toddler died Monday after he was shot in the head by accident.",
                             "His uncle was cleaning a loaded rifle on Sunday when it went off."],
                       [(0, "Monday", dt.date(2020, 3, 9)), (1, "Sunday", dt.date(2020, 3, 8))])
    assert found.date == dt.date(2020, 3, 8)


def test_a_clock_time_read_as_an_object_still_leads_to_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["A ninth guest was hurt in a weekend shooting at a party.",
                             "A girl came to the police station yesterday with a wound to her foot.",
                             "Gunfire broke out about 12:30 Saturday morning at the hall."],
                       [(1, "yesterday", dt.date(2020, 3, 9)), (2, "Saturday morning", dt.date(2020, 3, 7))])
    assert found.date == dt.date(2020, 3, 7)


def test_a_holiday_that_something_was_for_dates_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(["A girl was killed by a shotgun blast in a farmhouse, deputies said.",
                    "She was staying with two cousins on March 3, when the accident happened.",
                    "A boy was showing them a shotgun that he got for Christmas when the gun went off."], PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.event_mentions = [event(doc, 0, "ATTACK")]
    doc.dates = [DateMention(1, span_of(doc, "March 3"), dt.date(2020, 3, 3), 1, "explicit"),
                 DateMention(2, span_of(doc, "Christmas"), dt.date(2019, 12, 25), 1, "holiday")]
    [found] = EventAssembler().match(doc)
    assert found.date != dt.date(2019, 12, 25)


def test_a_day_only_of_what_was_said_bounds_an_undated_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["A man was shot dead outside a corner shop.", "Police said Sunday they had no suspect."],
                       [(1, "Sunday", dt.date(2020, 3, 8))])
    assert found.date == dt.date(2020, 3, 8) and found.date_precision == 2


def test_an_undated_incident_with_no_day_at_all_takes_the_publication_date(nlp) -> None:  # type: ignore[no-untyped-def]
    found = main_event(nlp, ["A man was shot dead outside a corner shop.", "Police have no suspect."], [])
    assert found.date == PUBLISHED and found.date_precision == 2


def test_a_possessive_weekday_dates_the_shooting_it_qualifies(nlp) -> None:  # type: ignore[no-untyped-def]
    """'Saturday's shooting' is the day of the act, before a calendar date written later (a post's stamp)."""
    found = main_event(nlp, ["Police gave a briefing Monday on Saturday's shooting outside a bar in Lakeport.",
                             "The chief shared the video on March 9, 2020."],
                       [(0, "Monday", dt.date(2020, 3, 9)), (0, "Saturday", dt.date(2020, 3, 7))],
                       [(1, "March 9, 2020", dt.date(2020, 3, 9))])
    assert found.date == dt.date(2020, 3, 7)


def test_a_day_told_between_the_events_sentences_beats_the_day_of_the_search(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(["Police were searching Tuesday for two men after a shooting outside a bar in Millbrook.",
                    "The men pulled out handguns around 10:45 p.m. Saturday near the door.",
                    "Three people were wounded in the shooting, police said."], PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.event_mentions = [event(doc, 0, "ATTACK"), event(doc, 2, "ATTACK")]
    doc.dates = [DateMention(0, span_of(doc, "Tuesday"), dt.date(2020, 3, 10), 1, "weekday"),
                 DateMention(1, span_of(doc, "Saturday"), dt.date(2020, 3, 7), 1, "weekday")]
    [found] = EventAssembler().match(doc)
    assert found.date == dt.date(2020, 3, 7)


def test_a_time_since_the_incident_is_no_period() -> None:
    assert period_totals(["A month and a half after a fight at the fair left two men injured, police spoke.",
                          "About 40 people are shot a year in the county."],
                         "injured", [(0, "two men", 2), (1, "40 people", 40)]) == [False, True]


def test_another_acts_day_weeks_before_the_week_of_the_shooting_does_not_date_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """A warrant's 'an alleged fight with her on Feb. 3' lies weeks before the shooting told 'earlier this week'."""
    doc = make_doc(["The brother of a woman who deputies fatally shot in her Fairview home earlier this week was "
                    "charged Tuesday with weapons counts.",
                    "Deputies first went to the home about 8 a.m. Monday to serve warrants.",
                    "The brother was wanted for assault in connection with an alleged fight with her on Feb. 3."],
                   PUBLISHED)
    doc.parsed = nlp(doc.text)
    doc.event_mentions = [event(doc, 0, "ATTACK")]
    doc.dates = [DateMention(0, span_of(doc, "earlier this week"), PUBLISHED, 2, "relative"),
                 DateMention(0, span_of(doc, "Tuesday"), dt.date(2020, 3, 10), 1, "weekday"),
                 DateMention(1, span_of(doc, "Monday"), dt.date(2020, 3, 9), 1, "weekday"),
                 DateMention(2, span_of(doc, "Feb. 3"), dt.date(2020, 2, 3), 1, "explicit")]
    [found] = EventAssembler().match(doc)
    assert found.date != dt.date(2020, 2, 3)
