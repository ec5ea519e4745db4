"""An Atom 1.0 feed of a watchlist's alerts (RFC 4287), one entry per alert, newest first.

Built with ElementTree, so every text is escaped by construction.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any

__all__ = ["ATOM_TYPE", "entry_title", "render_feed"]

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _stamp(value: Any) -> str:
    if isinstance(value, dt.datetime):
        when = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    elif isinstance(value, dt.date):
        when = dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    else:
        when = _EPOCH
    return when.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def entry_title(cluster: Any) -> str:
    """'2024-05-03 Armed clash in Jowhar, Somalia: 12-20 killed' from a ClusterRecord."""
    parts = [cluster.date.isoformat() if cluster.date else "undated", cluster.sub_event_type]
    place = cluster.location
    if place is not None:
        parts.append("in " + ", ".join(dict.fromkeys(p for p in (place.name, place.country) if p)))
    title = " ".join(parts)
    low, high = cluster.fatalities.low, cluster.fatalities.high
    if high:
        title += f": {low if low is not None else 0}-{high} killed" if low != high else f": {high} killed"
    return title


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def render_feed(name: str, alerts: Iterable[Any], clusters: dict[str, Any], base_url: str) -> bytes:
    """The feed for watchlist ``name``: ``alerts`` with ``cluster_id`` and ``created_at``; ``clusters`` by id."""
    ET.register_namespace("", ATOM_NS)
    base = base_url.rstrip("/")
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    ordered = sorted(alerts, key=lambda a: (_stamp(getattr(a, "created_at", None)), a.cluster_id), reverse=True)
    _sub(feed, "id", f"{base}/api/watchlists/{name}/feed.atom")
    _sub(feed, "title", f"sitrep watchlist {name}")
    _sub(feed, "updated", _stamp(getattr(ordered[0], "created_at", None)) if ordered else _stamp(None))
    _sub(feed, "link", rel="self", href=f"{base}/api/watchlists/{name}/feed.atom")
    author = _sub(feed, "author")
    _sub(author, "name", "sitrep")
    for alert in ordered:
        cluster = clusters.get(alert.cluster_id)
        entry = _sub(feed, "entry")
        created = _stamp(getattr(alert, "created_at", None))
        _sub(entry, "id", f"{base}/api/events/{alert.cluster_id}#{created}")
        _sub(entry, "title", entry_title(cluster) if cluster is not None else f"event {alert.cluster_id}")
        _sub(entry, "updated", created)
        _sub(entry, "link", rel="alternate", type="application/json", href=f"{base}/api/events/{alert.cluster_id}")
        if cluster is not None:
            outlets = sorted({r.outlet for r in cluster.reports if r.outlet})
            summary = (f"{cluster.event_type} / {cluster.sub_event_type}; {cluster.sources} independent source(s)"
                       + (f": {', '.join(outlets)}" if outlets else "") + ("; contested" if cluster.contested else ""))
            _sub(entry, "summary", summary)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False)
