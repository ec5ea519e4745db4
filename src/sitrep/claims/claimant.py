"""Who is the claimant: the source span normalised to an actor (doc.actors), pronouns resolved.

A named person keeps their own name ("Amrullah Saleh"), since the person is who
speaks; the organisation they belong to is found again from doc.actors when the
assessor asks whether the claimant is a party (claims/party.py). Pronoun sources
("he said", "they further claim") take the nearest earlier source that fits: a
person for he/she, a plural source for they; failing that, the nearest earlier
PERSON entity (he/she) or actor mention (they).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.model import ActorMention, Span

PERSONAL = {"he", "she", "him", "her"}
PLURAL = {"they", "them", "we"}
DETERMINER = re.compile(r"^(the|a|an|this|that|these|those)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Antecedent:
    offset: int
    name: str
    plural: bool
    person: bool


def plain_name(text: str) -> str:
    """A source's words without leading determiner or trailing comma: 'the resistance forces,' -> 'resistance forces'."""
    return DETERMINER.sub("", text.strip().rstrip(",").strip())


def actor_for(span: Span, actors: list[ActorMention]) -> ActorMention | None:
    """The actor mention that lies inside the source span (the longest, if several)."""
    inside = [a for a in actors if span.overlaps(a.span)]
    return max(inside, key=lambda a: a.span.end - a.span.start) if inside else None


class ClaimantResolver:
    """Resolves sources in text order, remembering earlier ones for pronouns."""

    def __init__(self, actors: list[ActorMention], persons: list[Span]) -> None:
        self.actors = sorted(actors, key=lambda a: a.span.start)
        self.persons = sorted(persons, key=lambda p: p.start)  # PERSON entities
        self.seen: list[Antecedent] = []

    def resolve(self, source: Span, plural: bool) -> str:
        word = source.text.strip().lower()
        if word in PERSONAL or word in PLURAL:
            name = self._antecedent(source.start, personal=word in PERSONAL)
            return name if name is not None else source.text.strip()
        person = max((p for p in self.persons if source.contains(p)), key=lambda p: p.end - p.start, default=None)
        if person is not None:
            name = person.text
        else:
            mention = actor_for(source, self.actors)
            name = mention.actor.name if mention is not None else plain_name(source.text)
        self.seen.append(Antecedent(source.start, name, plural, person is not None))
        return name

    def _antecedent(self, offset: int, personal: bool) -> str | None:
        for earlier in reversed(self.seen):
            if earlier.offset < offset and (earlier.person if personal else earlier.plural or not earlier.person):
                return earlier.name
        if personal:
            before = [p.text for p in self.persons if p.start < offset]
        else:
            before = [a.actor.name for a in self.actors if a.span.start < offset]
        return before[-1] if before else None
