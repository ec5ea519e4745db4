"""Turning dictionary hits into actors: choose among entries that share an alias, fill in countries.

An alias can name several actors ("Afghan forces" before and after August 2021, "SNA" in Syria and
Somalia, "coalition forces" of ISAF or of Resolute Support). We keep the entries active on the
publication date, then prefer the one whose country the article is about.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass

from sitrep.actors.dictionary import (
    ActorEntry,
    GenericEntry,
    actor_entries,
    country_by_iso,
    entries_by_name,
    generic_entries,
    generic_name,
    joint_phrases,
)
from sitrep.actors.matcher import ALIAS, COUNTRY, GENERIC, JOINT, LEADER, PhraseHit
from sitrep.model import Actor, Span


@dataclass
class Context:
    """What the article is about, for choosing among entries and naming generic actors."""

    day: dt.date | None
    countries: Counter[str]  # iso2 -> mentions (country words and named actors)

    @property
    def main_country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None


@dataclass
class Resolved:
    """The actor(s) one hit stands for; ``generic`` is set for unnamed actors ("gunmen")."""

    actors: list[Actor]
    generic: GenericEntry | None = None
    leader: bool = False


def _active(entry: ActorEntry, day: dt.date | None) -> bool:
    return day is None or entry.period.contains(day)


def build_context(hits: list[PhraseHit], country_hits: list[PhraseHit], day: dt.date | None) -> Context:
    counts: Counter[str] = Counter(k[1] for h in country_hits for k in h.keys if k[0] == COUNTRY)
    entries = actor_entries()
    unambiguous: list[ActorEntry] = []
    for hit in hits:
        named = [entries[int(i)] for kind, i in hit.keys if kind == ALIAS and not hit.weak]
        if len(named) == 1:
            unambiguous.append(named[0])
        named = [e for e in named if _active(e, day) and e.country]
        if len(named) == 1 and named[0].country:  # only unambiguous names vouch for a country
            counts[named[0].country] += 1
    return Context(day or infer_era(unambiguous), counts)


def infer_era(entries: list[ActorEntry]) -> dt.date | None:
    """For an undated article, a day inside the periods of the dated actors it names unambiguously
    (ISAF, 2001-2014, makes 'Afghan forces' the pre-2021 army)."""
    bounded = [e.period for e in entries if e.period.start and e.period.end]
    if not bounded:
        return None
    start = max(p.start for p in bounded if p.start)
    end = min(p.end for p in bounded if p.end)
    if start > end:
        return None
    middle = ((start[0] * 12 + start[1] - 1) + (end[0] * 12 + end[1] - 1)) // 2
    return dt.date(middle // 12, middle % 12 + 1, 15)


def entry_actor(entry: ActorEntry, span: Span) -> Actor:
    return Actor(name=entry.name, type=entry.type, inter=entry.inter, country=entry.country, known=True,
                 spans=[span])


def choose_entry(candidates: list[ActorEntry], ctx: Context) -> ActorEntry | None:
    active = [e for e in candidates if _active(e, ctx.day)]
    if not active:
        return None
    # Stable: among equally good entries the first row of the dictionary wins.
    return max(active, key=lambda e: ctx.countries.get(e.country or "", 0))


def resolve_hit(hit: PhraseHit, span: Span, ctx: Context, demonym: str | None) -> Resolved | None:
    """The actor(s) behind a hit, or None when no entry fits the date or the article's countries."""
    entries = actor_entries()
    kinds = {k for k, _ in hit.keys}
    if JOINT in kinds:
        for kind, index in hit.keys:
            if kind != JOINT:
                continue
            names = joint_phrases()[int(index)].actors
            rows = [entries_by_name()[n] for n in names if n in entries_by_name()]
            if rows and all(_active(r, ctx.day) for r in rows):
                return Resolved([entry_actor(r, span) for r in rows])
    for kind in (ALIAS, LEADER):
        candidates = [entries[int(i)] for k, i in hit.keys if k == kind]
        if not candidates:
            continue
        if hit.weak and kind == ALIAS:
            # A phrase like "resistance forces" only names a listed actor in an article about its country.
            candidates = [e for e in candidates
                          if not e.country or not ctx.countries or e.country in ctx.countries]
        entry = choose_entry(candidates, ctx)
        if entry is not None:
            return Resolved([entry_actor(entry, span)], leader=kind == LEADER)
    for kind, index in hit.keys:
        if kind == GENERIC:
            generic = generic_entries()[int(index)]
            actor = generic_actor(generic, demonym or ctx.main_country, span, ctx.day)
            return Resolved([actor], generic=generic)
    return None


def generic_actor(generic: GenericEntry, iso2: str | None, span: Span, day: dt.date | None = None) -> Actor:
    """'security forces' in an Afghan article of 2012 -> the dictionary's 'Military Forces of Afghanistan
    (2004-2021)', so the same forces get one name whether named or not."""
    name = generic_name(generic, iso2)
    if iso2:
        # The dictionary's own row for that country's forces, if it has one ("Military Forces of the
        # United Kingdom", "Military Forces of Afghanistan (2004-2021)").
        stem = generic.template.split("{")[0]
        for entry in actor_entries():
            if entry.country == iso2 and entry.name.startswith(stem) and _active(entry, day) \
                    and entry.name.removeprefix(stem).removeprefix("the ").split(" (")[0] == \
                    name.removeprefix(stem).split(" (")[0]:
                return entry_actor(entry, span)
    return Actor(name=name, type=generic.type, inter=generic.inter, country=iso2, known=True, spans=[span])


@functools.lru_cache(maxsize=1)
def generic_by_phrase() -> dict[str, GenericEntry]:
    """Generic entry of each one-word phrase ('troops' -> military forces), for coordinated demonyms."""
    return {p.lower(): g for g in generic_entries() for p in g.phrases if " " not in p}


GENERIC_PREFIXES = tuple(g.template.split("{")[0].rstrip(" (") for g in generic_entries())
COUNTRYLESS = frozenset(generic_name(g, None) for g in generic_entries())  # "Military Forces", "Civilians"


def is_generic_name(name: str) -> bool:
    """True for ACLED-style names of unnamed actors ("Civilians (Afghanistan)", "Police Forces")."""
    return (name.startswith(GENERIC_PREFIXES) or name in COUNTRYLESS) and name not in entries_by_name()


def with_country(actor: Actor, iso2: str, day: dt.date | None = None) -> Actor:
    """A generic actor renamed for a country learnt later (e.g. from the event's place)."""
    for generic in generic_entries():
        if generic_name(generic, actor.country) == actor.name:
            renamed = generic_actor(generic, iso2, actor.spans[0] if actor.spans else Span(start=0, end=0, text=""),
                                    day)
            return renamed.model_copy(update={"spans": actor.spans})
    return actor


def names_country(actor: Actor) -> bool:
    """Whether the actor's own words name its country ("Afghan civilians", "Kenyan police")."""
    if actor.country is None or actor.country not in country_by_iso():
        return False
    words = {w.lower() for w in country_by_iso()[actor.country].words}
    return any(w in span.text.lower() for span in actor.spans for w in words)
