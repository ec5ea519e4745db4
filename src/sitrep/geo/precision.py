"""ACLED geo precision of a resolved place.

ACLED codes 1 when the event's town is known, 2 when it happened near a town or in
a small area (a district, a valley, a village known only by the district it lies in),
3 when only a larger region is known and its centroid or capital stands in.
"""

from __future__ import annotations

from sitrep.geo.gazetteer import Entry

FEATURE_PRECISION = {"city": 1, "area": 2, "admin2": 2, "admin1": 3, "country": 3, "continent": 3, "region": 3}
# Words before a place name that put the event near, not in, it.
NEAR_WORDS = frozenset({"near", "outside", "around", "outskirts", "nearby", "close"})


def precision(entry: Entry, *, inside: bool = False, hint: int | None = None, near: bool = False) -> int:
    """Precision of ``entry``; ``inside``: an unknown place placed in its container unit ``entry``."""
    if inside:
        # An unknown village or area inside a known district is "a small area" (2); inside only a
        # province or country, the point is the region's and says no more than 3.
        return 2 if entry.feature in ("admin2", "city", "area") or (hint is not None and hint <= 2
                                                                    and entry.feature == "admin1") else 3
    value = FEATURE_PRECISION.get(entry.feature, 2)
    if entry.feature in ("admin1", "admin2") and entry.lat is None:
        value = 3
    if near and value == 1:
        value = 2
    return value
