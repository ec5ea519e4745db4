"""Demonyms and adjectives in compounds and organisation names, and dotted admin1 abbreviations the NER takes
for persons, on texts written for these tests."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.recognise import Recogniser
from sitrep.geo.resolve import Resolver
from sitrep.pipeline.nlp import load_nlp
from tests.geo.conftest import build_gazetteer, names

PLACES = [
    ("9100001", "United States", "United States", "USA", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "",
     "330000000"),
    ("9100002", "Russia", "Russia", "Russian Federation", "60.0", "100.0", "A", "PCLI", "RU", "", "00", "",
     "146000000"),
    ("9100003", "Canada", "Canada", "", "60.0", "-95.0", "A", "PCLI", "CA", "", "00", "", "38000000"),
    ("9100004", "Canadian", "Canadian", "", "35.9", "-100.4", "P", "PPL", "US", "", "TX", "", "2600"),
    ("9100005", "Saudi Arabia", "Saudi Arabia", "", "25.0", "45.0", "A", "PCLI", "SA", "", "00", "", "34000000"),
    ("9100006", "Indiana", "Indiana", "", "40.0", "-86.25", "A", "ADM1", "US", "", "IN", "", "6700000"),
    ("9100007", "United Kingdom", "United Kingdom", "Britain", "54.0", "-2.0", "A", "PCLI", "GB", "", "00", "",
     "67000000"),
    ("9100008", "London", "London", "", "51.5", "-0.13", "P", "PPLC", "GB", "", "ENG", "", "8900000"),
    ("9100009", "Ontario", "Ontario", "Ont.", "49.25", "-84.5", "A", "ADM1", "CA", "", "08", "", "14000000"),
    ("9100010", "London", "London", "", "42.98", "-81.23", "P", "PPL", "CA", "", "08", "", "420000"),
    ("9100011", "Los Angeles", "Los Angeles", "L.A.", "34.05", "-118.24", "P", "PPLA2", "US", "", "CA", "",
     "3900000"),
    ("9100012", "La", "La", "L.A.", "6.7", "-1.5", "P", "PPL", "GH", "", "02", "", "3000"),
]
DEMONYMS = {"american": "9100001", "russian": "9100002", "canadian": "9100003", "saudi": "9100005",
            "hoosiers": "9100006"}


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("demonyms"), PLACES, DEMONYMS)


def resolve(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    return names(text, gazetteer)


def test_each_part_of_a_hyphenated_compound_names_its_country(gazetteer: Gazetteer) -> None:
    found = resolve("A Russian-American crew flew to the station on Tuesday.", gazetteer)
    assert found.get("Russian") == "Russia" and found.get("American") == "United States"


def test_a_countrys_adjective_in_an_organisation_is_the_country_not_a_town(gazetteer: Gazetteer) -> None:
    found = resolve("The Canadian Coast Guard said a passing boater spotted the mast of the boat.", gazetteer)
    assert found.get("Canadian") == "Canada"


def test_a_demonym_inside_a_longer_group_name(gazetteer: Gazetteer) -> None:
    found = resolve("Hardline Saudi clerics urged a ban on music, and the Hoosiers cheered.", gazetteer)
    assert found.get("Saudi") == "Saudi Arabia"


def test_a_dotted_province_after_a_town_names_its_namesake(gazetteer: Gazetteer) -> None:
    text = "Kate Moore, of London, Ont., opened a bakery on Monday."
    resolved = {r.mention.text: r.entry for r in Resolver(gazetteer)(Recogniser(gazetteer)(load_nlp()(text)), text)
                if r.entry is not None}
    assert resolved["Ont."].name == "Ontario"
    assert resolved["London"].country_code == "CA"


def test_a_great_citys_dotted_short_name(gazetteer: Gazetteer) -> None:
    found = resolve("Tour traces L.A.'s spiritual diversity on Sunday.", gazetteer)
    assert found.get("L.A.") == "Los Angeles"
