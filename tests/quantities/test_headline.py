"""Figures the headline states, read as spans of the title (invented headlines; loads the spaCy model once)."""

from __future__ import annotations

import pytest

from sitrep.ingest.headline import headline, headline_end, sentence_case
from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser
from sitrep.quantities.extract import QuantityExtractor

pytestmark = pytest.mark.slow

BODY = "Police said the shooting happened late on Friday near a bar on Elm Street."


def headline_figures(nlp, title: str, body: str = BODY) -> list[tuple[str, int, bool, str]]:  # type: ignore[no-untyped-def]
    doc = Parser(nlp)(Document(article=Article.from_text(body, title=title)))
    found = QuantityExtractor().match(doc).headline
    for m in found:  # grounded in the title
        assert m.quantity.span.field == "title"
        assert title[m.quantity.span.start:m.quantity.span.end] == m.quantity.span.text
    return sorted((m.quantity.kind, m.quantity.value, m.hit, m.quantity.span.text) for m in found)


def test_the_headline_is_cut_before_the_outlets_name() -> None:
    title = "Two hurt in Brookfield crash - WXYZ Channel 9 | Brookfield News"
    assert headline(title) == "Two hurt in Brookfield crash"
    assert headline_end("Storm closes schools") == len("Storm closes schools")


def test_title_case_is_lowered_keeping_offsets_and_capitals() -> None:
    title = "Man Killed, 3 Wounded At ATM In Riverton"
    folded = sentence_case(title)
    assert folded == "Man killed, 3 wounded at ATM in riverton" and len(folded) == len(title)
    assert sentence_case("Two hurt in Riverton") == "Two hurt in Riverton"


def test_counts_in_words_and_digits(nlp) -> None:  # type: ignore[no-untyped-def]
    assert headline_figures(nlp, "One Dead, Four Wounded In Riverton Shooting - Valley Star") == [
        ("injured", 4, False, "Four"), ("killed", 1, False, "One")]
    assert headline_figures(nlp, "1 dead, 2 hurt at Maple Avenue party") == [
        ("injured", 2, False, "2"), ("killed", 1, False, "1")]


def test_telegraphic_figures_without_the_verb_to_be(nlp) -> None:  # type: ignore[no-untyped-def]
    assert headline_figures(nlp, "5 shot on Birch Road, 2 die") == [("injured", 5, True, "5"), ("killed", 2, False, "2")]
    assert headline_figures(nlp, "Six people shot outside Lakeview tavern") == [("injured", 6, True, "Six people")]
    assert headline_figures(nlp, "7 Shot, 1 Fatally, At Harbor Street Party") == [
        ("injured", 7, True, "7"), ("killed", 1, False, "1")]


def test_a_person_named_by_a_noun_and_an_age_is_one(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("killed", 1) in [(k, v) for k, v, _, _ in headline_figures(nlp, "Man, 23, killed in Oakdale shooting")]
    assert headline_figures(nlp, "Teen shot and killed near Pine Park") == [("killed", 1, False, "Teen")]


def test_an_adverb_before_the_word_and_a_fatal_one(nlp) -> None:  # type: ignore[no-untyped-def]
    assert headline_figures(nlp, "Toddler accidentally shot in hand at Elm Street home") == [
        ("injured", 1, True, "Toddler")]
    assert headline_figures(nlp, "Teen fatally shot outside Riverton store") == [("killed", 1, False, "Teen")]
    assert headline_figures(nlp, "Man mortally wounded in Oakdale") == [("killed", 1, False, "Man")]


def test_lists_of_people_add_up(nlp) -> None:  # type: ignore[no-untyped-def]
    assert headline_figures(nlp, "3 adults, 2 children killed in Ashford fire") == [
        ("killed", 5, False, "3 adults, 2 children")]


def test_no_figure_from_an_arrest_or_an_active_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    assert headline_figures(nlp, "Third suspect arrested in Oakdale robbery") == []
    assert headline_figures(nlp, "Council votes 5-2 on Riverton budget") == []



def test_a_multiple_counts_an_incidents_victims(nlp) -> None:  # type: ignore[no-untyped-def]
    assert headline_figures(nlp, "Double shooting on Birch Road under investigation") == [
        ("injured", 2, True, "Double shooting")]
    assert headline_figures(nlp, "Police: triple homicide in Oakdale home") == [("killed", 3, False, "triple homicide")]
    # A figure the headline writes for the category stands; the multiple fills the other.
    assert headline_figures(nlp, "One dead in quadruple shooting near Lakeview college") == [
        ("injured", 4, True, "quadruple shooting"), ("killed", 1, False, "One")]


def test_a_bare_number_after_a_counted_noun_is_no_second_group(nlp) -> None:  # type: ignore[no-untyped-def]
    # a weekend round-up: 12 places were scenes of shootings, 5 people died
    figures = headline_figures(nlp, "Bloody weekend in Riverton: 12 scenes, 5 dead, 9 hurt")
    assert [(kind, value) for kind, value, _, _ in figures if kind == "killed"] == [("killed", 5)]


def test_a_place_opened_by_outside_closes_the_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    assert headline_figures(nlp, "Four people shot outside bar in Riverton Township") == [
        ("injured", 4, True, "Four people")]


def test_people_joined_one_by_one_are_added_up(nlp) -> None:  # type: ignore[no-untyped-def]
    # A conjunct without an article or a number of its own is one more person, an age with each.
    assert headline_figures(nlp, "3-year-old girl and 23-year-old woman wounded in Riverton") == [
        ("injured", 2, False, "3-year-old girl and 23-year-old woman")]
    assert headline_figures(nlp, "Man, woman and boy wounded in Riverton shooting") == [
        ("injured", 3, False, "Man, woman and boy")]


def test_a_headlines_unborn_child_is_in_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [f[:2] for f in headline_figures(nlp, "Pregnant woman's unborn baby killed in Harlow drive-by")] == []
