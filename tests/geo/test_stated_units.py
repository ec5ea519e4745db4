"""'Kolbari (Tessit Hills, Wadaro)': a town followed by its district and province in parentheses, as ACLED's notes
write them, is read as places even where the NER takes the names for persons or one organisation. Texts and places
written for these tests."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from tests.geo.conftest import build_gazetteer, readings

PLACES = [
    ("9300001", "Mali", "Mali", "", "17.0", "-4.0", "A", "PCLI", "ML", "", "00", "", "21000000"),
    ("9300002", "Wadaro", "Wadaro", "", "15.0", "-2.0", "A", "ADM1", "ML", "", "77", "", "2000000"),
    ("9300003", "Tessit Hills", "Tessit Hills", "", "15.2", "-1.8", "A", "ADM2", "ML", "", "77", "7701", "90000"),
    ("9300004", "Baraka", "Baraka", "", "15.3", "-1.7", "P", "PPL", "ML", "", "77", "7701", "4000"),
    ("9300005", "Baraka", "Baraka", "", "-4.1", "29.1", "P", "PPL", "CD", "", "12", "", "40000"),
    ("9300010", "United States", "United States", "", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "", "330000000"),
    ("9300011", "Merrimack", "Merrimack", "Merr.", "41.6", "-72.7", "A", "ADM1", "US", "", "MK", "", "3600000"),
    ("9300012", "Ostrava Hills", "Ostrava Hills", "", "41.7", "-72.8", "P", "PPL", "US", "", "MK", "", "30000"),
    ("9300020", "Czechia", "Czechia", "", "49.8", "15.5", "A", "PCLI", "CZ", "", "00", "", "10500000"),
    ("9300021", "Lubno", "Lubno", "", "49.6", "18.3", "P", "PPLA", "CZ", "", "80", "", "300000"),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("stated"), PLACES)


def resolve(text: str, gazetteer: Gazetteer, home: str | None = None) -> dict[str, tuple[str, str | None]]:
    return readings(text, gazetteer, "name", home)


def test_a_town_the_gazetteer_lacks_is_placed_in_its_stated_district(gazetteer: Gazetteer) -> None:
    found = resolve("On 4 May 2024, gunmen attacked Kolbari (Tessit Hills, Wadaro). 2 fatalities.", gazetteer)
    assert found.get("Kolbari") == ("Tessit Hills", "ML")
    assert found.get("Wadaro") == ("Wadaro", "ML")


def test_the_stated_units_choose_the_towns_namesake(gazetteer: Gazetteer) -> None:
    found = resolve("On 4 May 2024, soldiers clashed with militants near Baraka (Tessit Hills, Wadaro).", gazetteer)
    assert found.get("Baraka") == ("Baraka", "ML")


def test_an_acronym_in_parentheses_is_no_stated_unit(gazetteer: Gazetteer) -> None:
    found = resolve("Leaders of the Wadaro Farmers Union (WFU) met on Monday.", gazetteer)
    assert "WFU" not in found


def test_a_town_before_a_comma_and_a_state_is_not_read_abroad(gazetteer: Gazetteer) -> None:
    # US datelines write 'Town, State': in a US outlet's story a town the gazetteer lacks that bears a foreign
    # city's name lies in the state, not abroad, whether the state is written out or abbreviated.
    for text in ("A man was shot dead in Lubno, Merrimack, on Friday.", "A man was shot dead in Lubno, Merr., on Friday."):
        found = resolve(text, gazetteer, home="US")
        assert found.get("Lubno") == ("Merrimack", "US"), text


def test_a_comma_states_no_unit_of_another_country_than_the_texts(gazetteer: Gazetteer) -> None:
    # 'of Lubno, Merrimack was at home': in a Czech story a comma is no reason to move the town abroad.
    found = resolve("According to his aunt, of Lubno, Merrimack was at home watching cartoons.", gazetteer, home="CZ")
    assert found.get("Lubno") == ("Lubno", "CZ")
