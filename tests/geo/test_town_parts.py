"""Sides and neighbourhoods of the text's town are placed in it, not in a namesake elsewhere
(data/geo/town_parts.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.lexicon import announces_neighbourhood, part_of_town
from sitrep.geo.recognise import Recogniser
from sitrep.geo.resolve import Resolver
from sitrep.pipeline.nlp import load_nlp

from .conftest import build_gazetteer, resolved

ROWS = [
    ("9100001", "United States", "United States", "USA", "39.76", "-98.5", "A", "PCLI", "US", "", "00", "",
     "330000000"),
    ("9100002", "Illinois", "Illinois", "", "40.0", "-89.0", "A", "ADM1", "US", "", "IL", "", "12800000"),
    ("9100003", "Pennsylvania", "Pennsylvania", "", "40.9", "-77.8", "A", "ADM1", "US", "", "PA", "", "13000000"),
    ("9100004", "Ohio", "Ohio", "", "40.25", "-82.75", "A", "ADM1", "US", "", "OH", "", "11800000"),
    ("9100010", "Harborton", "Harborton", "", "41.9", "-87.6", "P", "PPL", "US", "", "IL", "", "800000"),
    # a borough that GeoNames also calls "West Side", and a town named like one of Harborton's neighbourhoods
    ("9100011", "Westfield Borough", "Westfield Borough", "West Side", "40.2", "-79.8", "P", "PPL", "US", "",
     "PA", "", "2500"),
    ("9100012", "Elmwood", "Elmwood", "", "40.0", "-82.0", "P", "PPL", "US", "", "OH", "", "20000"),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(Path(tmp_path_factory.mktemp("parts")), ROWS)


def _places(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    return {r.mention.text: r.entry.name for r in resolved(text, gazetteer) if r.entry is not None}


def test_the_words() -> None:
    assert part_of_town("West Side") and part_of_town("the Near North Side") and part_of_town("Southside")
    assert not part_of_town("Westfield") and not part_of_town("Side")
    assert announces_neighbourhood(" neighborhood on Sunday") and announces_neighbourhood(" neighbourhoods")
    assert not announces_neighbourhood(" area")


def test_a_side_and_a_neighbourhood_lie_in_the_texts_town(gazetteer: Gazetteer) -> None:
    places = _places("HARBORTON — Two men were shot on the West Side in the Elmwood neighborhood Sunday night, "
                     "police said.", gazetteer)
    assert places == {"HARBORTON": "Harborton", "West Side": "Harborton", "Elmwood": "Harborton"}


def test_a_neighbourhood_named_in_its_own_state_keeps_its_town(gazetteer: Gazetteer) -> None:
    places = _places("A man was wounded in the Elmwood neighborhood on Friday, Ohio police said.", gazetteer)
    assert places["Elmwood"] == "Elmwood"


def test_a_neighbourhood_of_a_named_town_is_in_that_town(gazetteer: Gazetteer) -> None:
    # 'an Elmwood neighborhood' is a neighbourhood *of* Elmwood, whatever town the text is about
    places = _places("HARBORTON — Police searched an Elmwood neighborhood on Sunday.", gazetteer)
    assert places["Elmwood"] == "Elmwood"


# A town of Harborton's state some 400 km off, one 20 km off, and namesakes of a town in two states
FAR_ROWS = [
    *ROWS,
    ("9100013", "Lakeview", "Lakeview", "", "38.6", "-90.1", "P", "PPL", "US", "", "IL", "", "4000"),
    ("9100014", "Brookdale", "Brookdale", "", "41.8", "-87.8", "P", "PPL", "US", "", "IL", "", "20000"),
    ("9100015", "Missouri", "Missouri", "", "38.4", "-92.5", "A", "ADM1", "US", "", "MO", "", "6000000"),
    ("9100016", "Ridgeton", "Ridgeton", "", "39.1", "-94.6", "P", "PPL", "US", "", "MO", "", "150000"),
    ("9100017", "Ridgeton", "Ridgeton", "", "41.0", "-81.0", "P", "PPL", "US", "", "OH", "", "400000"),
    ("9100018", "Pineford", "Pineford", "", "40.5", "-82.5", "P", "PPL", "US", "", "OH", "", "3000"),
    ("9100019", "Indiana", "Indiana", "", "40.0", "-86.1", "A", "ADM1", "US", "", "IN", "", "6700000"),
    # across the state line from Harborton, and a smaller namesake far off in Harborton's own state
    ("9100020", "Gansford", "Gansford", "", "41.6", "-87.4", "P", "PPL", "US", "", "IN", "", "80000"),
    ("9100021", "Gansford", "Gansford", "", "38.0", "-89.0", "P", "PPL", "US", "", "IL", "", "9000"),
]


@pytest.fixture(scope="module")
def far_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(Path(tmp_path_factory.mktemp("far")), FAR_ROWS)


def test_a_neighbourhood_named_like_a_far_town_of_the_same_state_lies_in_the_texts_town(
        far_gazetteer: Gazetteer) -> None:
    text = ("HARBORTON — Three men were hurt in the Lakeview neighborhood on Friday. "
            "Police said the Lakeview shooting followed a fight.")
    assert {m: p for m, p in _places(text, far_gazetteer).items() if m == "Lakeview"} == {"Lakeview": "Harborton"}
    assert all(r.entry is not None and r.entry.name == "Harborton"
               for r in resolved(text, far_gazetteer) if r.mention.text == "Lakeview")


def test_a_neighbourhood_named_like_a_town_beside_the_texts_town_keeps_that_town(far_gazetteer: Gazetteer) -> None:
    places = _places("HARBORTON — Two men were hurt in the Brookdale neighborhood on Friday.", far_gazetteer)
    assert places["Brookdale"] == "Brookdale"


def test_a_compass_side_of_a_great_town_is_that_town(far_gazetteer: Gazetteer) -> None:
    places = _places("Two men were shot on Sunday night in Southwest Harborton, police said.", far_gazetteer)
    assert places.get("Southwest Harborton") == "Harborton"


def test_a_town_written_once_with_its_state_is_that_town_wherever_it_is_written_bare(
        far_gazetteer: Gazetteer) -> None:
    # an outlet in Ohio's Ridgeton favours its own town; the dateline says which one the text is about
    text = "RIDGETON, Missouri (AP) — Three men were killed last week in Ridgeton, police said."
    mentions = Recogniser(far_gazetteer)(load_nlp()(text))
    station = next(h.entry for h in far_gazetteer.lookup("Ridgeton") if h.entry.admin1_code == "US.OH")
    found = [(r.mention.text, r.entry.admin1_code)
             for r in Resolver(far_gazetteer)(mentions, text, "US", "US.OH", station) if r.entry is not None]
    assert ("Ridgeton", "US.MO") in found and ("Ridgeton", "US.OH") not in found


def test_a_town_written_with_a_state_that_holds_no_town_of_its_name_lies_in_that_state(
        far_gazetteer: Gazetteer) -> None:
    # the gazetteer knows only an Ohio Pineford: the Missouri one is a town it lacks, placed in Missouri, and so is
    # the text's bare 'Pineford'
    text = "Pineford, Missouri — Deputies were called to a home in Pineford on Tuesday, police said."
    found = {(r.mention.text, r.entry.name) for r in resolved(text, far_gazetteer, "US")
             if r.mention.text == "Pineford"}
    assert found == {("Pineford", "Missouri")}


def test_a_town_of_the_outlets_market_across_a_state_line_is_read_before_a_far_namesake_in_its_state(
        far_gazetteer: Gazetteer) -> None:
    text = "Five people were shot at a home in Gansford on Monday, police said."
    station = next(h.entry for h in far_gazetteer.lookup("Harborton"))
    mentions = Recogniser(far_gazetteer)(load_nlp()(text))
    found = {r.mention.text: r.entry.admin1_code
             for r in Resolver(far_gazetteer)(mentions, text, "US", "US.IL", station) if r.entry is not None}
    assert found == {"Gansford": "US.IN"}
