"""A town the small NER model tags DATE ('to death in Sokoto. 1 fatality') is still scanned as a place; a real
date word is not. The entity labels are set by hand, as the model would give them; the places are a tiny
gazetteer in GeoNames dump format (ids made up)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.recognise import Recogniser
from sitrep.pipeline.nlp import load_nlp
from tests.geo.conftest import build_gazetteer

PLACES = [
    ("9600001", "Kalumbo", "Kalumbo", "", "13.06", "5.24", "P", "PPLA", "NG", "", "51", "", "900000"),
    ("9600002", "March", "March", "", "52.55", "0.09", "P", "PPL", "GB", "", "ENG", "", "22000"),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return build_gazetteer(tmp_path_factory.mktemp("date_labels"), PLACES)


def scanned(text: str, dated: str, gazetteer: Gazetteer) -> list[str]:
    doc = load_nlp()(text)
    start = text.index(dated)
    span = doc.char_span(start, start + len(dated))
    assert span is not None
    doc.ents = [SpacySpan(doc, span.start, span.end, label="DATE")]
    return [m.text for m in Recogniser(gazetteer)(doc)]


def test_a_town_tagged_as_a_date_is_scanned(gazetteer: Gazetteer) -> None:
    assert "Kalumbo" in scanned("A mob beat a man to death in Kalumbo. 1 fatality.", "Kalumbo", gazetteer)


def test_a_month_tagged_as_a_date_is_no_place(gazetteer: Gazetteer) -> None:
    assert "March" not in scanned("The talks resumed in March after a long pause.", "March", gazetteer)
