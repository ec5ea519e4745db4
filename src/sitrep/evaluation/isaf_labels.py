"""Province, target group and air-strike cues for ISAF releases, from data files in src/sitrep/data/isaf/."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from sitrep.resources import read_table


@dataclass(frozen=True)
class GroupPattern:
    pattern: re.Pattern[str]
    label: str
    specific: bool


@functools.lru_cache(maxsize=1)
def province_variants() -> dict[str, str]:
    return {row["variant"]: row["province"] for row in read_table("isaf/afghan_provinces.tsv")}


@functools.lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern[str]:
    names = sorted(province_variants(), key=len, reverse=True)
    alternation = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for n in names)
    return re.compile(rf"(?P<before>\bin\s+)?\b(?P<name>{alternation})\b(?P<province>\s+(?:provinces?|city))?",
                      re.IGNORECASE)


def _normal(name: str) -> str:
    return re.sub(r"[\s-]+", " ", name.lower())


@functools.lru_cache(maxsize=1)
def _normal_variants() -> dict[str, str]:
    return {_normal(k): v for k, v in province_variants().items()}


def provinces_in(text: str) -> list[str]:
    """Provinces named in ``text``, in order of mention. 'Kabul' counts only as 'Kabul province', 'Kabul
    city' or 'in Kabul': the capital also names the ISAF headquarters in datelines and networks ('Kabul
    Attack Network')."""
    found = []
    for m in _province_pattern().finditer(text):
        province = _normal_variants().get(_normal(m["name"]))
        if province is None or (province == "kabul" and not (m["province"] or m["before"])):
            continue
        found.append(province)
    return found


def province_label(admin1: str) -> str | None:
    """ISAF's label for a gazetteer admin1 name ('Helmand Province', 'Paktia', 'Kandahār')."""
    # Gazetteers write scholarly transliterations ('Kandahār'): compare without the diacritics.
    folded = unicodedata.normalize("NFKD", admin1).encode("ascii", "ignore").decode("ascii")
    name = re.sub(r"\s+province$", "", folded.strip(), flags=re.IGNORECASE)
    return _normal_variants().get(_normal(name))


@functools.lru_cache(maxsize=1)
def group_patterns() -> tuple[GroupPattern, ...]:
    return tuple(GroupPattern(re.compile(rf"\b(?:{row['pattern']})\b"), row["label"], row["specific"] == "1")
                 for row in read_table("isaf/target_groups.tsv"))


def target_groups(text: str) -> list[str]:
    """Groups named in ``text``; a specific group (Haqqani network, IMU...) replaces the Taliban umbrella."""
    named = [g for g in group_patterns() if g.pattern.search(text)]
    specific = [g.label for g in named if g.specific]
    return specific or [g.label for g in named]


@functools.lru_cache(maxsize=4)
def keyword_pattern(label: str) -> re.Pattern[str]:
    """The event_keywords.tsv patterns of one label ('airstrike', 'civilian') as one regex."""
    rows = [row["pattern"] for row in read_table("isaf/event_keywords.tsv") if row["label"] == label]
    return re.compile(rf"\b(?:{'|'.join(rows)})\b", re.IGNORECASE)


def mentions_airstrike(text: str) -> bool:
    return bool(keyword_pattern("airstrike").search(text))


def names_civilians(text: str) -> bool:
    return bool(keyword_pattern("civilian").search(text))
