"""Watchlists: saved filters whose new or changed matching events become alerts, and their Atom feeds."""

from sitrep.watch.alerts import refresh_alerts
from sitrep.watch.atom import render_feed

__all__ = ["refresh_alerts", "render_feed"]
