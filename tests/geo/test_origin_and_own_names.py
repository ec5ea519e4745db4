"""Where someone comes from is no event site, and a qualified town name of its own ('East Lakeport') is that town,
not the bare name's. Places and texts invented for these tests."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from tests.geo.conftest import build_gazetteer, geocoded

TOWNS = [
    ("9400001", "United States", "United States", "USA", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "",
     "330000000"),
    ("9400002", "Merrimack", "Merrimack", "", "41.6", "-88.0", "A", "ADM1", "US", "", "MK", "", "6000000"),
    ("9400003", "Tamsin", "Tamsin", "", "40.0", "-86.5", "A", "ADM1", "US", "", "TM", "", "6500000"),
    ("9400004", "Lakeport", "Lakeport", "", "41.85", "-87.65", "P", "PPLA2", "US", "", "MK", "031", "2700000"),
    ("9400005", "East Lakeport", "East Lakeport", "", "41.64", "-87.45", "P", "PPL", "US", "", "TM", "089", "28000"),
    ("9400006", "Dorrance", "Dorrance", "", "41.59", "-87.35", "P", "PPL", "US", "", "TM", "089", "76000"),
    ("9400007", "North Lakeport", "North Lakeport", "", "35.1", "-110.2", "P", "PPL", "US", "", "TM", "012", "3000"),
]


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("origin_towns"), TOWNS)


def test_a_qualified_towns_own_name_is_that_town(towns: Gazetteer) -> None:
    doc = geocoded("Police in Lakeport said a man from East Lakeport was wounded in Dorrance on Friday.", towns)
    found = {t.span.text: t.place.name for t in doc.toponyms if t.place is not None}
    assert found["East Lakeport"] == "East Lakeport" and found["Lakeport"] == "Lakeport"
    # ... but a namesake far off is the bare name's town with a qualifier
    doc = geocoded("A man was shot in a North Lakeport neighbourhood, Lakeport police said.", towns)
    found = {t.span.text: t.place.name for t in doc.toponyms if t.place is not None}
    assert found["North Lakeport"] == "Lakeport"


def test_a_place_someone_comes_from_is_no_event_site(towns: Gazetteer) -> None:
    doc = geocoded("The gunman, a 23-year-old man from Lakeport, was arrested at the scene.", towns)
    [lakeport] = doc.toponyms
    assert lakeport.role == "origin"
    doc = geocoded("The gunman fled from Lakeport after the attack.", towns)
    assert [t.role for t in doc.toponyms] != ["origin"]


def test_the_headlines_town_in_a_state_the_text_names_is_the_main_place(towns: Gazetteer) -> None:
    # A Lakeport paper's story full of Lakeport people; the headline's town lies in another state, which the text
    # names beside it.
    from sitrep.events.fields import choose_place

    text = ("Five people were wounded late Wednesday at a club in Dorrance, Tamsin. The club's manager lives in "
            "Lakeport. A Lakeport man and two other Lakeport residents were among the wounded, police in Lakeport "
            "said. The gunman, a man from Lakeport, was arrested.")
    doc = geocoded(text, towns, title="Five hurt in Dorrance club shooting")
    doc.outlet_unit = "Merrimack"
    place = choose_place(doc, [0, 1, 2, 3], main=True)
    assert place is not None and place.name == "Dorrance"
