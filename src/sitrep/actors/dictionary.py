"""The actor dictionary: canonical actors, generic actor phrases, country words and joint phrases.

Everything is read from data files under ``data/actors/`` (each states its provenance) and parsed once.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from sitrep.resources import read_table

ACTOR_TYPES = {
    1: "state forces", 2: "rebel group", 3: "political militia", 4: "identity militia",
    5: "rioters", 6: "protesters", 7: "civilians", 8: "external forces",
}


@dataclass(frozen=True)
class Period:
    """Active period, month-precise at either end; open ends are ``None``."""

    start: tuple[int, int] | None
    end: tuple[int, int] | None

    def contains(self, day: dt.date) -> bool:
        at = (day.year, day.month)
        if self.start and at < self.start:
            return False
        return not (self.end and at > self.end)


@dataclass(frozen=True)
class ActorEntry:
    name: str
    type: str
    inter: int
    country: str | None
    period: Period
    aliases: tuple[str, ...]
    leaders: tuple[str, ...]


@dataclass(frozen=True)
class GenericEntry:
    """An unnamed actor phrase ("gunmen") and the ACLED-style name it becomes."""

    template: str  # with "{country}", e.g. "Police Forces of {country}"
    type: str
    inter: int
    anaphoric: bool
    local: bool  # unnamed members belong to the country the event happens in (data/actors/generic.tsv)
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class JointPhrase:
    phrases: tuple[str, ...]
    actors: tuple[str, ...]


_YM = re.compile(r"(\d{4})(?:-(\d{2})(?!\d))?")


def parse_period(text: str) -> Period:
    """'2002-2021-08' -> (2002, 1)..(2021, 8); '2021-08-' -> open end; '' -> always."""
    text = text.strip()
    if not text:
        return Period(None, None)
    parts = list(_YM.finditer(text))
    start = (int(parts[0].group(1)), int(parts[0].group(2) or 1)) if parts else None
    end: tuple[int, int] | None = None
    open_end = text.endswith("-")
    if len(parts) > 1 and not open_end:
        end = (int(parts[1].group(1)), int(parts[1].group(2) or 12))
    elif len(parts) == 1 and not open_end:
        end = (start[0], 12) if start else None
    return Period(start, end)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


@functools.lru_cache(maxsize=1)
def actor_entries() -> tuple[ActorEntry, ...]:
    return tuple(
        ActorEntry(row["name"], row["type"], int(row["inter"]), row["country"] or None,
                   parse_period(row["years"]), _split(row["aliases"]), _split(row["leaders"]))
        for row in read_table("actors/actors.tsv")
    )


@functools.lru_cache(maxsize=1)
def entries_by_name() -> dict[str, ActorEntry]:
    return {e.name: e for e in actor_entries()}


@functools.lru_cache(maxsize=1)
def generic_entries() -> tuple[GenericEntry, ...]:
    return tuple(
        GenericEntry(row["template"], row["type"], int(row["inter"]), row["anaphoric"] == "yes",
                     row["local"] == "yes", _split(row["phrases"]))
        for row in read_table("actors/generic.tsv")
    )


@functools.lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    return tuple(Country(row["iso2"], row["name"], _split(row["words"]))
                 for row in read_table("actors/countries.tsv"))


@functools.lru_cache(maxsize=1)
def country_by_iso() -> dict[str, Country]:
    return {c.iso2: c for c in countries()}


@functools.lru_cache(maxsize=1)
def joint_phrases() -> tuple[JointPhrase, ...]:
    return tuple(JointPhrase(_split(row["phrase"]), _split(row["actors"]))
                 for row in read_table("actors/joint.tsv"))


def generic_name(entry: GenericEntry, iso2: str | None) -> str:
    """'Police Forces of {country}' with the country filled in, or dropped when unknown."""
    named = country_name(iso2) if iso2 else None
    if named:
        return entry.template.format(country=named)
    return re.sub(r"\s*(?:of \{country\}|\(\{country\}\))", "", entry.template)


def country_name(iso2: str) -> str | None:
    """A country as ACLED writes it in actor names ("Democratic Republic of Congo"): countries.tsv, else
    ISO 3166's common name."""
    country = country_by_iso().get(iso2)
    return country.name if country else _iso_name(iso2)


@functools.lru_cache(maxsize=256)
def _iso_name(iso2: str) -> str | None:
    """Country name from ISO 3166 (pycountry) for countries the demonym table lacks."""
    import pycountry

    found = pycountry.countries.get(alpha_2=iso2.upper())
    if found is None:
        return None
    return str(getattr(found, "common_name", None) or found.name)


_SPELLINGS = (("defence", "defense"), ("defense", "defence"), ("isation", "ization"), ("ization", "isation"))


def _same_case(found: re.Match[str], replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if found.group(0)[:1].isupper() else replacement


def variants(alias: str) -> set[str]:
    """Spelling variants of an alias: British/American, hyphen or space, straight or curly apostrophe."""
    out = {alias}
    for old, new in _SPELLINGS:
        for form in list(out):
            if old in form.lower():
                out.add(re.sub(old, functools.partial(_same_case, replacement=new), form, flags=re.IGNORECASE))
    if is_acronym(alias) and alias.isalpha() and len(alias) >= 5:
        out.add(alias.title())  # long acronyms are also written as words: "Amisom", "Iswap"
    for form in list(out):
        if "-" in form:
            out.add(form.replace("-", " "))
        if "'" in form:
            out.add(form.replace("'", "\u2019"))
    return out


def _plural(word: str) -> str | None:
    """English plural of a common noun in the singular ('militia', 'gunman', 'army'); None when it looks plural."""
    if not word.isalpha() or not word.islower() or word.endswith(("s", "men")):
        return None
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def alias_forms(alias: str) -> set[str]:
    """An alias's spelling ``variants`` and, when it is a name and a common noun in the singular, that noun's
    plural: 'Tiv militia' is written 'Tiv militias' too, and 'Fulani and Tiv militias' needs it."""
    out = variants(alias)
    for form in list(out):
        words = form.split(" ")
        plural = _plural(words[-1]) if len(words) >= 2 and words[0][:1].isupper() else None
        if plural is not None:
            out.add(" ".join([*words[:-1], plural]))
    return out


def is_acronym(alias: str) -> bool:
    """Capitalised acronyms ('PDF', 'IS-K') are matched case-sensitively; words ignore case."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(alias) <= 8


def is_weak(alias: str) -> bool:
    """An alias with no capitalised word ('resistance forces') needs the article's country to agree."""
    return not any(w[:1].isupper() for w in re.split(r"[\s-]+", alias) if w)
