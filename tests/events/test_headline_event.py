"""The main event read from the headline when the body tells none (events.headline; issue #9): invented pages, the
real spaCy model and classifier, a gazetteer of invented rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from sitrep.events.headline import HeadlineEvent, is_opinion_or_question
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.toponyms import Geocoder
from sitrep.model import Article, Event
from sitrep.pipeline.pipeline import Pipeline
from tests.geo.conftest import build_gazetteer

# Invented towns (ids 97xxxxx), in the shape of a GeoNames dump.
ROWS = [
    ("9700001", "United States", "United States", "USA", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "",
     "330000000"),
    ("9700002", "Ohio", "Ohio", "", "40.25", "-82.75", "A", "ADM1", "US", "", "OH", "", "11800000"),
    ("9700003", "Brannock Falls", "Brannock Falls", "", "40.10", "-83.00", "P", "PPL", "US", "", "OH", "", "45000"),
    ("9700004", "Quillmont", "Quillmont", "", "39.90", "-82.60", "P", "PPL", "US", "", "OH", "", "30000"),
]
PUBLISHED = dt.date(2016, 5, 9)  # a Monday
Extract = Callable[..., list[Event]]  # (title, text=BOILERPLATE) -> the page's events
BOILERPLATE = "Please enable JavaScript to view this page.\n\nCopyright 2016. All rights reserved."


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder: Path = tmp_path_factory.mktemp("headline_gaz")
    return build_gazetteer(folder, ROWS)


@pytest.fixture(scope="module")
def run(pipeline: Pipeline, gazetteer: Gazetteer) -> Extract:
    """The default pipeline with the headline stage's geocoder pointed at the invented gazetteer."""
    stages = [HeadlineEvent(Geocoder(gazetteer)) if isinstance(s, HeadlineEvent) else s for s in pipeline.stages]
    test_pipeline = Pipeline(pipeline.parser, stages)

    def extract(title: str, text: str = BOILERPLATE) -> list[Event]:
        article = Article.from_text(text, title=title, published=PUBLISHED)
        return test_pipeline(article).events

    return extract


def test_a_boilerplate_page_gets_its_event_from_the_headline(run: Extract) -> None:
    events = run("Two dead, three hurt in Brannock Falls shooting Saturday - Channel 9 News")
    assert len(events) == 1
    event = events[0]
    assert event.prominence == "main"
    assert (event.fatalities.best, event.injured.best) == (2, 3)
    assert event.location is not None and event.location.name == "Brannock Falls"
    assert event.date == dt.date(2016, 5, 7) and event.date_precision == 1
    # Every value points into the title, and its text is what the title says there.
    title = "Two dead, three hurt in Brannock Falls shooting Saturday - Channel 9 News"
    spans = [*event.evidence, *event.location.spans, event.date_span,
             *(q.span for q in event.fatalities.reported), *(q.span for q in event.injured.reported)]
    assert all(s is not None and s.field == "title" and title[s.start:s.end] == s.text for s in spans)
    assert event.evidence[0].text.startswith("Two dead") and "Channel 9" not in event.evidence[0].text
    # The outlet asserts the event and its figures.
    assert {c.fact for c in event.claims} >= {"event", "fatalities", "injured", "location"}


def test_no_day_in_the_headline_falls_back_to_the_publication_date(run: Extract) -> None:
    event = run("Man shot and killed outside Quillmont store")[0]
    assert (event.date, event.date_precision, event.date_span) == (PUBLISHED, 2, None)
    assert event.location is not None and event.location.name == "Quillmont"


def test_a_court_step_leaves_the_incident_undated(run: Extract) -> None:
    event = run("Quillmont man charged in fatal shooting of neighbor")[0]
    # The shooting happened before the hearing, on a day the page does not tell: no date, not the publication's.
    assert (event.date, event.date_precision) == (None, None)
    assert event.fatalities.best == 1


def test_a_headline_in_shorthand_is_typed_whole(run: Extract) -> None:
    events = run("5 shot on Quillmont's west side, suspects still at large")
    assert len(events) == 1 and events[0].injured.best == 5
    assert events[0].evidence[0].field == "title" and events[0].evidence[0].text.startswith("5 shot")


def test_a_short_lede_that_names_no_act_leaves_the_headline_to_tell_it(run: Extract) -> None:
    events = run("Teen killed in Quillmont shooting identified", "Identities of the victim were released by the coroner.")
    assert len(events) == 1 and events[0].fatalities.best == 1


def test_a_body_that_tells_the_event_keeps_its_own(run: Extract) -> None:
    events = run("Two dead in Quillmont shooting",
                 "Gunmen shot and killed two men outside a Quillmont bar on Sunday, police said.")
    assert events and all(s.field is None for e in events for s in e.evidence)


@pytest.mark.parametrize("title", [
    "Weather: Storms expected across the valley Saturday",
    "Contact Us",
    "Most Read Stories",
    "Was the Brannock Falls shooting justified?",
    "Editorial: Another shooting, another empty promise",
    "City council passes gun safety ordinance",
    "Quillmont man sentenced to 20 years",
])
def test_junk_questions_opinion_and_policy_give_no_event(run: Extract, title: str) -> None:
    assert run(title) == []


def test_opinion_and_question_labels() -> None:
    assert is_opinion_or_question("Letter to the editor: Stop the shootings")
    assert is_opinion_or_question("Who shot the deputy?")
    assert not is_opinion_or_question("Police: Three shot in Quillmont")


def test_a_charge_for_a_shooting_tells_the_shooting(run: Extract) -> None:
    # A body sentence so worded reports no event of its own; a headline over a page of furniture tells the incident.
    [event] = run("Two Quillmont men charged with attempted murder in drive-by shooting")
    # Two men charged with attempted murder: a crime's shooting (events.violence_kind), Non-ACLED.
    assert event.sub_event_type == "Criminal violence" and event.date is None
    assert event.location is not None and event.location.name == "Quillmont"


def test_a_headline_is_typed_by_its_words(run: Extract) -> None:
    [event] = run("Boy, 6, accidentally shot by brother in Brannock Falls")
    assert (event.event_type, event.sub_event_type) == ("Non-ACLED", "Accident")
