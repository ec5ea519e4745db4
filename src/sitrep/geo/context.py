"""Document context for resolution: what the other names of a text say about one reading.

Each distinct name in the text contributes its country (best reading) and, for each of
its readings close to the best, the admin1 and admin2 units and the point. Two
ambiguous names ('Huntsville', 'Walker County') so support the readings in which they
lie together, not just each one's likeliest. Computed once per pass and shared by all
mentions of a name; distances are vectorised, so a long text stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sitrep.geo.gazetteer import Entry

LOCAL_FEATURES = frozenset({"city", "admin2", "area"})
EARTH_KM = 6371.0
# Support per other admin1 unit of the same country the text names, and its cap.
SIBLING_WEIGHT = 1.5
SIBLING_CAP = 3.0


@dataclass(frozen=True)
class NameContext:
    """What one name of the text contributes as context."""

    key: str
    ids: frozenset[int]  # the places its readings are
    country: str | None
    admin1s: frozenset[str]
    admin2s: frozenset[str]
    best_admin1: str | None
    best_admin2: str | None
    best_feature: str
    points: tuple[tuple[float, float], ...]  # (lat, lon) of local readings


@dataclass(frozen=True)
class Support:
    """Context for one reading: ``local`` is the part below country level."""

    local: float
    country: float

    @property
    def total(self) -> float:
        return self.local + self.country


def name_context(key: str, best: Entry, readings: list[Entry]) -> NameContext:
    return NameContext(
        key=key,
        ids=frozenset({best.id, *(o.id for o in readings)}),
        country=best.country_code,
        admin1s=frozenset(o.admin1_code for o in readings if o.admin1_code),
        admin2s=frozenset(o.admin2_code for o in readings if o.admin2_code),
        best_admin1=best.admin1_code,
        best_admin2=best.admin2_code,
        best_feature=best.feature,
        points=tuple((o.lat, o.lon) for o in readings
                     if o.feature in LOCAL_FEATURES and o.lat is not None and o.lon is not None),
    )


def _weight(code: str, best: str | None, codes: frozenset[str]) -> float:
    return 1.0 if code == best else 0.5 if code in codes else 0.0


class Context:
    """The other names of a text, ready to score readings against."""

    def __init__(self, names: list[NameContext]) -> None:
        self.names = names
        owners: list[int] = []
        coords: list[tuple[float, float]] = []
        for i, name in enumerate(names):
            owners.extend([i] * len(name.points))
            coords.extend(name.points)
        self._owners = np.array(owners, dtype=np.int64)
        rad = np.radians(np.array(coords, dtype=np.float64).reshape(-1, 2))
        self._lat, self._lon = rad[:, 0], rad[:, 1]
        # Computed once per text rather than once per reading scored (_nearest runs ~70 times per article).
        self._cos_lat = np.cos(self._lat)
        # Each name's points are consecutive: the names that have points, and where their points start.
        self._with_points = np.array([i for i, name in enumerate(names) if name.points], dtype=np.int64)
        self._apart_of: dict[str, list[int]] = {}
        self._starts = np.flatnonzero(np.r_[True, self._owners[1:] != self._owners[:-1]]) \
            if len(self._owners) else np.zeros(0, dtype=np.int64)

    def _apart(self, own_key: str) -> list[int]:
        """The names neither holding ``own_key`` nor held in it (the same for every reading of one name:
        computed once per name, not once per reading scored)."""
        apart = self._apart_of.get(own_key)
        if apart is None:
            apart = self._apart_of[own_key] = [i for i, n in enumerate(self.names)
                                               if own_key not in n.key and n.key not in own_key]
        return apart

    def _nearest(self, entry: Entry) -> np.ndarray:
        """Per name, the distance (km) from ``entry`` to its nearest local reading (inf if none)."""
        nearest = np.full(len(self.names), np.inf)
        if not len(self._owners) or entry.lat is None or entry.lon is None:
            return nearest
        lat, lon = np.radians(entry.lat), np.radians(entry.lon)
        a = np.sin((self._lat - lat) / 2) ** 2 + np.cos(lat) * self._cos_lat * np.sin((self._lon - lon) / 2) ** 2
        km = 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
        nearest[self._with_points] = np.minimum.reduceat(km, self._starts)
        return nearest

    def _sibling_units(self, entry: Entry, others: list[int]) -> float:
        """'Alabama, Iowa, Georgia and Texas': other admin1 units of one country named in the text make a
        name that is also a country ('Georgia') one more of those units."""
        if entry.feature != "admin1":
            return 0.0
        siblings = {n.best_admin1 for n in map(self.names.__getitem__, others) if n.best_feature == "admin1"
                    and n.country == entry.country_code and n.best_admin1 != entry.admin1_code}
        return min(SIBLING_CAP, SIBLING_WEIGHT * len(siblings))

    def names_unit_of(self, entry: Entry, own_key: str) -> bool:
        """Whether another name of the text is the admin1 unit a town or county lies in ('Ohio' for Dublin)."""
        if entry.feature not in LOCAL_FEATURES or not entry.admin1_code:
            return False
        return any(n.best_feature == "admin1" and n.best_admin1 == entry.admin1_code
                   and own_key not in n.key and n.key not in own_key for n in self.names)

    def support(self, entry: Entry, own_key: str, spelling_of: str | None = None, siblings: bool = False) -> Support:
        # 'Dublin City' is no evidence for which Dublin 'Dublin' is: names holding one another are one.
        # Nor is another name that may be this very place ('Medina', one of whose readings is the Ohio
        # town that also bears 'Mecca' as an old name), except the name a misspelling repeats.
        others = [i for i in self._apart(own_key)
                  if entry.id not in (n := self.names[i]).ids or n.key == spelling_of]
        if not others:
            return Support(0.0, 0.0)
        countries = sum(self.names[i].country == entry.country_code for i in others)
        # A match with another name's best reading counts fully, with one of its rivals half.
        admin1s = admin2s = 0.0
        if entry.admin1_code:
            admin1s = sum(_weight(entry.admin1_code, n.best_admin1, n.admin1s) for n in map(self.names.__getitem__, others))
        if entry.admin2_code and entry.feature != "admin2":
            admin2s = sum(_weight(entry.admin2_code, n.best_admin2, n.admin2s) for n in map(self.names.__getitem__, others))
        near = 0.0
        if entry.feature in LOCAL_FEATURES:
            closest = float(self._nearest(entry)[others].min())
            near = 1.5 if closest < 50 else 1.0 if closest < 150 else 0.0
        local = near + min(3.0, 2.0 * admin1s) + min(3.0, 2.0 * admin2s) \
            + (self._sibling_units(entry, others) if siblings else 0.0)
        return Support(local, min(2.0, 1.2 * countries))
