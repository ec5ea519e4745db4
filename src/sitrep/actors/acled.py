"""ACLED's names for actors: ``Actor.acled_name`` beside sitrep's readable ``Actor.name``.

Users join sitrep's output with ACLED exports, which name actors by conventions of their own:
- state forces after the government in office on the event's day ("Military Forces of Nigeria
  (2015-2023)", "Police Forces of Nigeria (2023-)"; data/actors/government_periods.tsv);
- groups with ACLED's acronym prefix and spelling ("SDF: Syrian Democratic Forces", "Al Shabaab") and
  transnational groups after the event's country ("Islamic State (Syria)"; data/actors/acled_names.tsv);
- unnamed and identity actors always with their country ("Protesters (Kenya)", "Fulani Ethnic Militia
  (Nigeria)"): generic actors get theirs when the event is placed (:mod:`sitrep.events.actors`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from sitrep.actors.dictionary import country_name
from sitrep.model import Actor
from sitrep.resources import read_table

__all__ = ["GovernmentPeriod", "acled_name", "government_period"]

PERIODS = "actors/government_periods.tsv"
SPELLINGS = "actors/acled_names.tsv"
DE_FACTO = "actors/de_facto_authorities.tsv"
# "Military Forces of the United Kingdom", "Police Forces of Afghanistan (2004-2021)": a qualifier that is
# a period is replaced; any other ("(Kurdistan Regional Government)", "(Houthi)") names another authority.
STATE_FORCES = re.compile(r"^(?P<kind>Military|Police) Forces of (?:the )?[^()]+?(?: \((?P<qualifier>[^)]*)\))?$")
PERIOD = re.compile(r"^\d{4}-(?:\d{4})?$")
# Identity militias ACLED writes with their country ("Tiv Ethnic Militia (Nigeria)").
MILITIA_WORDS = ("Ethnic Militia", "Clan Militia", "Tribal Militia", "Communal Militia")


@dataclass(frozen=True)
class GovernmentPeriod:
    """One government's time in office, which names its state forces."""

    iso2: str
    forces_of: str  # "the United States"
    start: dt.date
    end: dt.date | None
    kinds: tuple[str, ...]  # "military", "police"

    @property
    def label(self) -> str:
        """'2015-2023', or '2023-' while it lasts."""
        return f"{self.start.year}-{self.end.year if self.end else ''}"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@functools.lru_cache(maxsize=1)
def _periods() -> dict[str, tuple[GovernmentPeriod, ...]]:
    out: dict[str, list[GovernmentPeriod]] = {}
    for row in read_table(PERIODS):
        period = GovernmentPeriod(row["iso2"], row["forces_of"], dt.date.fromisoformat(row["start"]),
                                  dt.date.fromisoformat(row["end"]) if row["end"] else None,
                                  tuple(k for k in row["kinds"].split("|") if k))
        out.setdefault(period.iso2, []).append(period)
    return {code: tuple(sorted(rows, key=lambda p: p.start)) for code, rows in out.items()}


@functools.lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    return {row["name"]: row["acled"] for row in read_table(SPELLINGS)}


@dataclass(frozen=True)
class DeFactoAuthority:
    """A group whose forces ACLED names as the state's from the day it took power."""

    iso2: str
    start: dt.date
    kind: str  # "military" | "police"


@functools.lru_cache(maxsize=1)
def _de_facto() -> dict[str, DeFactoAuthority]:
    return {row["name"]: DeFactoAuthority(row["iso2"], dt.date.fromisoformat(row["start"]), row["kind"])
            for row in read_table(DE_FACTO)}


def government_period(iso2: str, day: dt.date, kind: str = "military") -> GovernmentPeriod | None:
    """The government in office in a country on a day, when the table knows it."""
    return next((p for p in _periods().get(iso2, ()) if kind in p.kinds and p.contains(day)), None)


def acled_name(actor: Actor, day: dt.date | None, event_country: str | None = None) -> str:
    """The name ACLED gives ``actor`` in an event on ``day`` in ``event_country`` (ISO alpha-2); the
    actor's own name where no convention applies or what it needs (a date, a country) is unknown."""
    authority = _de_facto().get(actor.name)
    if authority is not None and day is not None and day >= authority.start:
        # "Taliban fighters detained three men" in 2022: the de facto state's forces (ACLED).
        period = government_period(authority.iso2, day, authority.kind)
        if period is not None:
            return f"{authority.kind.capitalize()} Forces of {period.forces_of} ({period.label})"
    spelled = _spellings().get(actor.name)
    if spelled is not None:
        return _with_country(spelled, event_country or actor.country)
    forces = STATE_FORCES.match(actor.name)
    if forces and actor.country and (forces["qualifier"] is None or PERIOD.match(forces["qualifier"])):
        kind = forces["kind"]
        period = government_period(actor.country, day, kind.lower()) if day else None
        return f"{kind} Forces of {period.forces_of} ({period.label})" if period else actor.name
    if actor.name.endswith(MILITIA_WORDS):
        return _with_country(f"{actor.name} ({{country}})", actor.country or event_country)
    return actor.name


def _with_country(template: str, iso2: str | None) -> str:
    """A name with '{country}' filled in, or without its '({country})' when the country is unknown."""
    if "{country}" not in template:
        return template
    name = country_name(iso2) if iso2 else None
    return template.format(country=name) if name else template.replace(" ({country})", "").replace("{country}", "")
