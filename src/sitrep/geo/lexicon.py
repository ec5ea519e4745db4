"""The word lists geocoding reads (data/geo/*, each with its provenance), loaded once."""

from __future__ import annotations

import functools
import re

from sitrep.geo.text import name_key
from sitrep.resources import read_lines, read_patterns, read_table


@functools.lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Titles that make the next name a person's ('Sen. Jackson')."""
    return frozenset(read_lines("geo/person_titles.txt"))


@functools.lru_cache(maxsize=1)
def party_letters() -> frozenset[str]:
    """Party letters of a legislator's tag ('D-Pa.', 'R-Marshall'), lower case."""
    return frozenset(read_lines("geo/party_letters.txt"))


@functools.lru_cache(maxsize=1)
def feature_words() -> dict[str, tuple[str, int]]:
    return {row["word"]: (row["feature"], int(row["precision"])) for row in read_table("geo/feature_words.tsv")}


@functools.lru_cache(maxsize=1)
def street_words() -> frozenset[str]:
    """Words that after a name make it a street's or a building's ('Bartlett Avenue'): the rows of
    data/geo/street_words.tsv that end a place name."""
    return frozenset(row["word"] for row in read_table("geo/street_words.tsv") if row["ends_place_name"] == "yes")


@functools.lru_cache(maxsize=1)
def city_cues() -> dict[str, str]:
    """Words that make the name beside them a town ('mayor' after, 'downtown' before): data/geo/city_cues.tsv."""
    return {row["word"]: row["side"] for row in read_table("geo/city_cues.tsv")}


@functools.lru_cache(maxsize=1)
def town_uses() -> dict[tuple[str, ...], str]:
    """Words right after a name that use it as a town's ('a Lebanon woman', 'Jordan Middle School'), by their
    words, with their kind (person: lower case only; body: any case): data/geo/town_uses.tsv."""
    return {tuple(row["phrase"].split()): row["kind"] for row in read_table("geo/town_uses.tsv")}


@functools.lru_cache(maxsize=1)
def natural_features() -> frozenset[tuple[str, ...]]:
    """Words after a name that make it a natural feature's or a park's ('Freeborn Lake', 'Zion National Park'),
    as word tuples: data/geo/natural_features.tsv."""
    return frozenset(tuple(row["phrase"].split()) for row in read_table("geo/natural_features.tsv"))


@functools.lru_cache(maxsize=1)
def street_suffixes() -> frozenset[str]:
    """Every street suffix of data/geo/street_words.tsv ('St', 'Ave', 'Road'), the ambiguous ones too: after a
    house number and before a comma they end an address, whose next name is its town ('400 Oak St., Lebanon')."""
    return frozenset(row["word"] for row in read_table("geo/street_words.tsv") if row["canonical"])


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(read_lines("geo/common_words.txt")) | frozenset(STOP_WORDS)


@functools.lru_cache(maxsize=1)
def qualifiers() -> dict[str, str]:
    """Qualifier word -> what it qualifies: "region" (regions, states, countries) or "town" (also towns)."""
    return {row["word"]: row["qualifies"] for row in read_table("geo/name_qualifiers.tsv")}


@functools.lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """ISO 639 language names ('Pushto', 'Dari'): the NER often tags them as places."""
    import pycountry

    return frozenset(name_key(lang.name) for lang in pycountry.languages)


@functools.lru_cache(maxsize=1)
def _town_parts() -> dict[str, re.Pattern[str]]:
    return read_patterns("geo/town_parts.tsv", "kind")


def part_of_town(name: str) -> bool:
    """'the West Side', 'Near North Side': a side of the town the text is about (data/geo/town_parts.tsv)."""
    return _town_parts()["part"].fullmatch(name_key(name)) is not None


def announces_neighbourhood(text_after: str) -> bool:
    """The words after a name make it a neighbourhood: 'Austin neighborhood' (data/geo/town_parts.tsv)."""
    return _town_parts()["announces"].match(text_after.lstrip()) is not None
