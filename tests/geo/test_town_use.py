"""A name the text uses as a town's ('a Vardia woman', 'Roe, 52, Vardia') is a town of the name, not the
same-named country (recognise._town_use, data/geo/town_uses.tsv). Invented places and texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.recognise import _town_use
from sitrep.pipeline.nlp import load_nlp

from .conftest import build_gazetteer, readings

ROWS = [
    ("9100001", "Vardia", "Vardia", "", "41.0", "35.0", "A", "PCLI", "VD", "", "00", "", "5000000"),
    ("9100002", "Vardia", "Vardia", "", "40.05", "-86.47", "P", "PPL", "US", "", "IN", "", "15000"),
    ("9100003", "Indiana", "Indiana", "", "40.0", "-86.0", "A", "ADM1", "US", "", "IN", "", "6800000"),
    ("9100004", "Indiana", "Indiana", "", "40.6", "-79.15", "P", "PPL", "US", "", "PA", "", "13000"),
    ("9100005", "Pennsylvania", "Pennsylvania", "", "40.9", "-77.8", "A", "ADM1", "US", "", "PA", "", "13000000"),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(Path(tmp_path_factory.mktemp("town_use")), ROWS)


def _use(text: str, name: str) -> bool:
    doc = load_nlp()(text)
    start = next(t.i for t in doc if t.text == name)
    return _town_use(doc, start, start + 1)


def test_cues_of_a_town() -> None:
    assert _use("A Vardia woman was charged with theft.", "Vardia")
    assert _use("Jane Roe, 52, Vardia, was arrested on Monday.", "Vardia")
    assert _use("John Doe, 47, of Vardia, was arrested on Monday.", "Vardia")
    assert _use("Services will be at the chapel, 12 N. Elm St., Vardia.", "Vardia")
    assert _use("The Vardia Middle School band played.", "Vardia")


def test_no_cue_for_a_country_use() -> None:
    assert not _use("The Vardia government signed the treaty.", "Vardia")
    assert not _use("Talks in Vardia ended on Monday.", "Vardia")
    assert not _use("The Vardia Man exhibition opened.", "Vardia")  # a title, not a person from there


def test_a_town_use_reads_the_town_and_its_other_mentions(gazetteer: Gazetteer) -> None:
    text = "Jane Roe, 52, Vardia, was arrested on Monday. Vardia Police said the arrest followed a traffic stop."
    found = readings(text, gazetteer, field="feature")
    assert found["Vardia"] == ("city", "US")
    found = readings("A Vardia woman was charged with theft on Monday.", gazetteer, "feature")
    assert found["Vardia"] == ("city", "US")


def test_a_country_stays_a_country_without_a_town_use(gazetteer: Gazetteer) -> None:
    assert readings("Talks in Vardia ended on Monday.", gazetteer, "feature")["Vardia"] == ("country", "VD")


def test_a_state_keeps_its_people(gazetteer: Gazetteer) -> None:
    # 'a Texas man' is the state's: only a country loses its prior
    assert readings("An Indiana man was arrested on Monday.", gazetteer, "feature")["Indiana"] == ("admin1", "US")


NATURAL_ROWS = [
    ("9100011", "Korvan", "Korvan", "", "36.0", "54.0", "P", "PPL", "IR", "", "23", "", "20000"),
    ("9100012", "Iran", "Iran", "", "32.0", "53.0", "A", "PCLI", "IR", "", "00", "", "85000000"),
    ("9100013", "Millbrook", "Millbrook", "", "42.2", "-88.9", "P", "PPL", "US", "", "IL", "", "30000"),
    ("9100014", "Illinois", "Illinois", "", "40.0", "-89.0", "A", "ADM1", "US", "", "IL", "", "12800000"),
]


@pytest.fixture(scope="module")
def natural_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(Path(tmp_path_factory.mktemp("natural")), NATURAL_ROWS)


def test_a_river_named_after_a_town_abroad_lies_where_the_text_is(natural_gazetteer: Gazetteer) -> None:
    # 'Korvan River' is no town in Iran in a text about Millbrook, Illinois
    text = "A body was found in the Korvan River near Millbrook, Illinois, on Monday."
    found = readings(text, natural_gazetteer)
    assert found["Korvan River"][1] == "US"


def test_a_lake_named_after_a_town_of_the_text_is_read_there(natural_gazetteer: Gazetteer) -> None:
    text = "Anglers gathered at Millbrook Lake on Saturday, police in Millbrook, Illinois, said."
    assert readings(text, natural_gazetteer)["Millbrook Lake"] == ("Millbrook", "US")


def test_a_name_ending_in_a_country_is_the_country(gazetteer: Gazetteer) -> None:
    from sitrep.geo.recognise import Recogniser, _capitalised_tokens

    recogniser = Recogniser(gazetteer)
    doc = load_nlp()("Leaders of the Movement for United Vardia met on Monday. Greater Millbrook - Vardia grew.")
    recogniser._caps = _capitalised_tokens(doc)
    united = next(t.i for t in doc if t.text == "United")
    assert doc[recogniser._country_ending(doc, united, united + 2)].text == "Vardia"
    # a list of places ('Central Africa - Nigeria') is left whole
    greater = next(t.i for t in doc if t.text == "Greater")
    assert recogniser._country_ending(doc, greater, greater + 4) == greater
