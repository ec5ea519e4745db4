"""Event cues over the parse: trigger words and phrases from data/events/cues.tsv.

A cue is matched on each token's lower-cased text or its lemma, so "blew himself up"
matches the phrase "blow himself up". Cues do two jobs: they pick the sentences
worth sending to the (costly) embedding model, and they become features of the
classifier, including a few combinations that separate look-alike sub-event types
(who captured a place; what the authorities did to a protest).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.resources import read_table

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

WILDCARD = "*"
EXACT = "="  # prefix: match the lower-cased text only, never the lemma
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True)
class CueHit:
    """One cue found in a sentence: token range [start, end) of the spaCy doc."""

    cue: str
    start: int
    end: int
    event: bool  # the phrase alone marks a possible event


@dataclass(frozen=True)
class _Phrase:
    cue: str
    words: tuple[str, ...]
    event: bool


@dataclass(frozen=True)
class CueLexicon:
    by_first: dict[str, tuple[_Phrase, ...]]
    cues: tuple[str, ...]  # every cue name, sorted: the order of the cue features


@functools.lru_cache(maxsize=1)
def lexicon() -> CueLexicon:
    by_first: dict[str, list[_Phrase]] = {}
    names = set()
    for row in read_table("events/cues.tsv"):
        words = tuple(row["phrase"].lower().split())
        if not words:
            continue
        phrase = _Phrase(row["cue"], words, row["event"] == "1")
        by_first.setdefault(words[0].lstrip(EXACT) or words[0], []).append(phrase)
        names.add(row["cue"])
    # Longest phrases first, so "suicide car bomb" is preferred to "car bomb" at the same token.
    return CueLexicon({k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in by_first.items()},
                      tuple(sorted(names)))


def _forms(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


def _word_matches(word: str, forms: tuple[str, str]) -> bool:
    if word == WILDCARD:
        return True
    if word.startswith(EXACT) and len(word) > 1:
        return word[1:] == forms[0]
    return word in forms


def find_cues(tokens: Iterable[Token]) -> list[CueHit]:
    """All cue phrases in ``tokens`` (a sentence: a spaCy Span or token list); one phrase may give several cues."""
    lex = lexicon()
    token_list = list(tokens)
    forms = [_forms(t) for t in token_list]
    offset = token_list[0].i if token_list else 0
    hits = []
    for i, (lower, lemma) in enumerate(forms):
        candidates = lex.by_first.get(lower, ()) + (lex.by_first.get(lemma, ()) if lemma != lower else ())
        seen: set[str] = set()
        for phrase in candidates:
            n = len(phrase.words)
            if phrase.cue in seen or i + n > len(forms):
                continue
            if all(_word_matches(w, forms[i + j]) for j, w in enumerate(phrase.words)):
                seen.add(phrase.cue)
                hits.append(CueHit(phrase.cue, offset + i, offset + i + n, phrase.event))
    return hits


def _subject_tokens(verb: Token) -> list[Token]:
    """Tokens of the grammatical agent of ``verb``: its subject, or the 'by' phrase of a passive."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent":
            found.extend(t for g in child.children for t in g.subtree)
        elif child.dep_ in SUBJECT_DEPS and child.dep_ != "nsubjpass":
            found.extend(child.subtree)
    # "X said it had captured ...": a pronoun subject (or none) stands for the subject of the verb above.
    if all(t.pos_ == "PRON" for t in found) and verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") \
            and verb.head is not verb:
        return _subject_tokens(verb.head) or found
    return found


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
PEOPLE_ENTITIES = frozenset({"PERSON", "NORP"})


def object_kind(sent: SpacySpan, trigger: CueHit, hits: Sequence[CueHit]) -> str | None:
    """'place' or 'people' for what a capture verb takes ("captured the town" vs "captured 3 fighters"):
    only the first is a change of territory."""
    verb = sent.doc[trigger.start]
    tokens = [t for child in verb.children if child.dep_ in ("dobj", "nsubjpass") for t in child.subtree]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    cues = {h.cue for h in hits if h.start in inside}
    ents = {t.ent_type_ for t in tokens}
    if "territory_place" in cues or ents & PLACE_ENTITIES:
        return "place"
    if cues & set(ACTOR_KINDS) or ents & PEOPLE_ENTITIES or any(t.like_num for t in tokens):
        return "people"
    return None


# Actor cues and the kind of actor each stands for.
ACTOR_KINDS = {"state_actor": "state", "nonstate_actor": "nonstate", "crowd_actor": "crowd",
               "civilian_actor": "civilian"}
