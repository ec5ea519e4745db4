"""Phrase matching of the actor dictionary over a parsed article.

Two spaCy PhraseMatchers are built once per vocabulary: one on LOWER for names and phrases, one on ORTH
for capitalised acronyms (so the militia "PDF" is not the file type "pdf"). Matching is a single pass in
compiled code, whatever the size of the dictionary; the longest match wins where matches overlap.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.actors.dictionary import (
    actor_entries,
    alias_forms,
    countries,
    generic_entries,
    is_acronym,
    joint_phrases,
    variants,
)

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

# Match keys: a kind letter and an index into the table the phrase came from.
ALIAS, LEADER, GENERIC, JOINT, COUNTRY = "A", "L", "G", "J", "C"


@dataclass
class PhraseHit:
    """One matched token range and every dictionary key that matched it (an alias may be shared)."""

    start: int  # token index
    end: int
    keys: list[tuple[str, str]] = field(default_factory=list)  # (kind, index or iso2)
    weak: bool = False  # matched only by phrases without a capitalised word


@dataclass
class Matchers:
    lower: PhraseMatcher
    orth: PhraseMatcher
    weak: frozenset[tuple[str, str, str]]  # (kind, index, lower-cased phrase) pairs that are weak
    # An alias's lower-cased tokens, space-joined -> its keys: the phrases a coordinated name stands for
    # ('Fulani' in 'Fulani and Tiv militias' is 'Fulani militias'), looked up rather than matched.
    aliases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def _phrases() -> list[tuple[str, str, str]]:
    """(kind, index, phrase) for everything the dictionary can match."""
    out: list[tuple[str, str, str]] = []
    for i, entry in enumerate(actor_entries()):
        out += [(ALIAS, str(i), v) for a in entry.aliases for v in alias_forms(a)]
        out += [(LEADER, str(i), v) for a in entry.leaders for v in variants(a)]
    for i, generic in enumerate(generic_entries()):
        out += [(GENERIC, str(i), p) for p in generic.phrases]
    for i, joint in enumerate(joint_phrases()):
        out += [(JOINT, str(i), v) for p in joint.phrases for v in variants(p)]
    for country in countries():
        out += [(COUNTRY, country.iso2, w) for w in country.words]
    return out


@functools.lru_cache(maxsize=4)
def build_matchers(vocab: Vocab) -> Matchers:
    """Built once per spaCy vocabulary; patterns are tokenised by the same English tokenizer rules."""
    import spacy
    from spacy.matcher import PhraseMatcher

    from sitrep.actors.dictionary import is_weak

    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    lower = PhraseMatcher(vocab, attr="LOWER")
    orth = PhraseMatcher(vocab, attr="ORTH")
    by_key: dict[tuple[str, str, str], list[Doc]] = defaultdict(list)
    weak: set[tuple[str, str, str]] = set()
    aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, index, phrase in _phrases():
        case = "orth" if kind != COUNTRY and is_acronym(phrase) else "lower"
        tokens = tokenizer(phrase)
        by_key[(case, kind, index)].append(tokens)
        if kind == ALIAS and is_weak(phrase):
            weak.add((kind, index, phrase.lower()))
        if kind == ALIAS and case == "lower" and (kind, index) not in aliases[joined := _joined(tokens)]:
            aliases[joined].append((kind, index))
    for (case, kind, index), docs in by_key.items():
        (orth if case == "orth" else lower).add(f"{kind}:{index}", docs)
    return Matchers(lower, orth, frozenset(weak), dict(aliases))


def _joined(tokens: Doc | Span) -> str:
    return " ".join(t.lower_ for t in tokens)


# Words that join coordinated names before one shared head ('Hema, Lendu and Twa militias').
_COORDINATORS = frozenset({"and", "&", "or", ","})


def coordinated_hits(doc: Doc, hits: list[PhraseHit]) -> list[PhraseHit]:
    """Names coordinated before an alias's shared head: 'Fulani and Tiv militias' matched 'Tiv militias'; 'Fulani'
    is 'Fulani militias' when that is an alias too. Each such name is one more hit on its own token."""
    aliases = build_matchers(doc.vocab).aliases
    taken = {i for h in hits for i in range(h.start, h.end)}
    found: list[PhraseHit] = []
    for hit in hits:
        if hit.end - hit.start < 2 or not any(kind == ALIAS for kind, _ in hit.keys):
            continue
        head = _joined(doc[hit.start + 1:hit.end])
        joiner = hit.start - 1
        while joiner >= 1 and doc[joiner].lower_ in _COORDINATORS and joiner - 1 not in taken:
            name = joiner - 1
            keys = aliases.get(f"{doc[name].lower_} {head}")
            if not keys or not doc[name].text[:1].isupper():
                break
            found.append(PhraseHit(name, name + 1, list(keys)))
            taken.add(name)
            joiner = name - 1
    return found


def match_phrases(doc: Doc) -> tuple[list[PhraseHit], list[PhraseHit]]:
    """Actor hits (longest wins, no overlaps) and country-word hits (kept apart: they give context)."""
    matchers = build_matchers(doc.vocab)
    spans: dict[tuple[int, int], PhraseHit] = {}
    country_hits: list[PhraseHit] = []
    strings = doc.vocab.strings
    for match_id, start, end in [*matchers.lower(doc), *matchers.orth(doc)]:
        kind, index = strings[match_id].split(":", 1)
        if kind == COUNTRY:
            country_hits.append(PhraseHit(start, end, [(kind, index)]))
            continue
        hit = spans.setdefault((start, end), PhraseHit(start, end))
        if (kind, index) not in hit.keys:
            hit.keys.append((kind, index))
    for hit in spans.values():
        text = doc[hit.start:hit.end].text.lower()
        alias_keys = [k for k in hit.keys if k[0] == ALIAS]
        hit.weak = bool(alias_keys) and all((k[0], k[1], text) in matchers.weak for k in alias_keys)
    chosen: list[PhraseHit] = []
    taken: set[int] = set()
    for hit in sorted(spans.values(), key=lambda h: (h.start - h.end, h.start)):
        if taken.isdisjoint(range(hit.start, hit.end)):
            chosen.append(hit)
            taken.update(range(hit.start, hit.end))
    chosen.sort(key=lambda h: h.start)
    return chosen, sorted(country_hits, key=lambda h: h.start)
