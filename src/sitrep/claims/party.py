"""Is a claimant a party to an event? Name matching against the event's actors, plus self-reports."""

from __future__ import annotations

import re

from sitrep.model import Attribution, Event

# Words that every armed group's name shares; matching on them would make every force a party.
GENERIC = frozenset({
    "the", "of", "and", "for", "in", "national", "forces", "force", "army", "front", "group", "groups",
    "fighters", "militants", "militia", "troops", "government", "military", "movement", "armed", "men",
    "people", "party", "unknown", "spokesman", "spokesperson", "official", "officials", "commander",
})
# Content that reports the claimant's own action: 'claim to have killed', 'we destroyed', 'our forces seized'.
SELF_REPORT = re.compile(r"^[\"“”'‘\s]*(?:to\s|we\s|our\s|us\s)", re.IGNORECASE)


def name_words(name: str) -> frozenset[str]:
    """Distinctive words of an actor name, plural -s dropped so 'Taliban'/'Talibans', 'rebel'/'rebels' meet."""
    words = re.findall(r"[a-z]+", name.lower())
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words if w not in GENERIC)


def same_actor(a: str, b: str) -> bool:
    if a.strip().lower() == b.strip().lower():
        return True
    return bool(name_words(a) & name_words(b))


def parties(event: Event) -> list[str]:
    actors = [event.actor1, event.actor2, *event.assoc_actors]
    return [a.name for a in actors if a is not None]


def is_party(claimant: str, attribution: Attribution, event: Event) -> bool:
    """A claimant is a party if it is one of the event's actors, or it reports its own deed."""
    if any(same_actor(claimant, name) for name in parties(event)):
        return True
    # "the resistance claims to have killed 200": the claimant is the unexpressed subject of the act it reports.
    return bool(SELF_REPORT.match(attribution.content.text))
