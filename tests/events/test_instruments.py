"""Cues naming a weapon, a base or a person: an event only when the thing takes part in one."""

from __future__ import annotations

import pytest

from sitrep.events.detect import EventDetector
from sitrep.events.instruments import idle_thing, is_thing
from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser


def _doc(nlp, text: str) -> Document:  # type: ignore[no-untyped-def]
    return Parser(nlp)(Document(article=Article.from_text(text)))


def _thing(nlp, text: str, word: str):  # type: ignore[no-untyped-def]
    parsed = nlp(text)
    token = next(t for t in parsed if t.lower_ == word)
    return parsed[token.i:token.i + 1]


@pytest.mark.parametrize("text", [
    "The university hired an expert in drone warfare to teach the new course.",
    "Hobbyists have long used drones to film weddings by the river.",
    "These are the most accurate missiles the navy owns.",
    "Neighbours had told the police about their fears of the young suicide bomber.",
])
def test_a_thing_named_in_passing_reports_no_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert EventDetector().match(_doc(nlp, text)) == []


@pytest.mark.parametrize(("text", "word"), [
    ("A drone struck a pickup truck near the border crossing on Monday.", "drone"),
    ("Insurgents fired mortars at the district compound overnight.", "mortars"),
    ("Two farmers were wounded by a landmine in a field outside the village.", "landmine"),
    ("A farmer stepped on a landmine near the village of Dara.", "landmine"),
    ("Police dispersed the protesters outside the ministry.", "protesters"),
])
def test_a_thing_that_takes_part_is_kept(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    span = _thing(nlp, text, word)
    assert is_thing(span)
    acts = {t.i for t in span.doc if t.lower_ == "dispersed"}
    assert not idle_thing(span, acts)


def test_the_victims_of_an_act_noun_take_part(nlp) -> None:  # type: ignore[no-untyped-def]
    span = _thing(nlp, "The opposition mourned the slaying of five demonstrators in the capital.", "demonstrators")
    slaying = {t.i for t in span.doc if t.lower_ == "slaying"}
    assert idle_thing(span) and not idle_thing(span, slaying)


def test_an_act_noun_is_no_thing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not is_thing(_thing(nlp, "The bombing wounded six people.", "bombing"))
