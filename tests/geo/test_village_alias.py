"""A village's old or foreign name is read as the village only with support nearer than its state's
(geo.resolve.ALIAS_SUPPORT): in a story of the state the word is more often a person's name. Invented rows."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from tests.geo.conftest import build_gazetteer, geocoded

ROWS = [
    ("9300001", "United States", "United States", "USA", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "",
     "330000000"),
    ("9300002", "Utah", "Utah", "", "39.3", "-111.7", "A", "ADM1", "US", "", "UT", "", "3000000"),
    ("9300003", "Harlow", "Harlow", "", "41.06", "-111.97", "P", "PPL", "US", "", "UT", "011", "74000"),
    ("9300004", "Brenton", "Brenton", "", "40.66", "-111.89", "P", "PPL", "US", "", "UT", "035", "49000"),
    # a village some 200 km off that GeoNames also lists under a given name
    ("9300005", "Green Hollow", "Green Hollow", "Tamsin", "39.0", "-110.16", "P", "PPL", "US", "", "UT", "015", "900"),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("village_alias"), ROWS)


def test_a_villages_other_name_in_a_story_of_its_state_is_a_person(gazetteer: Gazetteer) -> None:
    text = "Police in Harlow said the bodies were found Sunday. Tamsin loved the park, relatives in Brenton said."
    names = [t.place.name for t in geocoded(text, gazetteer).toponyms if t.place is not None]
    assert names == ["Harlow", "Brenton"]
