"""Surnames that are also places' names are read as the people they name (geo.guards, geo.recognise)."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from tests.geo.conftest import build_gazetteer, resolved

NAMESAKES = [
    ("9300001", "United States", "United States", "USA", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "",
     "330000000"),
    ("9300002", "Texas", "Texas", "", "31.0", "-99.0", "A", "ADM1", "US", "", "TX", "", "29000000"),
    ("9300003", "Gaines County", "Gaines County", "Gaines", "32.74", "-102.63", "A", "ADM2", "US", "", "TX",
     "165", "21000"),
    ("9300004", "Arizona", "Arizona", "", "34.3", "-111.7", "A", "ADM1", "US", "", "AZ", "", "7000000"),
    ("9300005", "Young", "Young", "", "34.10", "-110.95", "P", "PPL", "US", "", "AZ", "007", "600"),
    ("9300006", "Uruguay", "Uruguay", "", "-33.0", "-56.0", "A", "PCLI", "UY", "", "00", "", "3400000"),
    ("9300007", "Flores", "Flores", "", "-33.5", "-56.9", "A", "ADM1", "UY", "", "07", "", "25000"),
    ("9300008", "Maryland", "Maryland", "", "39.0", "-76.7", "A", "ADM1", "US", "", "MD", "", "6000000"),
    ("9300009", "Randallstown", "Randallstown", "", "39.37", "-76.80", "P", "PPL", "US", "", "MD", "005",
     "32000"),
]


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("person_names"), NAMESAKES)


def names(text: str, gazetteer: Gazetteer) -> list[str]:
    return [r.mention.text for r in resolved(text, gazetteer)]


def test_a_name_with_an_age_is_a_person(namesakes: Gazetteer) -> None:
    found = names("Dana Gaines, 23, was shot in her Randallstown apartment, Maryland police said. "
                  "Gaines had barricaded herself inside.", namesakes)
    assert "Randallstown" in found and not any("Gaines" in name for name in found)


def test_a_surname_before_a_possessive_is_a_person(namesakes: Gazetteer) -> None:
    found = names("A gunman fired into Sgt. Carla Young's cruiser. Young was taken to a hospital.", namesakes)
    assert "Young" not in found

