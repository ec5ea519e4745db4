"""Cues that name a thing or a person rather than an act: do they take part in an event here?

"Drone", "missile", "bomb", "suicide bomber" or "protesters" are event cues, but a sentence that only
names them reports no event unless they do something or something is done with them: "a roadside bomb
struck a convoy", "militants fired mortars", "killed by a missile", "protesters gathered". Technology
pieces, analysis and background ("an expert in drone warfare", "criminals use drones", "these are precision
missiles", "locals warned police about the suicide bomber") name the thing and report nothing. The words
are in data/events/instruments.tsv.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from sitrep.resources import read_kinds

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
# Links that make a word part of a bigger noun phrase whose head decides its role.
NOUN_PHRASE = frozenset({"compound", "amod", "nmod", "conj", "appos"})
MAX_STEPS = 6


def _words() -> dict[str, frozenset[str]]:
    return read_kinds("events/instruments.tsv")


def _kind(kind: str) -> frozenset[str]:
    return _words().get(kind, frozenset())


def is_stray_fire(token: Token) -> bool:
    """'bullets' in "wounded by stray bullets": what hit people, naming nobody who fired."""
    return token.lemma_.lower() in _kind("stray_fire")


def is_thing(span: SpacySpan) -> bool:
    """The cue phrase names a weapon, platform, facility or agent (its head word is a noun in the list)."""
    root = span.root
    # "anti-drone" is tagged an adjective: it still names the thing.
    return root.pos_ in ("NOUN", "PROPN", "ADJ") and root.lemma_.lower() in _kind("thing")


def _phrase_head(token: Token) -> Token:
    """The head of the noun phrase ``token`` sits in ("drone" in "drone warfare" -> "warfare";
    "bombers" in "gunmen and suicide bombers" -> "gunmen"; "gas" in "munitions containing gas" ->
    "munitions")."""
    for _ in range(MAX_STEPS):
        head = token.head
        if head is token:
            break
        if token.dep_ in NOUN_PHRASE and head.pos_ in ("NOUN", "PROPN"):
            token = head
        elif token.dep_ == "dobj" and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            token = head.head
        else:
            break
    return token


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def takes_part(token: Token, acts: Collection[int] = ()) -> bool:
    """Whether the thing named by ``token`` does something or has something done with it; ``acts`` are the
    token indices of the sentence's act cues ("the slaying of seven demonstrators", "dispersed protesters")."""
    head = _phrase_head(token)
    governor = head.head
    lemma = governor.lemma_.lower()
    if head.dep_ in SUBJECTS:
        return _is_verb(governor) and lemma not in _kind("copula")
    if head.dep_ == "dobj":
        return lemma in _kind("use_verb") or governor.i in acts
    if head.dep_ == "pobj" and governor.dep_ in ("prep", "agent"):
        return (governor.lower_ in _kind("place_prep") and _is_verb(governor.head)) or governor.head.i in acts
    return False


def idle_thing(span: SpacySpan, acts: Collection[int] = ()) -> bool:
    """True for a cue that names a thing or person taking part in no event in its sentence."""
    return is_thing(span) and not takes_part(span.root, acts)