# Trigger cues whose agent tells sub-event types apart: who captured a place (government or not). Agent
# features for the protest cues were tried and lowered CASE 2021 5-fold CV (0.833 -> 0.815-0.823 weighted
# F1): the agent fallback (nearest actor before the trigger) is often the wrong party in protest reports.
AGENT_TRIGGERS = ("territory",)
# Trigger cues whose patient tells them apart: police killing protesters is excessive force against a
# protest, protesters killing someone is a riot or mob violence.
PATIENT_TRIGGERS = ("protest_intervene", "protest_lethal", "kill")
# Verbs whose subject is the one who suffers ("four protesters died").
UNACCUSATIVE = frozenset({"die", "perish", "succumb"})


def agent_kind(sent: SpacySpan, trigger: CueHit, hits: Sequence[CueHit]) -> str | None:
    """Kind of the actor that performs ``trigger`` (see ACTOR_KINDS), from the parse; else the nearest
    actor cue before the trigger (news leads are mostly 'X captured Y')."""
    doc = sent.doc
    subject = {t.i for t in _subject_tokens(doc[trigger.start])}
    actors = [h for h in hits if h.cue in ACTOR_KINDS and not (trigger.start <= h.start < trigger.end)]
    for hit in actors:
        if hit.start in subject:
            return ACTOR_KINDS[hit.cue]
    if subject:
        return None
    before = [h for h in actors if h.end <= trigger.start]
    if before:
        return ACTOR_KINDS[max(before, key=lambda h: h.start).cue]
    return None


def _patient_tokens(verb: Token) -> list[Token]:
    """Who undergoes ``verb``: its object, passive subject, 'on'/'at' object ('fired on the crowd'), or
    the subject of a verb like 'die'."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "nsubj" and verb.lemma_ in UNACCUSATIVE):
            found.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("on", "at", "against"):
            found.extend(t for g in child.children for t in g.subtree)
    return found


def patient_kind(sent: SpacySpan, trigger: CueHit, hits: Sequence[CueHit]) -> str | None:
    """Kind of the actor that undergoes ``trigger`` (see ACTOR_KINDS), from the parse only."""
    inside = {t.i for t in _patient_tokens(sent.doc[trigger.start])}
    kinds = [ACTOR_KINDS[h.cue] for h in hits if h.cue in ACTOR_KINDS and h.start in inside]
    return kinds[0] if kinds else None


# Combined cues: a name and the pair of cues that must co-occur in the text.
PAIRS: dict[str, tuple[str, str]] = {
    "protest+intervene": ("protest", "protest_intervene"),
    "protest+lethal": ("protest", "protest_lethal"),
    "protest+riot": ("protest", "protest_riot"),
    "protest+kill": ("protest", "kill"),
    # Intervention beside protesters' violence or lethal force: police action is in most reports of riots and
    # of killings at protests, so it alone must not make them "protest with intervention" (issue #9).
    "riot+intervene": ("protest_riot", "protest_intervene"),
    "lethal+intervene": ("protest_lethal", "protest_intervene"),
    # A protest called peaceful beside force used on it: ACLED's excessive force is violence against a peaceful
    # protest, and reports of it stress that the protest was peaceful ("violently dispersed peaceful protesters").
    "peaceful+intervene": ("protest_peaceful", "protest_intervene"),
    "peaceful+lethal": ("protest_peaceful", "protest_lethal"),
    "territory+place": ("territory", "territory_place"),
    "withdraw+place": ("territory_withdraw", "territory_place"),
}
KINDS = tuple(sorted(set(ACTOR_KINDS.values())))
AGENT_FEATURES = tuple(f"{cue}:{kind}" for cue in AGENT_TRIGGERS for kind in KINDS) \
    + ("territory:place", "territory:people") + tuple(f"{cue}>{kind}" for cue in PATIENT_TRIGGERS for kind in KINDS)


def feature_names() -> tuple[str, ...]:
    return lexicon().cues + tuple(PAIRS) + AGENT_FEATURES


@dataclass
class CueFeatures:
    """Which cue features fire for a text (a sentence or a whole snippet)."""

    names: set[str]

    @classmethod
    def from_sentences(cls, sents: Sequence[SpacySpan], hits_per_sent: Sequence[Sequence[CueHit]]) -> CueFeatures:
        names: set[str] = set()
        for sent, hits in zip(sents, hits_per_sent, strict=True):
            names.update(h.cue for h in hits)
            for hit in hits:
                if hit.cue in AGENT_TRIGGERS:
                    kind = agent_kind(sent, hit, hits)
                    if kind:
                        names.add(f"{hit.cue}:{kind}")
                if hit.cue in PATIENT_TRIGGERS:
                    kind = patient_kind(sent, hit, hits)
                    if kind:
                        names.add(f"{hit.cue}>{kind}")
                if hit.cue == "territory":
                    taken = object_kind(sent, hit, hits)
                    if taken:
                        names.add(f"territory:{taken}")
        for pair, (a, b) in PAIRS.items():
            if a in names and b in names:
                names.add(pair)
        return cls(names)

    def vector(self) -> list[float]:
        return [1.0 if name in self.names else 0.0 for name in feature_names()]
