"""A small district and its town do not outrank a namesake town ten times as populous; a name the NER cut before
'and' is read whole where the gazetteer knows it. Places and texts written for these tests."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from tests.geo.conftest import build_gazetteer, readings

PLACES = [
    ("9400001", "Riverton", "Riverton", "", "-19.0", "-46.0", "A", "ADM2", "BR", "", "15", "3155", "25000"),
    ("9400002", "Riverton", "Riverton", "", "-19.1", "-46.1", "P", "PPLA2", "BR", "", "15", "3155", "25000"),
    ("9400003", "Riverton", "Riverton", "", "38.5", "-121.5", "P", "PPLA", "US", "", "CA", "067", "500000"),
    ("9400004", "Lakemont", "Lakemont", "", "-20.0", "-47.0", "A", "ADM2", "BR", "", "15", "3160", "300000"),
    ("9400005", "Lakemont", "Lakemont", "", "-20.1", "-47.1", "P", "PPLA2", "BR", "", "15", "3160", "250000"),
    ("9400006", "Lakemont", "Lakemont", "", "41.0", "-83.5", "P", "PPL", "US", "", "OH", "", "270000"),
    ("9400007", "Newfoundland and Labrador", "Newfoundland and Labrador", "", "53.0", "-60.0", "A", "ADM1", "CA", "",
     "05", "", "520000"),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("namesakes"), PLACES)


def resolve(text: str, gazetteer: Gazetteer) -> dict[str, tuple[str, str | None]]:
    return readings(text, gazetteer, "feature")


def test_a_far_larger_town_outranks_a_small_namesake_district(gazetteer: Gazetteer) -> None:
    assert resolve("A man was shot in Riverton on Tuesday, police said.", gazetteer).get("Riverton") == ("city", "US")


def test_a_district_as_populous_as_the_town_keeps_its_lift(gazetteer: Gazetteer) -> None:
    found = resolve("A man was shot in Lakemont on Tuesday, police said.", gazetteer)
    assert found.get("Lakemont", ("", ""))[1] == "BR"


def test_a_name_joined_by_and_is_read_whole(gazetteer: Gazetteer) -> None:
    found = resolve("Fishing crews from Newfoundland and Labrador met in port on Monday.", gazetteer)
    assert found.get("Newfoundland and Labrador") == ("admin1", "CA")
