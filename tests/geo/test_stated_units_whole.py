"""Audit of issue #13's short-note conventions (tenth session): a stated unit of several words that the NER reads
only in part, and a town the text announces by a name the gazetteer keeps as another name. Texts written for these
tests; the places are a tiny gazetteer in GeoNames dump format (coordinates approximate, ids made up)."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.recognise import Recogniser
from sitrep.geo.resolve import Resolver
from sitrep.pipeline.nlp import load_nlp
from tests.geo.conftest import build_gazetteer, readings

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
    ("9500030", "Mali", "Mali", "", "17.0", "-4.0", "A", "PCLI", "ML", "", "00", "", "21000000"),
    ("9500031", "Mopti", "Mopti", "", "14.5", "-3.5", "A", "ADM1", "ML", "", "04", "", "2000000"),
    ("9500040", "Germany", "Germany", "", "51.5", "10.5", "A", "PCLI", "DE", "", "00", "", "83000000"),
    ("9500041", "Bonn", "Bonn", "Boni,Bonna", "50.73", "7.1", "P", "PPLA3", "DE", "", "07", "", "330000"),
    ("9500050", "Haiti", "Haiti", "", "19.0", "-72.4", "A", "PCLI", "HT", "", "00", "", "11000000"),
    ("9500051", "Ouest", "Ouest", "", "18.5", "-72.3", "A", "ADM1", "HT", "", "11", "", "4000000"),
    ("9500052", "Croix-des-Bouquets", "Croix-des-Bouquets", "", "18.58", "-72.23", "P", "PPLA2", "HT", "", "11",
     "", "230000"),
    ("9500053", "Croix", "Croix", "", "50.68", "3.15", "P", "PPL", "FR", "", "32", "", "21000"),
    ("9500060", "Yemen", "Yemen", "", "15.5", "47.5", "A", "PCLI", "YE", "", "00", "", "30000000"),
    ("9500061", "Hays", "Hays", "", "13.93", "43.48", "P", "PPL", "YE", "", "08", "", "0"),
    ("9500062", "Hays", "Hays", "", "38.88", "-99.33", "P", "PPL", "US", "", "KS", "", "21000"),
    ("9500063", "United States", "United States", "", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "",
     "330000000"),
    ("9500070", "Burkina Faso", "Burkina Faso", "", "12.5", "-1.67", "A", "PCLI", "BF", "", "00", "", "22000000"),
    ("9500071", "Koro N'dali", "Koro N'dali", "", "12.1", "0.35", "P", "PPLA", "BF", "", "08", "", "70000"),
    ("9500072", "Koro", "Koro", "", "14.0", "21.0", "P", "PPL", "TD", "", "03", "", "15000"),
    ("9500080", "Tes", "Tes", "", "16.3", "-0.05", "P", "PPLA", "ML", "", "07", "", "80000"),
    ("9500081", "Tes", "Tes", "", "16.5", "0.5", "A", "ADM1", "ML", "", "07", "", "0"),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("whole_units"), PLACES)


def resolve(text: str, gazetteer: Gazetteer) -> dict[str, tuple[str, str | None]]:
    return readings(text, gazetteer, "name")


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


def test_a_stated_province_places_the_town_when_the_district_is_unknown(gazetteer: Gazetteer) -> None:
    # 'Hombori' is no unit the gazetteer knows: Mopti still says Boni is a town of Mali, not Bonn.
    found = resolve("On 3 May 2023, militants attacked an army position in Boni (Hombori, Mopti). 4 fatalities.",
                    gazetteer)
    assert found.get("Boni") == ("Mopti", "ML")


def test_a_hyphenated_town_before_its_stated_units_is_read_whole(gazetteer: Gazetteer) -> None:
    found = resolve("On 15 August 2023, gang members kidnapped a nurse in Croix-des-Bouquets (Croix-des-Bouquets, "
                    "Ouest).", gazetteer)
    assert found.get("Croix-des-Bouquets") == ("Croix-des-Bouquets", "HT")
    assert "Croix" not in found


def test_a_town_with_an_elided_article_is_read_whole(gazetteer: Gazetteer) -> None:
    # "N'dali" is a capitalised word like any other: the town is Koro N'dali, not Chad's Koro.
    found = resolve("On 12 November 2022, a bus hit an explosive device near Koro N'dali. 6 passengers were killed.",
                    gazetteer)
    assert found.get("Koro N'dali") == ("Koro N'dali", "BF")
    assert "Koro" not in found


def test_a_three_letter_town_the_note_places_in_its_units_is_read(gazetteer: Gazetteer) -> None:
    # Three letters read alone are a code or a word; the town repeated as its units is a place.
    found = resolve("On 22 January 2024, soldiers set up a checkpoint in Tes (Tes, Tes) after the attacks.", gazetteer)
    assert found.get("Tes") == ("Tes", "ML")


def test_the_home_country_of_the_armed_groups_decides_a_note_without_a_country(gazetteer: Gazetteer) -> None:
    text = "On 5 May 2023, rebel forces shelled Hays, killing a woman."
    mentions = Recogniser(gazetteer)(load_nlp()(text))
    alone = {r.mention.text: r.entry.country_code for r in Resolver(gazetteer)(mentions, text) if r.entry}
    assert alone.get("Hays") == "US"
    grouped = {r.mention.text: r.entry.country_code
               for r in Resolver(gazetteer)(mentions, text, group_country="YE") if r.entry}
    assert grouped.get("Hays") == "YE"
    # ... but not against a country the text names
    named = "On 5 May 2023, rebel forces shelled Hays in the United States."
    mentions = Recogniser(gazetteer)(load_nlp()(named))
    told = {r.mention.text: r.entry.country_code
            for r in Resolver(gazetteer)(mentions, named, group_country="YE") if r.entry}
    assert told.get("Hays") == "US"
