"""Specific details two reports of one incident share: the victims' ages, the street, the block.

Follow-ups weeks later change most of their words, but keep saying "the 22-year-old", "on Chimborazo
Boulevard", "in the 1200 block of": details that, in one place and season, few incidents share. They are
read with patterns (no parse) from the report's lead, as lower-case keys ('age:22', 'street:main street',
'block:1200'); ``decide.shared_specifics`` counts the keys two reports have in common.
"""

from __future__ import annotations

import functools
import re

from sitrep.cluster.vector import _stop_words
from sitrep.resources import read_table

__all__ = ["SPECIFICS_CHARS", "specific_keys"]

SPECIFICS_CHARS = 4000  # the lead: where the incident is told (later paragraphs recall other incidents)

_AGE = re.compile(r"\b(\d{1,2})[- ](?:year|yr)s?[- ]old\b", re.IGNORECASE)
_NAME_AGE = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*, (\d{1,2}),")  # "Maria Lopez, 20,"
_BLOCK = re.compile(r"\b(\d{1,5}) block of\b", re.IGNORECASE)
_STREET = re.compile(r"\b((?:[A-Z][a-z]+ ){1,3})([A-Z][a-z]+)\b\.?")


@functools.lru_cache(maxsize=1)
def _suffixes() -> dict[str, str]:
    """A street suffix -> the one form two spellings are compared in (data/geo/street_words.tsv, with the words
    that end a place name in geo.lexicon)."""
    return {row["word"]: row["canonical"] for row in read_table("geo/street_words.tsv") if row["canonical"]}


@functools.lru_cache(maxsize=256)  # asked once per event of a report, with the same body
def specific_keys(text: str) -> tuple[str, ...]:
    """The ages, streets and blocks named in the first ``SPECIFICS_CHARS`` characters of ``text``, sorted."""
    lead = text[:SPECIFICS_CHARS]
    found = {"age:" + m.group(1) for pattern in (_AGE, _NAME_AGE) for m in pattern.finditer(lead)}
    found |= {"block:" + m.group(1) for m in _BLOCK.finditer(lead)}
    suffixes = _suffixes()
    stop = _stop_words()
    for match in _STREET.finditer(lead):
        canonical = suffixes.get(match.group(2).lower())
        words = match.group(1).lower().split()
        while words and words[0] in stop:  # "Then Elm Street": a sentence's first word is no part of it
            words.pop(0)
        if canonical is not None and words:
            found.add(f"street:{' '.join(words)} {canonical}")
    return tuple(sorted(found))
