"""Named actors that the dictionary lacks: spaCy ORG / NORP / PERSON-led groups, kept with a type guess.

They are marked ``known=False``. Only mentions that take part in an action (agent or patient) are kept,
so outlets ("Reuters reported") and institutions that are merely mentioned do not become actors.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.actors.dictionary import ACTOR_TYPES
from sitrep.geo.lexicon import street_words
from sitrep.model import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

# Head words that say what kind of group an unknown name is; checked in this order.
_TYPE_CUES: tuple[tuple[str, int], ...] = (
    (r"\b(police|gendarmerie|constabulary)\b", 1),
    (r"\b(militia|militias|vigilantes?|self-defen[cs]e|hunters|volunteers)\b", 3),
    (r"\b(front|movement|liberation|jihad|mujahideen|mujahidin|rebels?|resistance|insurgents?|brigades?|"
     r"battalions?|army|legion|islamic|emirate|caliphate|khorasan|province)\b", 2),
    (r"\b(forces|troops|military|navy|air force|corps|guards?|command|regiment|division|ministry of defen[cs]e)\b",
     1),
    (r"\b(protesters|demonstrators|students|workers|union|unions|party)\b", 6),
)
# Heads that make "X's forces" / "X's men" a group led by person X.
GROUP_HEADS = {"force", "forces", "fighter", "fighters", "militia", "militiamen", "man", "men", "loyalist",
               "loyalists", "supporter", "supporters", "troop", "troops", "army", "followers", "faction",
               "group", "groups", "network", "organisation", "organization", "cell", "unit", "units"}
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def clean_name(text: str) -> str:
    text = _LEADING_ARTICLE.sub("", text.strip())
    return re.sub(r"['\u2019]s$", "", text).strip()


def names_a_street(name: str) -> bool:
    """'Old Legion Lake Road', 'Liberty Towers': a street or a building, whatever words it holds."""
    words = name.split()
    return len(words) > 1 and words[-1].lower().rstrip(".") in street_words()


def guess_inter(name: str, label: str) -> int | None:
    lowered = name.lower()
    for pattern, inter in _TYPE_CUES:
        if re.search(pattern, lowered):
            return inter
    if label == "NORP":  # an ethnic or religious group acting as a group
        return 4
    return None


def unknown_actor(ent: SpacySpan, span: Span) -> Actor | None:
    """An Actor for a named entity outside the dictionary, or None when it cannot be a conflict actor."""
    label = ent.label_
    if label == "PERSON":
        head = ent.root.head
        # "Massoud's forces", "Haftar loyalists"; but "two Gary men" counts people of a town the NER took
        # for a person: a leader's group is not counted by a number on its head.
        if ent.root.dep_ in ("poss", "compound") and head.lower_ in GROUP_HEADS \
                and not any(c.dep_ == "nummod" for c in head.children):
            name = f"Militia (Pro-{clean_name(ent.text)})"
            return Actor(name=name, type=ACTOR_TYPES[3], inter=3, known=False, spans=[span])
        return None
    if label == "NORP" and (ent.root.pos_ == "ADJ" or ent.root.dep_ in ("amod", "compound")):
        return None  # "Afghan" in "Afghan villagers" describes, it does not act
    if label not in ("ORG", "NORP"):
        return None
    name = clean_name(ent.text)
    if not name or names_a_street(name):
        return None
    inter = guess_inter(name, label)
    if inter is None:
        return None  # no sign of a group that fights, protests or rules: a place, outlet or institution
    return Actor(name=name, type=ACTOR_TYPES.get(inter or 0), inter=inter, known=False, spans=[span])
