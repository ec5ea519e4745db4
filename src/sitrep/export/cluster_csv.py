"""ACLED-style CSV rows for event clusters: the columns of `sitrep extract --format csv`.

A cluster is read through its JSON form, so this module needs nothing but the record's
documented field names (src/sitrep/model/cluster.py).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from sitrep.export.acled_csv import COLUMNS

__all__ = ["cluster_row"]


def _count(record: dict[str, Any], kind: str, part: str) -> str:
    value = (record.get(kind) or {}).get(part)
    return "" if value is None else str(value)


def _actors(record: dict[str, Any]) -> list[dict[str, Any]]:
    """ClusterActor dicts: ``{"actor": Actor, "roles": [...], "reports": n}``."""
    return [a for a in record.get("actors") or [] if isinstance(a, dict) and isinstance(a.get("actor"), dict)]


def _pick(actors: list[dict[str, Any]], role: str) -> dict[str, Any] | None:
    found = next((a for a in actors if role in (a.get("roles") or [])), None)
    return found["actor"] if found else None


def _inter(actor: dict[str, Any] | None) -> str:
    return str(actor["inter"]) if actor and actor.get("inter") else ""


def cluster_row(cluster: BaseModel) -> dict[str, str]:
    record = cluster.model_dump(mode="json")
    place = record.get("location") or {}
    actors = _actors(record)
    actor1, actor2 = _pick(actors, "actor1"), _pick(actors, "actor2")
    assoc = [a["actor"]["name"] for a in actors
             if a["actor"] is not actor1 and a["actor"] is not actor2 and a["actor"].get("name")]
    codes = sorted(int(c) for c in (_inter(actor1), _inter(actor2)) if c)
    reports = record.get("reports") or []
    claimants = sorted({f"{c.get('claimant')} ({stance})" for by in (record.get("claims_by_side") or {}).values()
                        for c in by or [] for stance in {cl.get("stance") for cl in c.get("claims") or []}})
    date = record.get("date") or ""
    row = {
        "event_id_cnty": record.get("id", ""),
        "event_date": date,
        "year": date[:4],
        "time_precision": str(record.get("date_precision") or ""),
        "event_type": record.get("event_type") or "",
        "sub_event_type": record.get("sub_event_type") or "",
        "actor1": actor1["name"] if actor1 else "",
        "assoc_actor_1": "; ".join(assoc),
        "inter1": _inter(actor1),
        "actor2": actor2["name"] if actor2 else "",
        "assoc_actor_2": "",
        "inter2": _inter(actor2),
        "interaction": "".join(str(c) for c in codes),
        "iso": place.get("country_code") or "",
        "country": place.get("country") or "",
        "admin1": place.get("admin1") or "",
        "admin2": place.get("admin2") or "",
        "location": place.get("name") or "",
        "latitude": "" if place.get("lat") is None else f"{place['lat']:.4f}",
        "longitude": "" if place.get("lon") is None else f"{place['lon']:.4f}",
        "geo_precision": str(place.get("geo_precision") or ""),
        "source": "; ".join(dict.fromkeys(r.get("outlet") or "" for r in reports if r.get("outlet"))),
        "notes": " ".join(s.get("text", "") for r in reports[:1] for s in r.get("evidence") or []),
        "fatalities": _count(record, "fatalities", "best") or "0",
        "plover_type": record.get("plover_type") or "",
        "fatalities_low": _count(record, "fatalities", "low"),
        "fatalities_high": _count(record, "fatalities", "high"),
        "injured": _count(record, "injured", "best"),
        "captured": _count(record, "captured", "best"),
        "materiel": "",
        "claimants": "; ".join(claimants),
        "flags": "; ".join(f.get("code", "") for f in record.get("flags") or [] if isinstance(f, dict)),
        "confidence": "",
        "article_ids": "; ".join(r.get("article_id", "") for r in reports),
    }
    return {column: row.get(column, "") for column in COLUMNS}
