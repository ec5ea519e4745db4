"""A local dateline names the main event's town; a place read out of a building's name is no event's place while
the text names another (events.fields.choose_place). Invented towns and texts."""

from __future__ import annotations

import datetime as dt

from sitrep.events.fields import choose_place
from sitrep.model import Article, Place, Toponym
from sitrep.pipeline.document import Document


def town(name: str, lat: float, lon: float, admin1: str = "Florida", admin2: str | None = None,
         feature: str = "city") -> Place:
    return Place(name=name, admin1=admin1, admin2=admin2, country="United States", country_code="US", lat=lat,
                 lon=lon, geo_precision=1, feature=feature)


STATE = Place(name="Florida", admin1="Florida", country="United States", country_code="US", lat=28.0, lon=-81.7,
              geo_precision=3, feature="admin1")


def report(text: str, places: dict[str, Place], outlet: Place | None = None) -> Document:
    doc = Document(article=Article.from_text(text, published=dt.date(2020, 3, 10)))
    doc.sentences = [doc.span(0, len(text))]
    doc.toponyms = [Toponym(0, doc.span(text.index(words), text.index(words) + len(words)), place, 0.9)
                    for words, place in places.items()]
    doc.outlet_place = outlet
    return doc


# An Ohio station's home town, and a county far off in another state
OUTLET_HOME = town("Riverton", 40.0, -83.0, admin1="Ohio")
MARL_COUNTY = town("Marl County", 33.1, -80.1, admin1="Carolina", admin2="Marl County", feature="admin2")
LAKEPORT = town("Lakeport", 28.80, -81.73, admin2="Clay County")
PINE_GROVE = town("Pine Grove", 28.55, -81.45, admin2="Ross County")


def test_a_local_dateline_names_the_town_of_the_incident() -> None:
    doc = report("LAKEPORT, Fla. - A woman was shot Saturday after a chase that began near Pine Grove.",
                 {"LAKEPORT": LAKEPORT, "Fla.": STATE, "Pine Grove": PINE_GROVE})
    place = choose_place(doc, [0], main=True)
    assert place is not None and place.name == "Lakeport"


def test_a_station_datelining_from_its_home_town_leaves_the_town_the_body_names() -> None:
    doc = report("LAKEPORT, Fla. (WXYZ) - A woman was shot Saturday at her home in Pine Grove.",
                 {"LAKEPORT": LAKEPORT, "Fla.": STATE, "Pine Grove": PINE_GROVE}, outlet=LAKEPORT)
    place = choose_place(doc, [0], main=True)
    assert place is not None and place.name == "Pine Grove"


def test_a_dateline_in_another_state_than_it_writes_is_not_taken() -> None:
    elsewhere = town("Lakeport", 40.1, -83.2, admin1="Ohio")
    doc = report("LAKEPORT, Fla. - A woman was shot Saturday at her home in Pine Grove.",
                 {"LAKEPORT": elsewhere, "Fla.": STATE, "Pine Grove": PINE_GROVE})
    place = choose_place(doc, [0], main=True)
    assert place is not None and place.name == "Pine Grove"


def test_a_place_inside_a_longer_name_gives_way_to_the_town() -> None:
    county = town("Dorrance County", 28.3, -81.2, admin2="Dorrance County", feature="admin2")
    doc = report("A student was shot at Dorrance County High School on Friday, police in Pine Grove said.",
                 {"Dorrance County": county, "Pine Grove": PINE_GROVE})
    place = choose_place(doc, [0], main=True)
    assert place is not None and place.name == "Pine Grove"


def test_a_far_town_named_with_its_county_is_no_namesake_of_the_outlets_area() -> None:
    home, county = OUTLET_HOME, MARL_COUNTY
    far = town("Kingsford", 33.0, -80.0, admin1="Carolina", admin2="Marl County")
    text = "A man was shot Friday at a club in Kingsford, deputies said."
    # alone, a small town far off in a state the text never names is read as a namesake: the outlet's home stands
    alone = choose_place(report(text, {"Kingsford": far}, outlet=home), [0], main=True)
    assert alone is not None and alone.name == "Riverton"
    # named beside its own county, it is the town of a story from another station's area
    text += " The Marl County sheriff asked for witnesses."
    both = choose_place(report(text, {"Kingsford": far, "Marl County": county}, outlet=home), [0], main=True)
    assert both is not None and both.name == "Kingsford"
    # a county of the same name in another state does not vouch for it
    other = county.model_copy(update={"admin1": "Georgia"})
    stray = choose_place(report(text, {"Kingsford": far, "Marl County": other}, outlet=home), [0], main=True)
    assert stray is not None and stray.name == "Riverton"


