"""ACLED-style CSV: ACLED's column names where ACLED has one, sitrep's additions after them.

Column names follow the ACLED export (Codebook 2023) so existing tooling reads the
file; the claims, flags and fatality ranges that ACLED keeps only in free text get
columns of their own at the end. ACLED's actor columns hold ACLED's names (``Actor.acled_name``:
"Military Forces of Nigeria (2023-)", "Protesters (Kenya)"), so the rows join with an ACLED export;
sitrep's readable names follow in ``sitrep_actor1`` and ``sitrep_actor2``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from sitrep.model import Actor, Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "iso", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
)
SITREP_COLUMNS = (
    "plover_type", "fatalities_low", "fatalities_high", "injured", "captured", "materiel",
    "claimants", "flags", "confidence", "article_ids", "sitrep_actor1", "sitrep_actor2",
)
COLUMNS = ACLED_COLUMNS + SITREP_COLUMNS


def _inter(actor: Actor | None) -> str:
    return str(actor.inter) if actor and actor.inter else ""


def acled_actor(actor: Actor | None) -> str:
    """The actor as ACLED names it, or sitrep's name where it has no ACLED name."""
    return (actor.acled_name or actor.name) if actor else ""


def _interaction(event: Event) -> str:
    codes = sorted(int(c) for c in (_inter(event.actor1), _inter(event.actor2)) if c)
    return "".join(str(c) for c in codes)


def event_row(event: Event) -> dict[str, str]:
    """One CSV row for an event; empty strings where nothing is known."""
    place = event.location
    assoc = "; ".join(acled_actor(a) for a in event.assoc_actors)
    return {
        "event_id_cnty": event.id,
        "event_date": event.date.isoformat() if event.date else "",
        "year": str(event.date.year) if event.date else "",
        "time_precision": str(event.date_precision or ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": acled_actor(event.actor1),
        "assoc_actor_1": assoc,
        "inter1": _inter(event.actor1),
        "actor2": acled_actor(event.actor2),
        "assoc_actor_2": "",
        "inter2": _inter(event.actor2),
        "interaction": _interaction(event),
        "iso": (place.country_code or "") if place else "",
        "country": (place.country or "") if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": (place.admin2 or "") if place else "",
        "location": place.name if place else "",
        "latitude": "" if place is None or place.lat is None else f"{place.lat:.4f}",
        "longitude": "" if place is None or place.lon is None else f"{place.lon:.4f}",
        "geo_precision": str(place.geo_precision or "") if place else "",
        "source": "; ".join(event.sources),
        "notes": " ".join(span.text for span in event.evidence),
        "fatalities": str(event.fatalities.best if event.fatalities.best is not None else 0),
        "plover_type": event.plover_type or "",
        "fatalities_low": "" if event.fatalities.low is None else str(event.fatalities.low),
        "fatalities_high": "" if event.fatalities.high is None else str(event.fatalities.high),
        "injured": "" if event.injured.best is None else str(event.injured.best),
        "captured": "" if event.captured.best is None else str(event.captured.best),
        "materiel": "; ".join(f"{m.action} {m.count or ''} {m.item}".replace("  ", " ") for m in event.materiel),
        "claimants": "; ".join(sorted({f"{c.claimant} ({c.stance})" for c in event.claims})),
        "flags": "; ".join(f.code for f in event.flags),
        "confidence": f"{event.confidence:.2f}",
        "article_ids": "; ".join(event.article_ids),
        "sitrep_actor1": event.actor1.name if event.actor1 else "",
        "sitrep_actor2": event.actor2.name if event.actor2 else "",
    }


def write_acled_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(event_row(event))
        n += 1
    return n
