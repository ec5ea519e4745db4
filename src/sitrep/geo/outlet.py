"""The outlet's home: the first-level unit (a US state) a news site's domain names.

Local news names its own town or state in its domain ('baltimoresun.com', 'nbcconnecticut.com',
'stlouis.cbslocal.com', 'mysanantonio.com') and often leaves the state unsaid in the text: a story in
the Baltimore Sun about 'a shooting on North Avenue' happened in Maryland. The unit is a weak prior for
resolving the text's names (geo.resolve), never a place of its own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlparse

from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.resources import read_lines

__all__ = ["OutletHome", "outlet_host", "outlet_home"]

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
    """The unit the domain names and the place it was read from (a town, or the state itself)."""

    admin1_code: str
    country_code: str
    place: Entry


def outlet_host(url: str | None) -> str:
    """The outlet's host name, seen through an archive's copy ('web.archive.org/web/2017/http://x.com/a')."""
    if not url:
        return ""
    host = (urlparse(url).hostname or "").lower()
    if host.endswith(_ARCHIVES):
        inner = url.find("http", len("https://") + len(host))
        return outlet_host(url[inner:]) if inner > 0 else ""
    return host


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


def outlet_home(gazetteer: Gazetteer, url: str | None, country: str = "US") -> OutletHome | None:
    """The unit named by the outlet's domain, or None. The longest name read wins; a name must be a whole
    label or begin or end one, leaving no single letter ('arkansasonline' is Arkansas, not Kansas; 'columbian'
    is not Columbia). Hosts under a country code ('co.marion.or.us') are left alone."""
    host = outlet_host(url)
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
