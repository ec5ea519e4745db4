"""Recognition and resolution on texts written for these tests, against the tiny gazetteer."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from sitrep.pipeline.document import Document
from tests.geo.conftest import geocoded


def geocode(text: str, gazetteer: Gazetteer) -> Document:
    return geocoded(text, gazetteer)


@pytest.fixture()
def places(small_gazetteer: Gazetteer):  # type: ignore[no-untyped-def]
    def run(text: str) -> dict[str, object]:
        doc = geocode(text, small_gazetteer)
        return {t.span.text: t.place for t in doc.toponyms}
    return run


def test_spelling_variants_and_unknown_area_inside_province(places) -> None:  # type: ignore[no-untyped-def]
    found = places("Fighters of the resistance said on Sunday that they had pushed back an attack in the "
                   "Dasht-e-Rivet area of Panjshir. Reporters could not reach Panjsher. The valley of Panjhsir "
                   "has no electricity, the governor of Panjshir said.")
    area = found["Dasht-e-Rivet"]
    assert area.name == "Dasht-e-Rivet" and area.admin_code is None or area.country_code == "AF"
    assert area.admin1 == "Panjshayr" and area.geo_precision == 2 and area.spans[0].text == "Dasht-e-Rivet"
    assert found["Panjsher"].gazetteer_id == found["Panjshir"].gazetteer_id
    assert found["Panjhsir"].gazetteer_id == found["Panjshir"].gazetteer_id
    assert found["Panjshir"].geo_precision == 3


def test_containment_picks_the_small_town(places) -> None:  # type: ignore[no-untyped-def]
    found = places("A fire destroyed a house in Athens on Monday. Deputies from Clarke County "
                   "arrested a man, the sheriff said.")
    assert found["Athens"].country_code == "US"
    assert found["Athens"].geo_precision == 1
    assert found["Athens"].admin2 == "Clarke County"


def test_population_wins_without_context(places) -> None:  # type: ignore[no-untyped-def]
    found = places("Thousands marched through Athens on Friday, chanting against the government.")
    assert found["Athens"].country_code == "GR"


def test_a_named_state_decides_between_namesakes_in_two_countries(places) -> None:  # type: ignore[no-untyped-def]
    found = places("A new library opened in Dublin on Monday, the mayor said. It is the third to open in "
                   "central Ohio this year.")
    assert found["Dublin"].country_code == "US"
    found = places("Thousands of fans filled the streets of Dublin on Saturday after the final.")
    assert found["Dublin"].country_code == "IE"


def test_a_capital_before_its_countrys_namesake_state(places) -> None:  # type: ignore[no-untyped-def]
    assert places("Hundreds of people marched in Washington on Saturday.")["Washington"].lat == 38.9


def test_a_town_with_its_stated_units_is_not_read_abroad(places) -> None:  # type: ignore[no-untyped-def]
    # ACLED-style notes give the district and province after the town; a village the gazetteer lacks
    # but that bears a foreign town's name lies in the stated units, not abroad.
    found = places("On 3 May, fighters attacked a checkpoint in Athens (Parian, Panjshir).")
    assert found["Athens"].country_code == "AF" and found["Athens"].name == "Athens"
    assert found["Athens"].admin1 == "Panjshayr"


def test_no_place_from_twitter_or_people(small_gazetteer: Gazetteer) -> None:
    doc = geocode("Taking to his official Twitter handle, Amrullah Saleh wrote that Ahmad Kabul Massoud "
                  "was safe in Bazarak.", small_gazetteer)
    names = [t.span.text for t in doc.toponyms]
    assert "Twitter" not in names
    assert not any("Saleh" in n or "Massoud" in n for n in names)
    assert "Bazarak" in names


def test_every_toponym_is_grounded(small_gazetteer: Gazetteer) -> None:
    text = "Clashes were reported in Paryan district, Panjshir province, and near Mazar-i-Sharif."
    doc = geocode(text, small_gazetteer)
    assert doc.toponyms
    for toponym in doc.toponyms:
        assert text[toponym.span.start:toponym.span.end] == toponym.span.text
        assert toponym.place is not None and toponym.place.spans == [toponym.span]
    by_text = {t.span.text: t.place for t in doc.toponyms}
    assert by_text["Paryan"].feature == "admin2" and by_text["Paryan"].admin1 == "Panjshayr"
    assert by_text["Mazar-i-Sharif"].name == "Mazar-e Sharif"
    assert by_text["Mazar-i-Sharif"].geo_precision == 2  # "near" the town


def test_qualified_names_follow_the_bare_name(small_gazetteer: Gazetteer) -> None:
    from sitrep.geo.resolve import _bare

    assert _bare("historic dublin") == "dublin" and _bare("dublin city") == "dublin"
    doc = geocode("Historic Athens was flooded. Athens residents in Clarke County were told "
                  "to leave, the sheriff said.", small_gazetteer)
    towns = [t.place for t in doc.toponyms if "Athens" in t.span.text]
    assert len(towns) == 2 and all(p is not None and p.country_code == "US" for p in towns)


def test_a_name_listed_among_states_is_the_state(places) -> None:  # type: ignore[no-untyped-def]
    found = places("The recalled jars were sold in Georgia, Ohio, Washington and nine other states.")
    assert found["Washington"].feature == "admin1" and found["Washington"].lat == 47.5
    found = places("Lawmakers in Washington, D.C. voted on Monday, as did voters in Ohio.")
    assert found["Washington"].feature == "city"


def test_a_street_or_building_named_after_a_town_is_not_the_town(places) -> None:  # type: ignore[no-untyped-def]
    found = places("Two men were hurt in a shooting on Dublin Avenue late on Friday, police in Athens said.")
    assert "Dublin" not in found and found["Athens"] is not None
    found = places("Residents of the Alliance Apartments were moved after the fire in Athens.")
    assert "Alliance" not in found