def test_a_county_gives_way_to_the_town_in_it_the_text_names() -> None:
    county = town("Dorrance County", 28.3, -81.2, admin2="Dorrance County", feature="admin2")
    elkford = town("Elkford", 28.35, -81.25, admin2="Dorrance County")
    text = "Dorrance County deputies said a boy was shot Sunday at a home in Elkford."
    place = choose_place(report(text, {"Dorrance County": county, "Elkford": elkford}), [0], main=True)
    assert place is not None and place.name == "Elkford"
    # a town of another county, or one the text names only in a school's name, leaves the county
    other = elkford.model_copy(update={"admin2": "Ross County"})
    place = choose_place(report(text, {"Dorrance County": county, "Elkford": other}), [0], main=True)
    assert place is not None and place.name == "Dorrance County"
    school = "Dorrance County deputies said a boy was shot Sunday near Elkford High School."
    place = choose_place(report(school, {"Dorrance County": county, "Elkford": elkford}), [0], main=True)
    assert place is not None and place.name == "Dorrance County"


def test_the_outlets_town_name_read_in_another_state_stays_the_outlets_town() -> None:
    home, county = OUTLET_HOME, MARL_COUNTY
    namesake = town("Riverton", 33.0, -80.0, admin1="Carolina", admin2="Marl County")
    text = "A man was shot Friday at a club in Riverton. The Marl County sheriff asked for witnesses."
    place = choose_place(report(text, {"Riverton": namesake, "Marl County": county}, outlet=home), [0], main=True)
    assert place is not None and place == home


def test_a_town_abroad_in_a_country_the_text_never_names_is_a_misreading_of_a_local_story() -> None:
    home = OUTLET_HOME
    abroad = Place(name="Velmora", admin1="Castile", country="Spain", country_code="ES", lat=40.4, lon=-3.7,
                   geo_precision=1, feature="city")
    text = "A boy was shot Friday on Velmora Boulevard, police said."
    place = choose_place(report(text, {"Velmora": abroad}, outlet=home), [0], main=True)
    assert place is not None and place == home
    # a report that names the country is a report from there
    spain = Place(name="Spain", country="Spain", country_code="ES", lat=40.0, lon=-4.0, geo_precision=4,
                  feature="country")
    text = "A boy was shot Friday in Velmora, Spain, police said."
    place = choose_place(report(text, {"Velmora": abroad, "Spain": spain}, outlet=home), [0], main=True)
    assert place is not None and place.name == "Velmora"


def test_of_two_towns_in_the_headline_the_incidents_stands_before_the_home_of_someone() -> None:
    text = "A Pine Grove man was shot Friday at a bar in Lakeport. The Pine Grove man died."
    places = {"Pine Grove": PINE_GROVE, "Lakeport": LAKEPORT}
    for title in ("Pine Grove man killed in Lakeport", "Pine Grove man dies after Lakeport shooting"):
        doc = report(text, places)
        doc.article = doc.article.model_copy(update={"title": title})
        place = choose_place(doc, [0], main=True)
        assert place is not None and place.name == "Lakeport", title


def test_surnames_read_as_two_units_abroad_are_misreadings_of_a_local_story() -> None:
    home = OUTLET_HOME
    unit = Place(name="Velmora", admin1="Velmora", country="Uruguay", country_code="UY", lat=-33.5, lon=-56.9,
                 geo_precision=2, feature="admin1")
    other = Place(name="Castana", admin1="Castana", country="Uruguay", country_code="UY", lat=-31.0, lon=-55.5,
                  geo_precision=2, feature="admin1")
    text = "Velmora and Castana were charged Friday with a killing, police said."
    place = choose_place(report(text, {"Velmora": unit, "Castana": other}, outlet=home), [0], main=True)
    assert place == home


def test_a_far_small_namesake_beside_the_texts_own_town_is_no_event_place() -> None:
    home = OUTLET_HOME
    far = town("Kingsford", 33.0, -80.0, admin1="Carolina")
    near = town("Quillmont", 40.1, -83.1, admin1="Ohio")
    text = "Kingsford was shot Friday at a club in Quillmont, police said."
    place = choose_place(report(text, {"Kingsford": far, "Quillmont": near}, outlet=home), [0], main=True)
    assert place is not None and place.name == "Quillmont"


def test_a_dateline_town_the_gazetteer_lacks_placed_in_the_state_it_writes_names_the_incident() -> None:
    from sitrep.events.fields import local_dateline

    county = town("Dorrance County", 28.3, -81.2, admin2="Dorrance County", feature="admin2")
    unknown = STATE.model_copy(update={"name": "ELKFORD", "feature": "area", "geo_precision": 2})
    text = "ELKFORD, Fla. - Dorrance County deputies said a girl was shot Tuesday."
    doc = report(text, {"ELKFORD": unknown, "Fla.": STATE, "Dorrance County": county})
    doc.toponyms[0].score = 0.3  # placed inside its state: no surer than that
    place = local_dateline(doc, county)
    assert place is not None and place.name == "ELKFORD"
