"""Actor recognition and normalisation to canonical names, with agent/patient roles.

Dictionary phrases are found by spaCy PhraseMatchers (``actors.matcher``), resolved to canonical actors
for the publication date and the article's countries (``actors.resolve``); named entities the dictionary
lacks are kept with a type guess (``actors.fallback``); roles come from the parse (``actors.roles``).
Anaphors are resolved to the actor they refer to and keep their own span: "the attackers" after
"Taliban fighters attacked ..." is the Taliban, "them" in "claim to have shot 40 of them" is the
group named before that is not the subject of the claim.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from sitrep.actors.fallback import GROUP_HEADS, unknown_actor
from sitrep.actors.matcher import COUNTRY, GENERIC, PhraseHit, coordinated_hits, match_phrases
from sitrep.actors.resolve import (
    Context,
    build_context,
    generic_actor,
    generic_by_phrase,
    is_generic_name,
    resolve_hit,
)
from sitrep.actors.roles import AGENT, role_of, role_of_token
from sitrep.model import Actor, ActorMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document
from sitrep.resources import read_lines

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

PRONOUNS = frozenset({"they", "them"})
_DEFINITE = {"the", "these", "those"}
# How far back (in sentences) an anaphor may look for what it refers to.
ANAPHORA_WINDOW = 3
# "The insurgents", "the militants" refer back to non-state groups only (rebels, militias), never to
# state or foreign forces.
_NON_STATE_ARMED = {2, 3, 4}
# Nouns a name may modify and still be the group: 'Taliban terrorists', 'resistance forces'.
_GROUP_WORDS = GROUP_HEADS | {"terrorist", "militant", "insurgent", "rebel", "soldier", "gunman", "gunmen",
                              "member", "members", "jihadist", "commander", "commanders"}


class ActorRecogniser(Component[list[ActorMention]]):
    """Finds actor mentions, normalises them to canonical names and reads their roles from the parse."""

    name = "actors.recognise"
    reads = ("parsed", "sentences")
    writes = ("actors",)

    def match(self, doc: Document) -> list[ActorMention]:
        sdoc = doc.parsed
        if sdoc is None:
            return []
        hits, country_hits = match_phrases(sdoc)
        ctx = build_context(hits, country_hits, article_date(doc))
        country_at = {i: k[1] for h in country_hits for i in range(h.start, h.end) for k in h.keys
                      if k[0] == COUNTRY}
        named_tokens = {i for h in hits if not _only_generic(h) for i in range(h.start, h.end)}
        found: list[ActorMention] = []
        for hit in hits:
            if _only_generic(hit) and _modifies_or_is_modified(sdoc[hit.start:hit.end], named_tokens):
                continue
            found.extend(self._from_hit(doc, sdoc, hit, ctx, country_at, found))
        found.extend(_coordinated_demonyms(doc, sdoc, hits, country_at, ctx))
        found.extend(_coordinated_names(doc, sdoc, hits, ctx, country_at))
        found.extend(_national_forces(doc, sdoc, hits, country_at, ctx))
        taken = {i for h in hits for i in range(h.start, h.end)} | set(country_at)
        for ent in sdoc.ents:
            if taken.isdisjoint(range(ent.start, ent.end)):
                mention = _from_entity(doc, ent)
                if mention is not None:
                    found.append(mention)
        found.sort(key=lambda m: m.span.start)
        found.extend(_pronouns(doc, sdoc, found))
        found.sort(key=lambda m: m.span.start)
        return found

    def set_annotations(self, doc: Document, found: list[ActorMention]) -> None:
        doc.actors = found

    def _from_hit(self, doc: Document, sdoc: SpacyDoc, hit: PhraseHit, ctx: Context,
                  country_at: dict[int, str], before: list[ActorMention]) -> list[ActorMention]:
        tspan = sdoc[hit.start:hit.end]
        span = doc.span(tspan.start_char, _phrase_end(tspan) if not _only_generic(hit) else tspan.end_char)
        resolved = resolve_hit(hit, span, ctx, _demonym(tspan, country_at))
        if resolved is None:
            return []
        role = role_of(tspan)
        sent = doc.sentence_index(span.start)
        actors = resolved.actors
        if resolved.generic is not None:
            antecedent = _armed_antecedent(before, sent) \
                if resolved.generic.anaphoric and _is_definite(tspan) else None
            if antecedent is not None:
                actors = [antecedent.model_copy(update={"spans": [span]})]
            elif role is None:
                return []  # an unnamed group that does nothing in the sentence is not worth a mention
        return [ActorMention(sent, span, actor, role) for actor in actors]


def article_date(doc: Document) -> dt.date | None:
    """Publication date, else the dateline's ('KABUL, Afghanistan (Jan. 25, 2013)'): it decides between
    actors that share a name across periods ('Afghan forces' before and after August 2021)."""
    if doc.article.published is not None:
        return doc.article.published
    try:
        from sitrep.dates.resolve import dateline_anchor
    except ImportError:  # the dates stage is optional for actors; without it only metadata counts
        return None
    return dateline_anchor(doc.text)


def _coordinated_demonyms(doc: Document, sdoc: SpacyDoc, hits: list[PhraseHit], country_at: dict[int, str],
                          ctx: Context) -> list[ActorMention]:
    """'Afghan and coalition troops', 'Malian and French forces': the first country's forces too."""
    out: list[ActorMention] = []
    heads = generic_by_phrase()
    for hit in hits:
        joiner = hit.start - 1
        first = joiner - 1
        if first < 0 or sdoc[joiner].lower_ not in ("and", "&") or first not in country_at:
            continue
        generic = heads.get(sdoc[hit.end - 1].lower_)
        if generic is None or generic.inter != 1:
            continue
        token = sdoc[first]
        span = doc.span(token.idx, token.idx + len(token.text))
        actor = generic_actor(generic, country_at[first], span, ctx.day)
        out.append(ActorMention(doc.sentence_index(span.start), span, actor, role_of(sdoc[hit.start:hit.end])))
    return out


