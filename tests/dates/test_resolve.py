"""Date expressions resolved against a fixed publication date (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

from sitrep.dates.resolve import UNDATED_ANCHOR, DateResolver, dateline_anchor, provisional_anchor
from sitrep.model import Article, DateMention
from sitrep.pipeline.document import Document

# A Wednesday.
PUBLISHED = dt.date(2019, 3, 13)


def resolve(text: str, published: dt.date | None = PUBLISHED) -> list[DateMention]:
    return DateResolver().match(Document(article=Article.from_text(text, published=published)))


def by_text(mentions: list[DateMention]) -> dict[str, tuple[dt.date, int]]:
    return {m.span.text: (m.value, m.precision) for m in mentions}


def test_explicit_dates_with_and_without_a_year() -> None:
    got = by_text(resolve("Fighting broke out on Feb. 2, 2018, again on 25 January and on March 3."))
    assert got["Feb. 2, 2018"] == (dt.date(2018, 2, 2), 1)
    assert got["25 January"] == (dt.date(2019, 1, 25), 1)
    assert got["March 3"] == (dt.date(2019, 3, 3), 1)


def test_a_yearless_date_is_never_after_publication() -> None:
    got = by_text(resolve("The convoy was ambushed on December 28."))
    assert got["December 28"] == (dt.date(2018, 12, 28), 1)


def test_explicit_date_after_publication_is_dropped() -> None:
    assert resolve("Elections are due on April 20, 2019.") == []


def test_weekdays_are_the_latest_such_day_on_or_before_publication() -> None:
    got = by_text(resolve("Gunmen attacked a post on Saturday. On Wednesday a bomb went off. "
                          "Militants struck on Monday night. Last Wednesday police arrested two men."))
    assert got["Saturday"] == (dt.date(2019, 3, 9), 1)
    assert got["Wednesday"] == (PUBLISHED, 1)
    assert got["Monday night"] == (dt.date(2019, 3, 11), 1)
    assert got["Last Wednesday"] == (dt.date(2019, 3, 6), 1)


def test_relative_days_weeks_and_months_with_acled_precision() -> None:
    got = by_text(resolve("Two died yesterday and one today. Last night a drone struck. Last week a market "
                          "was shelled; earlier this month and last month there were raids."))
    assert got["yesterday"] == (dt.date(2019, 3, 12), 1)
    assert got["today"] == (PUBLISHED, 1)
    assert got["Last night"] == (dt.date(2019, 3, 12), 1)
    assert got["Last week"] == (dt.date(2019, 3, 6), 2)
    assert got["earlier this month"] == (dt.date(2019, 3, 1), 3)
    assert got["last month"] == (dt.date(2019, 2, 15), 3)


def test_past_days_gives_the_start_of_the_period() -> None:
    got = by_text(resolve("Troops killed 30 fighters during the past two days."))
    assert got["during the past two days"] == (dt.date(2019, 3, 11), 1)


def test_the_verb_may_is_no_month() -> None:
    assert resolve("They may 5 times refuse.") == []


def test_dateline_is_marked_and_anchors_an_undated_article() -> None:
    text = "KABUL, Afghanistan (Jan. 25, 2013)\nForces detained two men in Ghazni province yesterday."
    mentions = resolve(text, published=None)
    assert [(m.kind, m.value) for m in mentions] == [("dateline", dt.date(2013, 1, 25)),
                                                     ("relative", dt.date(2013, 1, 24))]
    assert dateline_anchor(text) == dt.date(2013, 1, 25)


def test_without_a_publication_date_relative_expressions_stay_unresolved() -> None:
    # Only provisionally: read against a stand-in day, to tell incidents apart, never an event's date.
    [yesterday] = resolve("Gunmen attacked a checkpoint yesterday.", published=None)
    assert yesterday.provisional and yesterday.kind == "relative"


def test_an_undated_text_keeps_its_written_dates_and_reads_the_rest_provisionally() -> None:
    text = ("Gunmen attacked a checkpoint in Norwell this week. In 2016, rebels seized the town. "
            "In April, a bomb hit the market. The town fell on June 2, 2018.")
    found = {m.span.text: m for m in resolve(text, published=None)}
    assert not found["2016"].provisional and found["2016"].value == dt.date(2016, 1, 1)
    assert not found["June 2, 2018"].provisional
    # The stand-in day is the last of the latest written date: 'In April' is the April before 2 June 2018.
    assert found["this week"].provisional and found["this week"].value == dt.date(2018, 6, 2)
    assert found["April"].provisional and found["April"].value == dt.date(2018, 4, 1)


def test_the_provisional_anchor_follows_the_latest_written_period() -> None:
    def written(value: dt.date, precision: int) -> DateMention:
        return DateMention(0, Document(article=Article.from_text("x")).span(0, 1), value, precision)

    assert provisional_anchor([written(dt.date(2017, 1, 1), 4), written(dt.date(2019, 3, 1), 3)]) == dt.date(2019, 3, 31)
    assert provisional_anchor([written(dt.date(2019, 12, 30), 1), written(dt.date(2019, 1, 1), 4)]) == dt.date(2020, 1, 1)
    assert provisional_anchor([]) == UNDATED_ANCHOR
    # No year written: the latest day written without one
    yearless = [written(dt.date(2000, 8, 4), 1), written(dt.date(2000, 8, 13), 1), written(dt.date(2000, 11, 1), 3)]
    assert provisional_anchor([], yearless) == dt.date(2000, 8, 13)


def test_a_text_without_any_year_reads_its_weekdays_up_to_its_latest_written_day() -> None:
    text = "Rebels attacked the convoy near Norwell on August 4. Police said on Tuesday that 34 men took part."
    found = {m.span.text: m for m in resolve(text, published=None)}
    assert found["August 4"].provisional and found["Tuesday"].provisional
    # Within the week up to 4 August, whichever year it is: the same days as told, not months apart
    assert 0 <= (found["August 4"].value - found["Tuesday"].value).days <= 6


def test_an_undated_story_names_the_one_written_day_of_its_weekday() -> None:
    # 2 March 1987 was a Monday, 14 May 1990 a Monday too: a story's 'on a Monday morning' names the day only when
    # the text writes one Monday.
    text = ("The Halden depot bombing was an attack on 2 March 1987 in Norwell. "
            "The device went off on a Monday morning, as the depot opened. A trial followed in 1990.")
    found = {m.span.text: m for m in resolve(text, published=None)}
    assert not found["Monday morning"].provisional and found["Monday morning"].value == dt.date(1987, 3, 2)
    found = {m.span.text: m for m in resolve(text + " A second bomb hit the depot on 14 May 1990.", published=None)}
    assert found["Monday morning"].provisional


def test_every_mention_is_grounded() -> None:
    text = "On Saturday, Jan. 5, rebels attacked; yesterday they withdrew."
    for mention in resolve(text, published=dt.date(2019, 1, 8)):
        assert text[mention.span.start:mention.span.end] == mention.span.text
        assert mention.value <= dt.date(2019, 1, 8)


def test_a_second_pasted_release_has_its_dateline_marked() -> None:
    first = "KABUL, Afghanistan (Jan. 25, 2013)\n" + "Forces detained two men yesterday. " * 20
    text = first + "\n----\nKABUL, Afghanistan (Jan. 28, 2013) Forces detained a leader."
    kinds = [(m.kind, m.value) for m in resolve(text, published=None) if m.kind == "dateline"]
    assert kinds == [("dateline", dt.date(2013, 1, 25)), ("dateline", dt.date(2013, 1, 28))]


def test_ago_and_iso_dates() -> None:
    got = by_text(resolve("Two days ago a convoy was hit; a week ago a market burned; the report of 2019-03-01."))
    assert got["Two days ago"] == (dt.date(2019, 3, 11), 1)
    assert got["a week ago"] == (dt.date(2019, 3, 6), 2)
    assert got["2019-03-01"] == (dt.date(2019, 3, 1), 1)


def test_overnight_as_an_adverb_is_the_night_before() -> None:
    got = by_text(resolve("Police detained three men in the market district overnight, including a driver."))
    assert got["overnight"] == (dt.date(2019, 3, 12), 1)
    # Before a noun it only says the raid ran through some night: no date.
    assert resolve("Police detained three men during an overnight raid in the market district.") == []


def test_a_later_pasted_release_anchors_what_follows_its_dateline() -> None:
    first = "HERAT, Afghanistan (March 4, 2012)\nA patrol found a weapons cache yesterday near the river. "
    text = first + "\n\nHERAT, Afghanistan (March 9, 2012)\nOfficials said on March 7 and yesterday that two men fled."
    assert [(m.span.text, m.value) for m in resolve(text, published=None) if m.kind != "dateline"] == [
        ("yesterday", dt.date(2012, 3, 3)), ("March 7", dt.date(2012, 3, 7)), ("yesterday", dt.date(2012, 3, 8))]


def test_a_dated_title_above_the_dateline_does_not_move_the_anchor() -> None:
    text = "Morning Field Update March 4, 2012\nHERAT, Afghanistan (March 5, 2012)\nA patrol was hit yesterday."
    got = by_text(resolve(text, published=None))
    assert got["yesterday"] == (dt.date(2012, 3, 3), 1)


def test_an_undated_release_takes_the_year_from_its_number() -> None:
    text = "Cache Found in Herat\nField Office 2010-07-FO-129 For Release\nA patrol found a cache in Herat July 16."
    assert by_text(resolve(text, published=None))["July 16"] == (dt.date(2010, 7, 16), 1)


def test_month_names_after_a_preposition_at_any_case_are_month_precision() -> None:
    got = by_text(resolve("In April, two dozen fighters were killed. Raids resumed since Sept. 2016 and "
                          "last November. Talks may march on in May."))
    assert got["April"] == (dt.date(2018, 4, 1), 3)
    assert got["Sept. 2016"] == (dt.date(2016, 9, 1), 3)
    assert got["November"] == (dt.date(2018, 11, 1), 3)
    assert got["May"] == (dt.date(2018, 5, 1), 3)
    assert "march" not in got


def test_years_of_recalled_incidents_have_year_precision() -> None:
    got = {m.span.text: (m.value, m.precision, m.kind) for m in
           resolve("The 2016 bombing and the attacks in 2015 were recalled; last year it was calm. "
                   "Two years ago a blast hit the town. A summit is planned in 2030.")}
    assert got["2016"] == (dt.date(2016, 1, 1), 4, "year")
    assert got["2015"] == (dt.date(2015, 1, 1), 4, "year")
    assert got["last year"] == (dt.date(2018, 1, 1), 4, "year")
    assert got["Two years ago"] == (dt.date(2017, 1, 1), 4, "year")
    assert "2030" not in got


def test_a_weekday_written_before_a_calendar_date_is_that_date() -> None:
    # Published Wednesday 13 March 2019; the caption's Monday is 4 February, not the Monday before publication.
    mentions = resolve("Officers spoke at a briefing Monday, Feb. 4, 2019, in Elmford. A man was shot Sunday.")
    assert [(m.span.text, m.value) for m in mentions] == [("Feb. 4, 2019", dt.date(2019, 2, 4)),
                                                          ("Sunday", dt.date(2019, 3, 10))]


def test_a_page_time_stamp_is_no_event_date_and_moves_nothing() -> None:
    text = ("Two hurt in Elmford shooting Posted: Tuesday, March 12, 2019 9:10 PM EDT Updated: Friday, "
            "April 5, 2019 7:00 AM EDT\n\nTwo men were shot Tuesday night. (Published Wednesday, March 13, 2019)\n"
            "Police said the suspect fled on April 2. UPDATED at 11:37 A.M. on Tuesday, March 12th")
    mentions = resolve(text)
    got = {m.span.text: (m.value, m.kind) for m in mentions}
    assert got["March 12, 2019"] == (dt.date(2019, 3, 12), "dateline")
    assert got["April 5, 2019"] == (dt.date(2019, 4, 5), "dateline")
    assert got["March 13, 2019"] == (dt.date(2019, 3, 13), "dateline")
    assert got["March 12th"] == (dt.date(2019, 3, 12), "dateline")
    assert got["Tuesday night"] == (dt.date(2019, 3, 12), "weekday")
    # The stamped update after publication lets no later date in: 'April 2' is last year's.
    assert got["April 2"] == (dt.date(2018, 4, 2), "explicit")
    assert not any(m.span.text in ("Tuesday", "Friday", "Wednesday") for m in mentions)


def test_a_weekday_pinned_to_a_recent_calendar_day_names_that_day_throughout() -> None:
    # Published Wednesday 13 March 2019, a week and more after the shooting the text pins to Monday 4 March.
    got = [(m.span.text, m.value) for m in resolve("A man was shot Monday night in Elmford. It happened around 11 p.m. "
                                                   "Monday, March 4, police said. Last Monday was quiet.")]
    assert got == [("Monday night", dt.date(2019, 3, 4)), ("March 4", dt.date(2019, 3, 4)),
                   ("Last Monday", dt.date(2019, 3, 11))]


def test_a_bare_weekday_six_days_back_dates_nothing() -> None:
    # Published on a Wednesday: 'Thursday' would be six days back, more often a day to come or a late stamp.
    got = by_text(resolve("A man was shot Wednesday night, police said Thursday. He will appear in court Thursday."))
    assert got["Wednesday night"] == (PUBLISHED, 1)
    assert "Thursday" not in got


def test_a_weekday_six_days_back_stands_when_the_text_tells_of_last_week() -> None:
    got = by_text(resolve("A woman was wounded last week. The shooting happened Thursday near the park."))
    assert got["Thursday"] == (dt.date(2019, 3, 7), 1)
    got = by_text(resolve("Last Thursday a man was wounded."))
    assert got["Last Thursday"] == (dt.date(2019, 3, 7), 1)


def test_a_date_with_a_clock_time_after_it_is_a_page_stamp() -> None:
    mentions = resolve("March 12, 2019 4:39 PM\n\nRIVERTON - Two men were hurt in a shooting on Tuesday.")
    kinds = {m.span.text: m.kind for m in mentions}
    assert kinds["March 12, 2019"] == "dateline"
    assert by_text(mentions)["Tuesday"] == (dt.date(2019, 3, 12), 1)
    told = resolve("Officers were called on March 11, 2019, at 4:39 p.m. to a house on Elm Street.")
    assert {m.span.text: m.kind for m in told}["March 11, 2019"] == "explicit"


def test_the_weekend_is_the_one_just_past_at_week_precision() -> None:
    # published on a Wednesday: the Sunday before
    got = by_text(resolve("A boy was wounded by a stray bullet over the weekend in Pine Hollow."))
    assert got["the weekend"] == (dt.date(2019, 3, 10), 2)
    # published on a Saturday or a Sunday: the weekend is under way
    assert by_text(resolve("A hunter was shot this weekend.", dt.date(2019, 3, 16)))["this weekend"] == (
        dt.date(2019, 3, 16), 2)
    assert by_text(resolve("Two men were shot this past weekend.", dt.date(2019, 3, 17)))["this past weekend"] == (
        dt.date(2019, 3, 17), 2)


def test_an_embedded_tweet_dated_before_publication_anchors_its_own_words() -> None:
    text = ("Police said Thursday the two shootings were linked.\n"
            "Chief: Two shootings downtown this morning are connected. \u2014 Ann Reporter (@annreports) March 12, 2019\n"
            "The victims were in good condition today.")
    got = {(m.span.text, m.value) for m in resolve(text)}
    assert ("this morning", dt.date(2019, 3, 12)) in got
    assert ("today", PUBLISHED) in got
    # a tweet dated after publication (the same evening in UTC) changes nothing
    later = text.replace("March 12, 2019", "March 14, 2019")
    assert ("this morning", PUBLISHED) in {(m.span.text, m.value) for m in resolve(later)}


def test_a_dated_stamp_days_before_publication_anchors_relative_words() -> None:
    text = ("Two hurt in Elm Valley shooting Posted: Saturday, February 23, 2019 4:10 PM EST\n\n"
            "Two men were shot early Saturday morning outside a bar in Elm Valley.")
    got = {(m.span.text, m.value) for m in resolve(text)}  # the page came with 13 March, a later crawl
    assert ("Saturday morning", dt.date(2019, 2, 23)) in got
    # a stamp of the last few days moves nothing: the publication date stays the anchor
    recent = text.replace("February 23", "March 10")
    assert ("Saturday morning", dt.date(2019, 3, 9)) in {(m.span.text, m.value) for m in resolve(recent)}
