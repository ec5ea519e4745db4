"""Blocking: which stored mentions a new mention is compared with.

A new report is compared only with stored mentions whose anchor date (event date, else publication date)
lies in a window around its own, in its country, and near it: inside a box around its point, or in its
admin1 unit (a stored mention placed only at its state's centre lies far from a town in that state); or,
within a few days, anywhere (places are misread more often than dates, even into another country). The
window leans back a year: later reports of an incident come days to months after the first (arrests,
charges, trials), and a report that misreads the date usually moves it towards its own, later,
publication date. So the set of candidates is
bounded by how many incidents one area has in a few weeks, not by the size of the store: the store
answers ``CandidateQuery`` from indexes on (date), (lat, lon) and (country, admin1), keeps at most
``limit`` mentions, the nearest in date first, and groups them by cluster.

``CandidateQuery.matches`` says in Python exactly what the store's SQL must select, so tests and the
in-memory replay use the same rule.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sitrep.cluster.mention import Mention, name_key

__all__ = ["BACK_DAYS", "CandidateQuery", "FORWARD_DAYS", "MAX_CANDIDATES", "NAME_CANDIDATES", "NAME_DAYS",
           "NAME_LOOKUPS", "NAME_ROWS", "candidate_query", "index_names", "lookup_names", "radius_km"]

BACK_DAYS = 365    # stored mentions up to this many days before the new one's anchor date (follow-ups:
# arrests, charges, trials come months later; 8% of reports come more than 60 days after the last one)
FORWARD_DAYS = 30  # ... and this many after (a report may give the date more correctly than an earlier one; a
# date misread a few weeks early, "Sunday" four weeks back, still meets the later reports)
NEAR_DAYS = 5  # within this many days a stored mention anywhere in the country is a candidate
MAX_CANDIDATES = 400
# A stored main report sharing a rare name (a victim's, a suspect's: ``Mention.names``) with a new main report
# is a candidate this many days either side, wherever it is placed: trials and sentencings come years after,
# and a misread date or town would otherwise part them. Through an index on (name, anchor), at most
# NAME_CANDIDATES of them, nearest in date.
NAME_DAYS = 1100
NAME_CANDIDATES = 50
NAME_LOOKUPS = 16  # at most this many of a report's names are looked up (a round-up names a hundred)
NAME_ROWS = 50  # ... each giving at most its latest this many stored reports in the window
# ACLED geo precision -> how far (km) two points of one incident may lie apart: a town point, a nearby or
# small area, a region's centre.
RADIUS_KM = {1: 30.0, 2: 60.0, 3: 250.0}
UNKNOWN_RADIUS_KM = 250.0


def radius_km(precision: int | None) -> float:
    return RADIUS_KM.get(precision or 0, UNKNOWN_RADIUS_KM)


@dataclass(frozen=True)
class CandidateQuery:
    """The bounds of one candidate search (every bound is inclusive; None = unbounded)."""

    date_from: dt.date | None
    date_to: dt.date | None
    country_code: str | None
    bbox: tuple[float, float, float, float] | None  # west, south, east, north (degrees)
    admin1: str | None = None  # also a candidate: a stored mention in this admin1 unit, wherever its point
    limit: int = MAX_CANDIDATES
    # also a candidate, wherever it is placed in the country: a stored mention dated in this narrower range
    # (places are misread more often than dates; a report of the same days is worth comparing by its text)
    near_from: dt.date | None = None
    near_to: dt.date | None = None
    # also a candidate, wherever it is placed, inside the date window: a stored mention of a town of the same
    # name (``mention.place_key``): a namesake read in another state ('Jackson' in Mississippi for Tennessee's)
    place_key: str | None = None
    # also a candidate, wherever it is placed, within [names_from, names_to]: a stored main report that shares
    # one of these rare names
    names: tuple[str, ...] = ()
    names_from: dt.date | None = None
    names_to: dt.date | None = None

    def named(self, stored: Mention) -> bool:
        """Whether ``stored`` is a candidate through a shared rare name (the index the store keeps)."""
        anchor = stored.anchor
        return bool(self.names and stored.is_main and anchor is not None and self.names_from and self.names_to
                    and self.names_from <= anchor <= self.names_to and set(self.names).intersection(stored.names))

    def matches(self, stored: Mention) -> bool:
        """Whether ``stored`` is a candidate: inside the window and place bounds, or sharing a rare name."""
        return self.in_window(stored) or self.named(stored)

    def in_window(self, stored: Mention) -> bool:
        """Whether ``stored`` falls within the date window and place bounds (the rule the store's SQL
        implements; ``named`` is the name index's)."""
        anchor = stored.anchor
        if self.date_from and self.date_to and (anchor is None or not self.date_from <= anchor <= self.date_to):
            return False
        if self.place_key and stored.place_key == self.place_key:
            return True
        near = bool(self.near_from and self.near_to and anchor is not None
                    and self.near_from <= anchor <= self.near_to)
        if self.country_code and stored.country_code and stored.country_code != self.country_code:
            # a report of the same days placed in another country: a misread place ('Chatham' in England
            # for Chicago's) more often than another incident, so its words decide
            return near
        if self.bbox is None or near:
            return True
        if self.admin1 and stored.admin1 == self.admin1:
            return True
        if stored.lat is None or stored.lon is None:
            return stored.country_code is None or self.admin1 is None
        west, south, east, north = self.bbox
        return south <= stored.lat <= north and west <= stored.lon <= east


def _box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    dlat = km / 111.0
    dlon = km / (111.0 * max(0.05, math.cos(math.radians(lat))))
    return (round(lon - dlon, 4), round(lat - dlat, 4), round(lon + dlon, 4), round(lat + dlat, 4))


def candidate_query(m: Mention) -> CandidateQuery:
    """The bounds within which ``m``'s candidates lie."""
    anchor = m.anchor
    date_from = anchor - dt.timedelta(days=BACK_DAYS) if anchor else None
    date_to = anchor + dt.timedelta(days=FORWARD_DAYS) if anchor else None
    bbox = None
    if m.lat is not None and m.lon is not None:
        # stored points placed as precisely as a small area; coarser ones are found through admin1
        bbox = _box(m.lat, m.lon, radius_km(m.geo_precision) + radius_km(2))
    near_from = anchor - dt.timedelta(days=NEAR_DAYS) if anchor else None
    near_to = anchor + dt.timedelta(days=NEAR_DAYS) if anchor else None
    names = lookup_names(m) if anchor else ()
    return CandidateQuery(date_from, date_to, m.country_code, bbox, m.admin1, near_from=near_from, near_to=near_to,
                          place_key=m.place_key, names=names,
                          names_from=anchor - dt.timedelta(days=NAME_DAYS) if names and anchor else None,
                          names_to=anchor + dt.timedelta(days=NAME_DAYS) if names and anchor else None)


def index_names(m: Mention) -> tuple[str, ...]:
    """The rare names of a main report that blocking looks up (and the store indexes): its names less those of
    its own place ('baton rouge' is a rare pair of words, and every report of the city says it)."""
    if not m.is_main or not NAME_DAYS:
        return ()
    own = {name_key(m.place_name), name_key(m.admin1), name_key(m.admin2)}
    return tuple(n for n in m.names if n not in own)


def lookup_names(m: Mention) -> tuple[str, ...]:
    """The names a new report looks up in the index: the first ``NAME_LOOKUPS`` of ``index_names``."""
    return index_names(m)[:NAME_LOOKUPS]
