"""A body's main event that fell back to the outlet's home town, or to a county or a state, takes the town its
headline names (events.headline.HeadlineEvent, headline_town; issue #9). Invented towns and pages; the headline's
places come from a stub geocoder."""

from __future__ import annotations

import datetime as dt

from sitrep.events.headline import HeadlineEvent, headline_town
from sitrep.model import Article, Count, Event, Place, Toponym
from sitrep.pipeline.document import Document


def town(name: str, lat: float, lon: float, admin1: str = "Ohio", feature: str = "city") -> Place:
    return Place(name=name, admin1=admin1, country="United States", country_code="US", lat=lat, lon=lon,
                 geo_precision=1, feature=feature)


HOME = town("Riverton", 40.0, -83.0).model_copy(update={"geo_precision": 3})
NEAR = town("Elkford", 40.3, -83.2)  # some 40 km from the station
FAR = town("Elkford", 33.0, -110.0, admin1="Arizona")  # a small namesake two thousand km off


class StubGeocoder:
    """Stands in for the geocoder: the headline's places, as the real one would read them."""

    def __init__(self, places: dict[str, Place]) -> None:
        self.places = places

    def title_toponyms(self, doc: Document, parsed: object = None) -> list[Toponym]:
        title = doc.article.title or ""
        return [Toponym(-1, doc.title_span(title.index(w), title.index(w) + len(w)), p, 0.9, population=5_000)
                for w, p in self.places.items()]


def page(title: str, place: Place | None) -> Document:
    text = "A man was shot on Friday night, police said."
    doc = Document(article=Article.from_text(text, title=title, published=dt.date(2020, 3, 10)))
    doc.sentences = [doc.span(0, len(text))]
    doc.outlet_place = HOME
    doc.events = [Event(id="e1", article_ids=[doc.article.id], event_type="Violence against civilians",
                        sub_event_type="Attack", prominence="main", location=place, fatalities=Count(),
                        injured=Count(), confidence=0.9)]
    return doc


def placed(title: str, main_at: Place | None, headline: dict[str, Place]) -> Place | None:
    stage = HeadlineEvent(StubGeocoder(headline))  # type: ignore[arg-type]
    doc = page(title, main_at)
    doc.parsed_title = object()  # type: ignore[assignment]  # only asked whether there is a headline
    stage.set_annotations(doc, stage.match(doc))
    return doc.events[0].location


def test_a_main_event_left_at_the_outlets_home_takes_the_headlines_town() -> None:
    assert placed("One dead in Elkford shooting", HOME, {"Elkford": NEAR}) == NEAR


def test_a_far_namesake_in_a_state_the_headline_does_not_name_leaves_the_outlets_home() -> None:
    assert placed("One dead in Elkford shooting", HOME, {"Elkford": FAR}) == HOME


def test_a_place_the_body_gave_is_kept() -> None:
    other = town("Quillmont", 39.9, -82.6)
    assert placed("One dead in Elkford shooting", other, {"Elkford": NEAR}) == other


def test_the_outlets_own_town_or_a_state_alone_is_no_refinement() -> None:
    state = town("Ohio", 40.2, -82.7, feature="admin1")
    assert headline_town([], HOME) is None
    doc = page("Shooting in Ohio", HOME)
    named = [Toponym(-1, doc.title_span(12, 16), state, 0.9)]
    assert headline_town(named, HOME) is None


def test_a_county_or_state_the_body_gave_takes_the_headlines_town_inside_it() -> None:
    county = town("Dorrance County", 40.2, -83.1, feature="admin2").model_copy(update={"admin2": "Dorrance County"})
    inside = NEAR.model_copy(update={"admin2": "Dorrance County"})
    assert placed("Two shot in Elkford", county, {"Elkford": inside}) == inside
    # a town of another county leaves the county the body gave
    other = NEAR.model_copy(update={"admin2": "Ross County"})
    assert placed("Two shot in Elkford", county, {"Elkford": other}) == county
    state = town("Ohio", 40.2, -82.7, feature="admin1")
    assert placed("Two shot in Elkford", state, {"Elkford": other}) == other


def test_a_street_the_body_gave_takes_the_headlines_town_of_its_state() -> None:
    street = town("Mill Street", 40.1, -83.0, feature="area")
    assert placed("Two shot in Elkford", street, {"Elkford": NEAR}) == NEAR
    assert placed("Two shot in Elkford", street, {"Elkford": FAR}) == street


def test_a_name_the_body_placed_inside_a_town_is_not_taken_for_the_headlines_namesake() -> None:
    # the body read 'the Elkford neighborhood' as a part of Riverton; the headline's Elkford is a town across the state
    area = HOME.model_copy(update={"name": "Elkford", "feature": "area"})
    across = town("Elkford", 38.5, -84.5)
    assert placed("Four hurt in Elkford shooting", area, {"Elkford": across}) == area
