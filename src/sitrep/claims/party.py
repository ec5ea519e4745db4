"""Is a claimant a party to an event? One of its actors, an ally of one, or the doer of the act it reports.

Names are compared after normalising them with the actor dictionary (data/actors/actors.tsv: aliases and
leaders, so "ISAF" and "Amrullah Saleh" find their organisation). Country names and demonyms
(data/actors/countries.tsv) are not distinctive: "Unidentified Armed Group (Somalia)" is not the "Military
Forces of Somalia". Allies are the actors the dictionary names together in one phrase (data/actors/joint.tsv:
"Afghan and coalition forces"); the state forces of one country (army, police) are one side.
"""

from __future__ import annotations

import functools
import re
from itertools import combinations

from sitrep.actors.dictionary import actor_entries, countries, entries_by_name, generic_entries, joint_phrases
from sitrep.model import Attribution, Event
from sitrep.resources import read_lines

# Words of actor names that tell no actor from another ('al', 'forces', 'clan'): data/claims/party_stopwords.txt.
PARTY_STOPWORDS = "claims/party_stopwords.txt"
# Words that make a speaker a force's member or voice ('army commander'): data/claims/member_titles.txt.
MEMBER_TITLES = "claims/member_titles.txt"
# Content that reports the claimant's own action: 'claim to have killed', 'we destroyed', 'our forces seized'.
# 'us' only in lower case: 'US-backed militias' opens with the country, not the pronoun.
SELF_REPORT = re.compile(r"^[\"“”'‘\s]*(?:(?i:to|we|our)\s|us\s)")


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(read_lines(PARTY_STOPWORDS))


@functools.lru_cache(maxsize=1)
def _canonical_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in actor_entries():
        for alias in (entry.name, *entry.aliases, *entry.leaders):
            names.setdefault(alias.lower(), entry.name)
    return names


def canonical(name: str) -> str:
    """The dictionary's name for an alias or a leader ('ISAF' -> 'International Security Assistance Force')."""
    return _canonical_names().get(name.strip().lower(), name.strip())


@functools.lru_cache(maxsize=1)
def _allies() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair) for joint in joint_phrases() for pair in combinations(joint.actors, 2))


@functools.lru_cache(maxsize=1)
def _country_words() -> re.Pattern[str]:
    phrases = {w.lower() for c in countries() for w in (c.name, *c.words)}
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


def name_words(name: str) -> frozenset[str]:
    """Distinctive words of an actor name, plural -s dropped so 'Taliban'/'Talibans', 'rebel'/'rebels' meet.

    Country names and demonyms are dropped: every actor of a country shares them.
    """
    words = re.findall(r"[a-z]+", _country_words().sub(" ", name.lower()))
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words if w not in _stopwords())


def same_actor(a: str, b: str) -> bool:
    a, b = canonical(a), canonical(b)
    if a.lower() == b.lower():
        return True
    return bool(name_words(a) & name_words(b))


def allied(a: str, b: str) -> bool:
    return frozenset((canonical(a), canonical(b))) in _allies()


@functools.lru_cache(maxsize=1)
def _state_templates() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(re.escape(g.template).replace(re.escape("{country}"), "(?P<country>.+)") + "$")
                 for g in generic_entries() if g.inter == 1)


def state_of(name: str) -> str | None:
    """The country whose state forces ``name`` are ('Somali police' -> 'SO'), or None for non-state actors."""
    entry = entries_by_name().get(canonical(name))
    if entry is not None:
        return entry.country if entry.inter == 1 else None
    for template in _state_templates():
        found = template.match(name.strip())
        if found:
            country = found.group("country").lower()
            return next((c.iso2 for c in countries() if country in (c.name.lower(), *(w.lower() for w in c.words))),
                        country)
    return None


def same_side(a: str, b: str) -> bool:
    """One actor, allies, or two state forces of one country (army and police)."""
    if same_actor(a, b) or allied(a, b):
        return True
    state = state_of(a)
    return state is not None and state == state_of(b)


def parties(event: Event) -> list[str]:
    actors = [event.actor1, event.actor2, *event.assoc_actors]
    return [a.name for a in actors if a is not None]


@functools.lru_cache(maxsize=1)
def _state_phrases() -> frozenset[str]:
    return frozenset(p.lower() for g in generic_entries() if g.inter == 1 for p in g.phrases)


@functools.lru_cache(maxsize=1)
def _member_titles() -> frozenset[str]:
    return frozenset(read_lines(MEMBER_TITLES))


def bare_state_forces(name: str) -> bool:
    """'army', 'the military', 'police': state forces named without their country (data/actors/generic.tsv),
    or one of their members or voices named by title ('an army commander', 'police spokesman')."""
    phrase = re.sub(r"^(?:the|its|our|an?)\s+", "", name.strip().lower())
    if phrase in _state_phrases():
        return True
    head, _, last = phrase.rpartition(" ")
    return bool(head) and last in _member_titles() and head in _state_phrases()


def is_party_name(name: str, event: Event) -> bool:
    """Whether ``name`` (an actor, a leader, an outlet) is one of the event's actors or their ally. State
    forces named without their country ('The army said ...') are a party where state forces are a side."""
    if bare_state_forces(name) and any(state_of(p) is not None for p in parties(event)):
        return True
    return any(same_side(name, p) for p in parties(event))


def is_party(claimant: str, attribution: Attribution, event: Event, affiliation: str | None = None) -> bool:
    """A claimant is a party if it (or the organisation it belongs to) is one of the event's actors or their
    ally, or it reports its own deed."""
    if is_party_name(claimant, event) or (affiliation is not None and is_party_name(affiliation, event)):
        return True
    # "the resistance claims to have killed 200": the claimant is the unexpressed subject of the act it reports.
    return bool(SELF_REPORT.match(attribution.content.text))
