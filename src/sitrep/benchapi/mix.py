"""The request mix of the load test: filtered lists and event cards, seeded and fixed."""

from __future__ import annotations

import random
from collections.abc import Sequence

__all__ = ["request_mix"]

_LISTS = (
    "/api/events?limit=50",
    "/api/events?country={country}&limit=50",
    "/api/events?country={country}&from=2023-{month:02d}-01&to=2023-{month:02d}-28&limit=100",
    "/api/events?event_type=Battles&min_sources=2&limit=50",
    "/api/events?bbox={w},{s},{e},{n}&limit=100",
    "/api/events?country={country}&contested=true&limit=50",
    "/api/events?actor=al-Shabaab&limit=25",
    "/api/events?country={country}&event_type=Explosions/Remote violence&fields=id,date,location,fatalities&limit=200",
)


def request_mix(cluster_ids: Sequence[str], countries: Sequence[str], size: int = 2000,
                seed: int = 7) -> list[str]:
    """``size`` request paths: half filtered lists, half event cards (random existing ids)."""
    rng = random.Random(seed)
    paths = []
    for i in range(size):
        if i % 2:
            paths.append(f"/api/events/{rng.choice(cluster_ids)}")
            continue
        w, s = rng.uniform(-20, 60), rng.uniform(-30, 30)
        paths.append(rng.choice(_LISTS).format(country=rng.choice(countries), month=rng.randint(1, 12),
                                               w=round(w, 2), s=round(s, 2), e=round(w + 5, 2), n=round(s + 5, 2)))
    return paths
