"""The wounded told beside the dead (issue #9, eighth session): a person hit who survived is one of the wounded, and
people told only by pronouns are one person (hand-built documents and figures; invented texts)."""

from __future__ import annotations

from sitrep.events.assemble import survivors_wounded
from sitrep.events.fields import injured_count, summarise
from sitrep.model import Article, Count, Quantity, QuantityMention, make_span
from sitrep.pipeline.document import Document

SENTENCES = ["A man was shot and killed outside the diner on Pine Street.",
             "His cousin was also shot in the chest but survived.",
             "A woman was shot in the arm and treated and released.",
             "A third man was shot and died at the hospital."]


def make_doc() -> Document:
    doc = Document(article=Article.from_text(" ".join(SENTENCES)))
    at = 0
    for sentence in SENTENCES:
        doc.sentences.append(doc.span(at, at + len(sentence)))
        at += len(sentence) + 1
    return doc


def figure(doc: Document, sent: int, kind: str, words: str, hit: bool) -> QuantityMention:
    start = doc.text.index(words)
    quantity = Quantity(kind=kind, value=1, span=doc.span(start, start + len(words)))  # type: ignore[arg-type]
    return QuantityMention(sent, quantity, hit)


def test_a_person_hit_who_survived_is_one_of_the_wounded() -> None:
    doc = make_doc()
    own = [figure(doc, 0, "killed", "A man", False), figure(doc, 1, "injured", "His cousin", True),
           figure(doc, 2, "injured", "A woman", True)]
    kept = survivors_wounded(doc, own)
    assert [q.hit for q in kept] == [False, False, False]
    dead = summarise([own[0].quantity])
    # Before: one hit less one dead gave no wounded at all.
    assert not injured_count([], [q.quantity for q in own if q.hit], dead).best
    assert injured_count([q.quantity for q in kept if q.quantity.kind == "injured"], [], dead).best == 1


def test_a_person_hit_in_a_sentence_that_tells_a_death_stays_hit() -> None:
    doc = make_doc()
    own = [figure(doc, 3, "injured", "A third man", True), figure(doc, 3, "killed", "A third man", False)]
    assert [q.hit for q in survivors_wounded(doc, own)] == [True, False]


TEXT = "He shot himself in the leg. He was taken to the hospital, police said."


def pronoun(words: str, about: str | None, after: int = 0) -> Quantity:
    start = TEXT.index(words, after)
    return Quantity(kind="injured", value=1, span=make_span(TEXT, start, start + len(words)), about=about)  # type: ignore[arg-type]


def test_pronouns_read_as_about_different_groups_are_one_person() -> None:
    hit = [pronoun("himself", "?unresolved"), pronoun("He", "Police Forces", after=20)]
    assert injured_count([], hit, Count()).best == 1