def _coordinated_names(doc: Document, sdoc: SpacyDoc, hits: list[PhraseHit], ctx: Context,
                       country_at: dict[int, str]) -> list[ActorMention]:
    """'Fulani and Tiv militias clashed': the Fulani militia too, in the role the shared head has."""
    out: list[ActorMention] = []
    for name in coordinated_hits(sdoc, hits):
        token = sdoc[name.start]
        span = doc.span(token.idx, token.idx + len(token.text))
        resolved = resolve_hit(name, span, ctx, _demonym(sdoc[name.start:name.end], country_at))
        head = next((h for h in hits if h.start > name.start), None)  # the hit whose head it shares
        if resolved is None or head is None:
            continue
        role = role_of(sdoc[head.start:head.end])
        out.extend(ActorMention(doc.sentence_index(span.start), span, actor, role) for actor in resolved.actors)
    return out


@functools.lru_cache(maxsize=1)
def _force_nouns() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Head noun -> the words that must stand just before it ('air strike': 'strike' after 'air'; a
    single noun needs none)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for line in read_lines("actors/force_nouns.txt"):
        *before, head = line.lower().split()
        out.setdefault(head, []).append(tuple(before))
    return {head: tuple(sorted(set(v), key=len, reverse=True)) for head, v in out.items()}


def _force_noun_start(sdoc: SpacyDoc, token: Token, nouns: dict[str, tuple[tuple[str, ...], ...]]) -> int | None:
    """Index of the first word of the force noun ending at ``token``, or None when its words are not there."""
    for before in nouns.get(token.lower_, ()):
        start = token.i - len(before)
        if start >= 0 and tuple(t.lower_ for t in sdoc[start:token.i]) == before:
            return start
    return None


def tokens_with_lower(sdoc: SpacyDoc, words: frozenset[str]) -> list[Token]:
    """The tokens whose lower-case form is one of ``words``, in order: found in the LOWER column, so no
    Token object is built for the others (a per-token loop builds one per word of the article)."""
    from spacy.attrs import LOWER

    found = np.flatnonzero(np.isin(sdoc.to_array(LOWER), _lower_ids(sdoc.vocab.strings, words)))
    return [sdoc[int(i)] for i in found]


@functools.lru_cache(maxsize=8)
def _lower_ids(strings: StringStore, words: frozenset[str]) -> npt.NDArray[np.uint64]:
    return np.array(sorted(strings[w] for w in words), dtype=np.uint64)


def _national_forces(doc: Document, sdoc: SpacyDoc, hits: list[PhraseHit], country_at: dict[int, str],
                     ctx: Context) -> list[ActorMention]:
    """'Azerbaijani forces fired', 'Israeli artillery struck', 'Mozambican and Rwandan forces': a country's
    word on a noun of armed force (data/actors/force_nouns.txt) the dictionary has no phrase for is that
    state's military, as ACLED codes it."""
    nouns = _force_nouns()
    covered = {i for h in hits if not all(kind == COUNTRY for kind, _ in h.keys) for i in range(h.start, h.end)}
    military = generic_by_phrase()["army"]
    out: list[ActorMention] = []
    for token in tokens_with_lower(sdoc, frozenset(nouns)):
        first = _force_noun_start(sdoc, token, nouns)
        if first is None or token.i in covered:
            continue
        # 'Israeli artillery', 'the Russian navy', "Israel's air defence system"
        countries = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i in country_at]
        countries += [j for c in countries for j in c.conjuncts if j.i in country_at]
        for word in sorted(set(countries), key=lambda c: c.i):
            span = doc.span(word.idx, token.idx + len(token.text))
            actor = generic_actor(military, country_at[word.i], span, ctx.day)
            out.append(ActorMention(doc.sentence_index(span.start), span, actor, role_of_token(token)))
    return out


