"""A US legislator's party tag ('D-Pa.', 'R-Maple Falls'): the name after the party letter is the member's state
or home town. Texts and places written for these tests."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from tests.geo.conftest import build_gazetteer, names

PLACES = [
    ("9200001", "United States", "United States", "USA", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "",
     "330000000"),
    ("9200002", "Pennsylvania", "Pennsylvania", "Pa.", "40.9", "-77.7", "A", "ADM1", "US", "", "PA", "",
     "13000000"),
    ("9200003", "Minnesota", "Minnesota", "Minn.", "46.2", "-94.3", "A", "ADM1", "US", "", "MN", "", "5700000"),
    ("9200004", "Maple Falls", "Maple Falls", "", "45.9", "-95.9", "P", "PPL", "US", "", "MN", "", "1200"),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("party"), PLACES)


def resolve(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    return names(text, gazetteer)


def test_a_dotted_state_after_a_party_letter_is_the_state(gazetteer: Gazetteer) -> None:
    found = resolve("Sen. Ann Carver, D-Pa., said the report was troubling.", gazetteer)
    assert found.get("Pa.") == "Pennsylvania"


def test_a_small_town_after_a_party_letter_is_the_members_home(gazetteer: Gazetteer) -> None:
    found = resolve("Rep. Tom Ellis, R-Maple Falls, asked the committee to pass the bill.", gazetteer)
    assert found.get("Maple Falls") == "Maple Falls"


def test_a_hyphenated_name_without_a_party_letter_is_no_tag(gazetteer: Gazetteer) -> None:
    found = resolve("Tom Ellis, Smith-Maple Falls, asked the committee to pass the bill.", gazetteer)
    assert "Maple Falls" not in found
