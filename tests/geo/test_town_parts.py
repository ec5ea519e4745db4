"""Sides and neighbourhoods of the text's town are placed in it, not in a namesake elsewhere
(data/geo/town_parts.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.lexicon import announces_neighbourhood, part_of_town

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
