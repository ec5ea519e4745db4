"""After each ingest, the clusters it created or changed that match a watchlist become alerts.

Matching is in memory (sitrep.filters.matches), the same rules the store's SQL applies, so a
watchlist and `sitrep events` with the same filters agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sitrep.filters import EventFilter, matches, parse_filter

__all__ = ["matching_alerts", "refresh_alerts"]


def matching_alerts(watchlists: Iterable[tuple[str, EventFilter]], clusters: Iterable[Any]) -> dict[str, list[str]]:
    """Watchlist name -> ids of the given clusters it matches (in the clusters' order)."""
    found: dict[str, list[str]] = {}
    cluster_list = list(clusters)
    for name, event_filter in watchlists:
        ids = [cluster.id for cluster in cluster_list if matches(event_filter, cluster)]
        if ids:
            found[name] = ids
    return found


def refresh_alerts(store: Any, report: Any) -> dict[str, list[str]]:
    """Record alerts for the clusters ``report`` (an IngestReport) created or changed; returns them."""
    changed = sorted(getattr(report, "changed_cluster_ids", None) or ())
    if not changed:
        return {}
    watchlists = [(w.name, parse_filter(w.filter)) for w in store.list_watchlists()]
    if not watchlists:
        return {}
    clusters = [c for c in (store.get_cluster(cid) for cid in changed) if c is not None]
    found = matching_alerts(watchlists, clusters)
    for name, ids in found.items():
        store.add_alerts(name, ids)
    return found
