"""Deaths asked about, and deaths after wounds (invented sentences; loads the spaCy model once)."""

from __future__ import annotations

import pytest

from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser
from sitrep.quantities.extract import QuantityExtractor

pytestmark = pytest.mark.slow


def mentions(nlp, text: str):  # type: ignore[no-untyped-def]
    return QuantityExtractor().match(Parser(nlp)(Document(article=Article.from_text(text)))).quantities


def body(nlp, text: str) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(m.quantity.kind, m.quantity.value) for m in mentions(nlp, text)]


def test_a_question_whether_someone_died_counts_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    assert body(nlp, "Officers could not say if the driver had died.") == []
    assert body(nlp, '"We don\'t know if he\'s dead or alive," his sister said.') == []
    assert body(nlp, "It was unclear whether anyone was injured.") == []
    assert body(nlp, "If he dies, the charge will be murder.") == []
    assert body(nlp, "The driver died at the scene.") == [("killed", 1)]


def test_a_death_after_wounds_is_marked(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("A third victim died in hospital on Sunday.", "The cyclist later died.",
                 "The boy succumbed to his injuries on Monday.", "She was pronounced dead at the hospital."):
        found = mentions(nlp, text)
        assert [m.quantity.kind for m in found] == ["killed"] and found[0].after_wounds, text
    assert not mentions(nlp, "Gunmen killed two men at the market.")[0].after_wounds


def test_the_dead_told_wounded_in_the_same_sentence_died_of_their_wounds(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("A 15-year-old girl who was seriously wounded in a shooting in Brookdale on Friday died on Sunday.",
                 "The wounded clerk died on Tuesday."):
        found = {m.quantity.kind: m for m in mentions(nlp, text)}
        assert set(found) == {"injured", "killed"} and found["killed"].after_wounds, text
    # The dead and the wounded told apart are other people.
    found = mentions(nlp, "A gunman killed a guard and wounded a cashier at the bank.")
    assert not any(m.after_wounds for m in found)


def test_an_unborn_child_is_in_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    assert body(nlp, "The gunfire killed four adults and an unborn child in Harlow.") == [("killed", 4)]
    assert body(nlp, "A pregnant woman was wounded and her unborn baby was killed.") == [("injured", 1)]


def test_hurt_in_a_quote_is_a_feeling_unless_passive(nlp) -> None:  # type: ignore[no-untyped-def]
    assert body(nlp, '"It has hurt our family," the pastor said.') == []
    assert body(nlp, '"Every day I think of him hurting my son," the mother said.') == []
    assert body(nlp, '"Two men were hurt," the sergeant said.') == [("injured", 2)]
    assert body(nlp, "The blast hurt two men.") == [("injured", 2)]
