"""Materiel seized, destroyed or found: '... including 1870 humvees' -> vehicle / humvee / 1870 / seized.

An equipment word (materiel.tsv, also as the last word of a multi-word item such as 'rocket-propelled
grenades') is tied to the nearest verb above it in the parse whose lemma reports what happened to it
(materiel_actions.tsv): 'seized the equipment, including 1870 humvees', 'destroyed two tanks',
'captured weapons and ammunition', 'a weapons cache was found'.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.quantities.lexicon import MaterielWord, materiel_actions, materiel_words
from sitrep.quantities.noun_counts import SINGULAR_DETERMINERS, NumberIndex, is_negated

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

MAX_CLIMB = 6  # heads walked up from the item to its verb: 'seized X, including 1870 humvees' needs 4
# Dependencies an item may hang from on its way up to the verb: noun-phrase internals and coordination.
PASSABLE = frozenset({"dobj", "obj", "nsubjpass", "pobj", "prep", "conj", "appos", "compound", "nmod", "npadvmod",
                      "attr", "dep", "acl"})


@dataclass(frozen=True)
class MaterielFigure:
    word: MaterielWord
    action: str
    count: int | None
    start: int
    end: int


@dataclass(frozen=True)
class _ItemMatch:
    word: MaterielWord
    first: int  # index of the item's first token ('rocket' in 'rocket-propelled grenades')


@functools.lru_cache(maxsize=1)
def _item_endings() -> frozenset[str]:
    """Every ending of an item's name: a phrase can only end at a token whose text is one of these
    (tested first, so most tokens skip the phrase look-ups and the costly ``token.sent``)."""
    return frozenset(word[k:] for word in materiel_words() for k in range(len(word)))


def _item(token: Token) -> _ItemMatch | None:
    """The item a token ends; multi-word items are tried first."""
    doc = token.doc
    words = materiel_words()
    for n in (4, 3, 2) if token.lower_ in _item_endings() else ():
        if token.i - n + 1 >= token.sent.start:
            phrase = doc[token.i - n + 1:token.i + 1].text.lower()
            if phrase in words:
                return _ItemMatch(words[phrase], token.i - n + 1)
    word = words.get(token.lower_)
    return _ItemMatch(word, token.i) if word else None


# Verbs an item may sit under on its way to the real action: 'seized the equipment, including 1870 humvees'.
LISTING_VERBS = frozenset({"include", "contain", "comprise"})


def _modifier_action(node: Token) -> str | None:
    """'captured weapons', 'the seized rifles': a participle modifying the item tells the action."""
    for child in node.children:
        if child.dep_ in ("amod", "acl") and child.tag_ == "VBN":
            action = materiel_actions().get(child.lemma_.lower())
            if action is not None:
                return action
    return None


def _verb_action(verb: Token) -> str | None:
    """'shot down' (lemma and particle) before 'shoot', which alone reports no harm to equipment."""
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    actions = materiel_actions()
    for particle in particles:
        if f"{lemma} {particle}" in actions:
            return actions[f"{lemma} {particle}"]
    return actions.get(lemma)


def _action(token: Token) -> str | None:
    node = token
    for _ in range(MAX_CLIMB):
        modifier = _modifier_action(node)
        if modifier is not None:
            return modifier
        head = node.head
        if head.i == node.i:
            return None
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in LISTING_VERBS and node.dep_ == "pobj":
            node = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            action = _verb_action(head)
            if action is None or any(c.dep_ == "neg" for c in head.children):
                return None
            return action
        if node.dep_ not in PASSABLE:
            return None
        node = head
    return None


# Words that open a list of what a general item held: 'the equipment, including 1870 humvees'.
LIST_OPENERS = frozenset({"including", "include", "includes", "like", "such", "among"})


def _count(token: Token, first: int, word: MaterielWord, numbers: NumberIndex) -> int | None:
    number = numbers.first_within(token.left_edge.idx, token.doc[first].idx)
    if number is not None:
        return number.value
    # A mass noun ('the equipment', 'the ammunition') is no single item, whatever its determiner.
    if (token.tag_ == "NN" and not word.mass
            and any(c.dep_ == "det" and c.lower_ in SINGULAR_DETERMINERS for c in token.children)):
        return 1
    return None


def _lists(general: Token, item: Token) -> bool:
    """Whether ``item`` sits in a list hanging from ``general`` ('the equipment, including 1870 humvees')."""
    node = item
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i:
            return False
        if node.lower_ in LIST_OPENERS and node.head.i == general.i:
            return True
        node = node.head
    return False


def read_materiel(sentence: SpacySpan, numbers: NumberIndex) -> list[MaterielFigure]:
    found = _read_items(sentence, numbers)
    # A countless general item whose contents are listed is told by them: 'seized the equipment,
    # including 1870 humvees' records the humvees, not also one 'equipment'.
    return [figure for token, figure in found
            if figure.count is not None or not any(_lists(token, other) for other, _ in found if other is not token)]


def _read_items(sentence: SpacySpan, numbers: NumberIndex) -> list[tuple[Token, MaterielFigure]]:
    figures: list[tuple[Token, MaterielFigure]] = []
    endings = _item_endings()
    for token in sentence:
        # A word that ends no item's name is no item (``_item`` is None): skip the tests below first.
        if token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in endings or is_negated(token):
            continue
        if token.dep_ == "compound" and _item(token.head) is not None:
            continue  # 'weapons cache': the cache is the item, 'weapons' says what is in it
        if token.dep_ == "pobj" and token.head.lower_ == "of" and _item(token.head.head) is not None:
            continue  # '200 rounds of ammunition', 'a cache of weapons': the first word is counted
        found = _item(token)
        if found is None:
            continue
        word, first = found.word, found.first
        action = _action(token)
        if action is None:
            continue
        start = min(token.left_edge.idx, token.doc[first].idx)
        figures.append((token, MaterielFigure(word, action, _count(token, first, word, numbers), start,
                                              token.idx + len(token.text))))
    return figures