def _phrase_end(tspan: SpacySpan) -> int:
    """End offset of a name with the group noun it modifies: 'the resistance forces', 'Taliban terrorists'."""
    root = tspan.root
    head = root.head
    if root.dep_ in ("compound", "amod", "nmod") and head.i == tspan.end and head.lemma_.lower() in _GROUP_WORDS:
        return head.idx + len(head.text)
    return tspan.end_char


def _only_generic(hit: PhraseHit) -> bool:
    return all(kind == GENERIC for kind, _ in hit.keys)


def _modifies_or_is_modified(tspan: SpacySpan, named_tokens: set[int]) -> bool:
    """Generic words that add nothing: 'Taliban terrorists' (a named actor modifies them) or 'military'
    in 'military-age men' and 'police' in 'police station' (they only modify another noun that names no
    forces)."""
    root = tspan.root
    if any(c.i in named_tokens for c in root.children if c.dep_ in ("compound", "amod", "nmod", "poss")):
        return True
    # ... but 'junta aircraft', 'army helicopters': forces named by what they fight with (actors/force_nouns.txt).
    return root.dep_ in ("amod", "compound", "nmod") and root.head.lemma_.lower() not in GROUP_HEADS \
        and _force_noun_start(tspan.doc, root.head, _force_nouns()) is None


def _demonym(tspan: SpacySpan, country_at: dict[int, str]) -> str | None:
    """Country named inside the phrase or modifying it: 'Nigerian police', 'police of Niger'."""
    for token in tspan:
        if token.i in country_at:
            return country_at[token.i]
    for child in tspan.root.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i in country_at:
            return country_at[child.i]
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for obj in child.children:
                if obj.i in country_at:
                    return country_at[obj.i]
    return None


def _is_definite(tspan: SpacySpan) -> bool:
    first = tspan[0]
    prev = tspan.doc[first.i - 1] if first.i > 0 else None
    return first.lower_ in _DEFINITE or (prev is not None and prev.lower_ in _DEFINITE)


def _armed_antecedent(before: list[ActorMention], sent: int) -> Actor | None:
    for mention in reversed(before):
        if sent - mention.sent > ANAPHORA_WINDOW:
            break
        actor = mention.actor
        if actor.inter in _NON_STATE_ARMED and not is_generic_name(actor.name):
            return actor
    return None


def _from_entity(doc: Document, ent: SpacySpan) -> ActorMention | None:
    role = role_of(ent)
    if role is None:
        return None
    span = doc.span(ent.start_char, ent.end_char)
    actor = unknown_actor(ent, span)
    if actor is None:
        return None
    return ActorMention(doc.sentence_index(span.start), span, actor, role)


def _pronouns(doc: Document, sdoc: SpacyDoc, found: list[ActorMention]) -> list[ActorMention]:
    """'they' / 'them' that take part in an action, resolved to an earlier actor."""
    out: list[ActorMention] = []
    for token in tokens_with_lower(sdoc, PRONOUNS):
        role = role_of_token(token)
        if role is None:
            continue
        span = doc.span(token.idx, token.idx + len(token.text))
        sent = doc.sentence_index(span.start)
        known = sorted([*found, *out], key=lambda m: m.span.start)
        antecedent = _pronoun_antecedent(known, token, sent)
        if antecedent is not None:
            out.append(ActorMention(sent, span, antecedent.model_copy(update={"spans": [span]}), role))
    return out


def _pronoun_antecedent(known: list[ActorMention], token: Token, sent: int) -> Actor | None:
    prior = [m for m in known if m.span.end <= token.idx and sent - m.sent <= ANAPHORA_WINDOW]
    if not prior:
        return None
    if token.lower_ == "they":
        # A subject pronoun continues the last acting group: "The resistance ... killed 200. They further
        # claim ...", "As Afghan troops approached, they were attacked".
        for mention in reversed(prior):
            if mention.role == AGENT:
                return mention.actor
        return prior[-1].actor
    # An object pronoun is not the subject of its own clause: "X claim to have shot 40 of them".
    clause_agents = {m.actor.name for m in known if m.sent == sent and m.role == AGENT
                     and m.span.start < token.idx}
    for mention in reversed(prior):
        if mention.actor.name not in clause_agents:
            return mention.actor
    return None
