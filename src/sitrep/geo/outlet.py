"""The outlet's home: the town and first-level unit (a US state) a news site is at home in.

Local news often leaves its own town and state unsaid: a story in the Baltimore Sun about 'a shooting on
North Avenue' happened in Maryland, and a Louisville station's story about 'a shooting in the West End' in Louisville. The
home comes from a table of outlets' domains (data/geo/outlet_homes.tsv: a station's call letters say
nothing of its town), else from the domain itself when it names a town or state ('baltimoresun.com',
'nbcconnecticut.com', 'stlouis.cbslocal.com', 'mysanantonio.com'). The unit is a weak prior for resolving
the text's names (geo.resolve); the town stands for the main event's place only when the text names none
(events.fields).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlparse

from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.model import URL, Span, make_span
from sitrep.resources import read_lines, read_table

__all__ = ["OutletHome", "outlet_host", "outlet_home", "outlet_span"]

# A town this populous may name the outlet's home; smaller ones are too often words or other towns' names.
MIN_TOWN_POPULATION = 20_000
# A name read inside a longer domain label ('baltimoresun') must be at least this long ('erie', 'troy' only
# as a whole label).
MIN_PART = 5
# A town whose namesake in another state has at least this share of its people is no one town's name.
NAMESAKE_SHARE = 1 / 3
# A state whose name is also a great city's elsewhere ('washingtonpost.com': the capital, not the state)
# names neither.
GREAT_CITY = 500_000
# Labels that are the archive's own, not the outlet's.
_ARCHIVES = ("web.archive.org", "archive.org", "archive.is", "archive.today")


@dataclass(frozen=True)
class OutletHome:
    """The unit the domain names and the place it was read from (a town, or the state itself). ``town`` is the
    outlet's home town when the outlet table gives it (a domain's own name may be a paper's, not a town's)."""

    admin1_code: str
    country_code: str
    place: Entry
    town: Entry | None = None


def outlet_host(url: str | None) -> str:
    """The outlet's host name, seen through an archive's copy ('web.archive.org/web/2017/http://x.com/a')."""
    if not url:
        return ""
    host = (urlparse(url).hostname or "").lower()
    if host.endswith(_ARCHIVES):
        inner = url.find("http", len("https://") + len(host))
        return outlet_host(url[inner:]) if inner > 0 else ""
    return host


def outlet_span(url: str | None) -> Span | None:
    """The outlet's host name as a span of the article's URL (``field="url"``): what grounds a value known only
    from the outlet, such as the home town a local story that names none happened in."""
    host = outlet_host(url)
    start = (url or "").lower().find(host) if host else -1
    return make_span(url or "", start, start + len(host), URL) if start >= 0 else None


@functools.lru_cache(maxsize=4)
def _home_names(gazetteer: Gazetteer, country: str) -> dict[str, Entry | None]:
    """Own names of a country's admin1 units and towns, spaces removed, each to its place (None: the name
    is ambiguous between units)."""
    rows = gazetteer.own_names(country, MIN_TOWN_POPULATION)
    by_key: dict[str, list[Entry]] = {}
    for key, entry in rows:
        by_key.setdefault(key.replace(" ", ""), []).append(entry)
    names: dict[str, Entry | None] = {}
    skip = set(read_lines("geo/outlet_name_words.txt"))
    for key, entries in by_key.items():
        if key in skip:
            continue
        units = [e for e in entries if e.feature == "admin1"]
        towns = sorted((e for e in entries if e.feature != "admin1"), key=lambda e: -e.population)
        if units:
            unit = units[0]
            rival = any(t.admin1_code != unit.admin1_code and t.population >= GREAT_CITY for t in towns)
            names[key] = None if rival else unit
        elif towns:
            rivals = [t for t in towns[1:] if t.admin1_code != towns[0].admin1_code]
            names[key] = None if rivals and rivals[0].population >= towns[0].population * NAMESAKE_SHARE \
                else towns[0]
    return names


@functools.lru_cache(maxsize=1)
def _outlet_table() -> dict[str, tuple[str, str]]:
    """domain -> (town, state) of data/geo/outlet_homes.tsv (town empty: only the state is known)."""
    return {row["domain"].lower(): (row["town"], row["state"]) for row in read_table("geo/outlet_homes.tsv")}


def _listed_home(gazetteer: Gazetteer, host: str, country: str) -> OutletHome | None:
    """The home the outlet table gives for the host or a domain above it ('homicide.latimes.com')."""
    labels = host.split(".")
    row = next((_outlet_table()[d] for d in (".".join(labels[k:]) for k in range(len(labels) - 1))
                if d in _outlet_table()), None)
    if row is None:
        return None
    town_name, state_name = row
    state = next((h.entry for h in gazetteer.lookup(state_name)
                  if h.entry.feature == "admin1" and h.entry.country_code == country and h.entry.admin1_code), None)
    if state is None or state.admin1_code is None:
        return None
    towns = [h.entry for h in gazetteer.lookup(town_name) if town_name and h.entry.feature == "city"
             and h.entry.admin1_code == state.admin1_code and h.entry.lat is not None]
    town = max(towns, key=lambda e: e.population, default=None)
    return OutletHome(state.admin1_code, country, town or state, town)


def outlet_home(gazetteer: Gazetteer, url: str | None, country: str = "US") -> OutletHome | None:
    """The outlet's home: the outlet table's row for the host, else the unit named by the outlet's domain,
    or None. In a domain the longest name read wins; a name must be a whole label or begin or end one, leaving
    no single letter ('arkansasonline' is Arkansas, not Kansas; 'columbian' is not Columbia). Hosts under a
    country code ('co.marion.or.us') are left alone."""
    host = outlet_host(url)
    listed = _listed_home(gazetteer, host.removeprefix("www."), country) if host else None
    if listed is not None:
        return listed
    if host.rsplit(".", 1)[-1] in ("us", "gov") or len(host.rsplit(".", 1)[-1]) == 2:
        return None
    labels = [label.replace("-", "") for label in host.split(".")[:-1] if label != "www"]
    if not labels:
        return None
    names = _home_names(gazetteer, country)
    best: tuple[int, Entry | None] | None = None
    for label in labels:
        for size in range(len(label), MIN_PART - 1 if len(label) > MIN_PART else len(label) - 1, -1):
            if len(label) - size == 1:
                continue
            for part in {label[:size], label[-size:]}:
                if part in names and (best is None or size > best[0]):
                    best = (size, names[part])
    entry = best[1] if best is not None else None
    if entry is None or entry.admin1_code is None:
        return None
    return OutletHome(entry.admin1_code, entry.country_code or country, entry)
