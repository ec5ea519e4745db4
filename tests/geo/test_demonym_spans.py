"""A demonym of two words the NER left untagged, and a country's adjective opening a longer name the NER calls a
place, name their country. Texts and places written for these tests."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from tests.geo.conftest import build_gazetteer, names

PLACES = [
    ("9500001", "Sri Lanka", "Sri Lanka", "", "7.0", "81.0", "A", "PCLI", "LK", "", "00", "", "22000000"),
    ("9500002", "Canada", "Canada", "", "60.0", "-95.0", "A", "PCLI", "CA", "", "00", "", "38000000"),
    ("9500003", "Canadian", "Canadian", "", "35.9", "-100.4", "P", "PPL", "US", "", "TX", "", "2600"),
]
DEMONYMS = {"sri lankan": "9500001", "canadian": "9500002"}


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("demonym_spans"), PLACES, DEMONYMS)


def resolve(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    return names(text, gazetteer)


def test_a_two_word_demonym_names_its_country(gazetteer: Gazetteer) -> None:
    assert resolve("The Sri Lankan navy rescued six fishermen.", gazetteer).get("Sri Lankan") == "Sri Lanka"


def test_a_countrys_adjective_opening_a_place_like_name_is_the_country(gazetteer: Gazetteer) -> None:
    found = resolve("She was told to pay a fee to claim her Canadian Lottery prize.", gazetteer)
    assert found.get("Canadian") == "Canada"
