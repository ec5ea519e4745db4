"""Word-level guards of toponym recognition: surnames, codes, region names.

Split from :mod:`sitrep.geo.recognise`, which asks them whether a capitalised word may name a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.lexicon import common_words, qualifiers

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A city this large that the NER tags a place elsewhere in the text is no surname.
BIG_TOWN = 100_000


def aged(doc: SpacyDoc, end: int) -> bool:
    """'Dana Gaines, 23, was shot': a name followed by an age between commas is a person's."""
    return end + 2 < len(doc) and doc[end].text == "," and doc[end + 2].text == "," \
        and doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) <= 110


def person_words(doc: SpacyDoc, gazetteer: Gazetteer) -> frozenset[str]:
    """Surnames of the text's full person names ('Mary Jackson'), not of PERSON-tagged organisations
    ('Athens Police') or places ('Sri Lanka'): a lone 'Jackson' later is the person, not the town.
    Only the last word: the first of a mis-tagged 'Lancaster Girls' is still a town. A name of any label
    followed by an age ('Dana Gaines, 23,') is a person's. The name of a city
    that the NER calls a place on its own elsewhere in the text ('Sochi' after a headline 'Freemason
    Bogdanov Joins Sochi') is no surname."""
    words: set[str] = set()
    commons = common_words()
    places = frozenset(ent.text for ent in doc.ents if ent.label_ in PLACE_LABELS and len(ent) == 1)
    for ent in doc.ents:
        # a person's name with an age is one whatever the NER's label ('Dana Gaines, 23,' tagged a place)
        if ent.label_ != "PERSON" and not (len(ent) >= 2 and aged(doc, ent.end) and not gazetteer.lookup(ent.text)):
            continue
        # 'Dana Gaines's', 'Sgt. Ann Young's': the surname before the possessive
        while len(ent) > 1 and (ent[-1].lower_ in ("'s", "’s", "'", "’") or ent[-1].is_punct):
            ent = ent[:-1]
        if len(ent) >= 2 and not town_named(gazetteer, ent[-1].text, places) \
                and not any(t.lower_ in commons for t in ent) \
                and ent[0].lower_ not in qualifiers() and not gazetteer.lookup(ent.text) and ent[-1].is_alpha and not is_region(gazetteer, ent[-1].text):
            words.add(ent[-1].text)
    return frozenset(words)


def is_code(doc: SpacyDoc, i: int) -> bool:
    """'US' in 'the US Centers': a short all-capital word amid ordinary text is a code, not the pronoun
    of a shouted headline ('TELL US')."""
    word = doc[i].text
    if not (word.isupper() and len(word) <= 3):
        return False
    neighbours = [doc[k].text for k in (i - 1, i + 1) if 0 <= k < len(doc) and doc[k].is_alpha]
    return not any(n.isupper() for n in neighbours)


def town_named(gazetteer: Gazetteer, word: str, places: frozenset[str]) -> bool:
    """A city's name the NER also tags a place on its own in the text."""
    return word in places and any(h.kind == 0 and h.entry.feature == "city" and h.entry.population >= BIG_TOWN
                                  for h in gazetteer.lookup(word))


def is_region(gazetteer: Gazetteer, name: str) -> bool:
    """A country, admin1 unit or region by its own name: never a surname ('Rethinking Egypt')."""
    return any(h.kind <= 1 and h.entry.feature in ("country", "admin1", "region", "continent")
               for h in gazetteer.lookup(name))
