"""Scoring an event's (or a cluster's) fields against a gold incident record (the clusters corpus).

A gold incident gives ``date``, ``city``, ``state``, ``killed`` and ``injured`` (each may be null). Fields:

- ``date_exact``: the predicted date equals the gold date;
- ``city``: the predicted place, or its admin2 unit, carries the city's name, or lies within
  ``CITY_KM`` of the city (the gold city found in the gazetteer under that name in that state); a city
  written 'Chicago (Englewood)' is Chicago or Englewood (``city_names``);
- ``state``: the predicted admin1 unit is the gold state;
- ``killed_exact`` / ``injured_exact``: the best figure equals the gold count (no figure counts as 0).

A field whose gold value is null is not scored (left out of the result). Shared by `eval incidents`
(per article) and `eval clusters` (per incident, on the merged cluster record).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sitrep.model.records import Place

__all__ = ["CITY_KM", "FIELDS", "PredictedFields", "city_names", "score_event_against_incident"]

CITY_KM = 25.0
FIELDS = ("date_exact", "city", "state", "killed_exact", "injured_exact")


@dataclass(frozen=True)
class PredictedFields:
    """What is scored: from an Event (date, location, fatalities.best, injured.best) or a ClusterRecord."""

    date: dt.date | None
    place: Place | None
    killed: int | None
    injured: int | None


_NEIGHBOURHOOD = re.compile(r"^\s*(?P<city>[^()]+?)\s*\((?P<part>[^()]+)\)\s*$")


def city_names(city: str) -> list[str]:
    """The names a gold city stands for: 'Chicago (Englewood)', as the Gun Violence Archive writes a
    neighbourhood or suburb it files under a city, is Chicago and Englewood; 'Memphis' is Memphis."""
    match = _NEIGHBOURHOOD.match(city)
    return [match["city"], match["part"]] if match else [city]


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().replace(".", "").replace("saint ", "st ").split())


@functools.lru_cache(maxsize=4096)
def _city_point(city: str, state: str) -> tuple[float, float] | None:
    """The gold city's point: a gazetteer city of that name in that state (most populous), or None."""
    try:
        from sitrep.geo.toponyms import open_gazetteer

        gazetteer = open_gazetteer()
    except Exception:  # no gazetteer: the name rule alone decides
        return None
    best = None
    for hit in gazetteer.lookup(city):
        entry = hit.entry
        if entry.lat is None or entry.lon is None or entry.feature not in ("city", "admin2"):
            continue
        unit = gazetteer.admin(entry.admin1_code, "admin1") if entry.admin1_code else None
        if unit is None or _norm(unit.name) != _norm(state):
            continue
        if best is None or entry.population > best.population:
            best = entry
    return (best.lat, best.lon) if best is not None and best.lat is not None and best.lon is not None else None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def city_matches(place: Place | None, city: str, state: str | None) -> bool:
    if place is None:
        return False
    names = city_names(city)
    for name in names:
        wanted = _norm(name)
        if wanted and (wanted in _norm(place.name) or wanted in _norm(place.admin2)):
            return True
    if place.lat is None or place.lon is None or not state:
        return False
    lat, lon = place.lat, place.lon
    return any((point := _city_point(name, state)) is not None and _km(lat, lon, *point) <= CITY_KM
               for name in names)


def score_event_against_incident(predicted: PredictedFields, gold: Mapping[str, object]) -> dict[str, bool]:
    """Field -> whether ``predicted`` gets it right, for each field ``gold`` gives."""
    scores: dict[str, bool] = {}
    if gold.get("date"):
        scores["date_exact"] = predicted.date is not None and predicted.date.isoformat() == str(gold["date"])
    if gold.get("city"):
        scores["city"] = city_matches(predicted.place, str(gold["city"]), str(gold.get("state") or "") or None)
    if gold.get("state"):
        scores["state"] = predicted.place is not None and _norm(predicted.place.admin1) == _norm(str(gold["state"]))
    for field, value in (("killed_exact", predicted.killed), ("injured_exact", predicted.injured)):
        key = "killed" if field == "killed_exact" else "injured"
        if gold.get(key) is not None:
            scores[field] = (value or 0) == gold[key]
    return scores
