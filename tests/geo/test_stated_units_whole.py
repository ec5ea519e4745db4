"""Audit of issue #13's short-note conventions (tenth session): a stated unit of several words that the NER reads
only in part, and a town the text announces by a name the gazetteer keeps as another name. Texts written for these
tests; the places are a tiny gazetteer in GeoNames dump format (coordinates approximate, ids made up)."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from tests.geo.conftest import build_gazetteer, resolved

PLACES = [
    ("9500001", "Colombia", "Colombia", "", "4.0", "-73.25", "A", "PCLI", "CO", "", "00", "", "50000000"),
    ("9500002", "Valle del Cauca", "Valle del Cauca", "", "3.75", "-76.5", "A", "ADM1", "CO", "", "29", "",
     "4500000"),
    ("9500003", "Cali", "Cali", "Santiago de Cali", "3.44", "-76.52", "P", "PPLA", "CO", "", "29", "", "2300000"),
    ("9500010", "Honduras", "Honduras", "", "15.0", "-86.5", "A", "PCLI", "HN", "", "00", "", "9500000"),
    ("9500011", "Valle", "Valle", "Valle Department", "13.58", "-87.58", "A", "ADM1", "HN", "", "17", "",
     "180000"),
    ("9500012", "Cali", "Cali", "", "13.6", "-87.5", "P", "PPL", "HN", "", "17", "", "800"),
    ("9500020", "Syria", "Syria", "", "35.0", "38.0", "A", "PCLI", "SY", "", "00", "", "17000000"),
    ("9500021", "Tall Abyad", "Tall Abyad", "Tal Abyad,Tell Abyad", "36.7", "38.95", "P", "PPL", "SY", "", "04",
     "", "0"),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("whole_units"), PLACES)


def resolve(text: str, gazetteer: Gazetteer) -> dict[str, tuple[str, str | None]]:
    return {r.mention.text: (r.entry.name, r.entry.country_code) for r in resolved(text, gazetteer)
            if r.entry is not None}


def test_a_stated_province_of_several_words_is_read_whole(gazetteer: Gazetteer) -> None:
    # 'Valle' alone is a Honduran department with its own Cali: the note's province is Valle del Cauca.
    found = resolve("On 28 April 2021, demonstrators blocked roads and clashed with riot police in Cali (Cali, "
                    "Valle del Cauca). Several people were injured.", gazetteer)
    assert found.get("Valle del Cauca") == ("Valle del Cauca", "CO")
    assert "Valle" not in found
    assert found.get("Cali") == ("Cali", "CO")


def test_a_town_the_text_announces_is_read_by_its_other_name(gazetteer: Gazetteer) -> None:
    found = resolve("Kurdish fighters captured the town of Tal Abyad after heavy fighting.", gazetteer)
    assert found.get("Tal Abyad") == ("Tall Abyad", "SY")
