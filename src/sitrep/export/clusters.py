"""Exports of stored records: clusters (one row per incident), per-article events and claims.

Formats: JSON lines, JSON, ACLED-style CSV (ACLED's column names first, then sitrep's corroboration
columns), GeoJSON and Parquet (flat columns plus the whole record as a JSON column, via pyarrow).
Every writer takes a binary stream so Parquet and text formats share one signature.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, BinaryIO

from pydantic import BaseModel

from sitrep.export.acled_csv import ACLED_COLUMNS, event_row
from sitrep.export.geojson import event_feature
from sitrep.model import Event
from sitrep.model.cluster import ClusterRecord

FORMATS = ("jsonl", "json", "csv", "geojson", "parquet")
CLUSTER_COLUMNS = ACLED_COLUMNS + (
    "fatalities_low", "fatalities_high", "injured", "sources", "reports", "contested", "contested_reasons",
    "party_claimants", "other_claimants", "flags", "first_reported", "last_updated", "origins", "article_ids",
    "urls",
)


def _roles(record: ClusterRecord, role: str) -> list[str]:
    return [a.actor.name for a in record.actors if role in a.roles]


def _claimants(record: ClusterRecord, side: str) -> str:
    return "; ".join(c.claimant for c in record.claims_by_side.get(side, []))  # type: ignore[call-overload]


def cluster_row(record: ClusterRecord) -> dict[str, Any]:
    """One flat row per cluster: ACLED's columns (event_id_cnty = cluster id) and corroboration columns."""
    place = record.location
    actor1, actor2, assoc = _roles(record, "actor1"), _roles(record, "actor2"), _roles(record, "assoc_actor")
    inter = {a.actor.name: a.actor.inter for a in record.actors}
    codes = sorted(str(inter[n[0]]) for n in (actor1, actor2) if n and inter.get(n[0]))
    return {
        "event_id_cnty": record.id,
        "event_date": record.date.isoformat() if record.date else "",
        "year": str(record.date.year) if record.date else "",
        "time_precision": str(record.date_precision or ""),
        "event_type": record.event_type, "sub_event_type": record.sub_event_type,
        "actor1": actor1[0] if actor1 else "", "assoc_actor_1": "; ".join(actor1[1:] + assoc),
        "inter1": str(inter.get(actor1[0]) or "") if actor1 else "",
        "actor2": actor2[0] if actor2 else "", "assoc_actor_2": "; ".join(actor2[1:]),
        "inter2": str(inter.get(actor2[0]) or "") if actor2 else "", "interaction": "".join(codes),
        "iso": (place.country_code or "") if place else "", "country": (place.country or "") if place else "",
        "admin1": (place.admin1 or "") if place else "", "admin2": (place.admin2 or "") if place else "",
        "location": place.name if place else "",
        "latitude": "" if place is None or place.lat is None else f"{place.lat:.4f}",
        "longitude": "" if place is None or place.lon is None else f"{place.lon:.4f}",
        "geo_precision": str(place.geo_precision or "") if place else "",
        "source": "; ".join(dict.fromkeys(r.outlet for r in record.reports if r.outlet)),
        "notes": " ".join(s.text.strip() for s in (record.reports[0].evidence if record.reports else [])),
        "fatalities": str(record.fatalities.best if record.fatalities.best is not None else 0),
        "fatalities_low": "" if record.fatalities.low is None else str(record.fatalities.low),
        "fatalities_high": "" if record.fatalities.high is None else str(record.fatalities.high),
        "injured": "" if record.injured.best is None else str(record.injured.best),
        "sources": str(record.sources), "reports": str(len(record.reports)),
        "contested": "true" if record.contested else "false",
        "contested_reasons": "; ".join(record.contested_reasons),
        "party_claimants": _claimants(record, "party"), "other_claimants": _claimants(record, "non_party"),
        "flags": "; ".join(dict.fromkeys(f.code for f in record.flags)),
        "first_reported": record.first_reported.isoformat() if record.first_reported else "",
        "last_updated": record.last_updated.isoformat() if record.last_updated else "",
        "origins": "; ".join(record.origins), "article_ids": "; ".join(r.article_id for r in record.reports),
        "urls": "; ".join(r.url for r in record.reports if r.url),
    }


def cluster_feature(record: ClusterRecord) -> dict[str, Any] | None:
    place = record.location
    if place is None or place.lat is None or place.lon is None:
        return None
    return {"type": "Feature", "id": record.id, "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": record.model_dump(mode="json")}


def _text(out: BinaryIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)


def write_models(items: Iterable[BaseModel], fmt: str, out: BinaryIO, row: Callable[[Any], dict[str, Any]],
                 columns: Sequence[str] | None = None,
                 feature: Callable[[Any], dict[str, Any] | None] | None = None) -> int:
    """Write pydantic records in ``fmt``; ``row`` flattens one for CSV and Parquet, ``feature`` for GeoJSON."""
    n = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = []
        for item in items:
            flat = {k: ("" if v is None else str(v)) for k, v in row(item).items()}
            flat["record"] = item.model_dump_json()
            rows.append(flat)
        names = list(columns or (rows[0].keys() if rows else [])) + ["record"]
        table = pa.table({name: pa.array([r.get(name, "") for r in rows], pa.string()) for name in names})
        pq.write_table(table, out)
        return len(rows)
    text = _text(out)
    if fmt == "csv":
        writer: csv.DictWriter[str] | None = None
        for item in items:
            flat = row(item)
            if writer is None:
                writer = csv.DictWriter(text, fieldnames=list(columns or flat), lineterminator="\n",
                                        extrasaction="ignore")
                writer.writeheader()
            writer.writerow(flat)
            n += 1
        if writer is None and columns:
            csv.DictWriter(text, fieldnames=list(columns), lineterminator="\n").writeheader()
    elif fmt == "geojson":
        features, unlocated = [], []
        for item in items:
            made = feature(item) if feature else None
            (features.append(made) if made else unlocated.append(getattr(item, "id", "")))
            n += 1
        json.dump({"type": "FeatureCollection", "features": features, "sitrep_unlocated": unlocated}, text,
                  ensure_ascii=False)
        text.write("\n")
    elif fmt == "json":
        text.write("[")
        for item in items:
            text.write(("," if n else "") + "\n" + item.model_dump_json())
            n += 1
        text.write("\n]\n")
    else:
        for item in items:
            text.write(item.model_dump_json() + "\n")
            n += 1
    text.detach()
    return n


def write_clusters(records: Iterable[ClusterRecord], fmt: str, out: BinaryIO) -> int:
    return write_models(records, fmt, out, cluster_row, CLUSTER_COLUMNS, cluster_feature)


def write_events(events: Iterable[Event], fmt: str, out: BinaryIO) -> int:
    from sitrep.export.acled_csv import COLUMNS

    return write_models(events, fmt, out, event_row, COLUMNS, event_feature)


def claim_row(claim: BaseModel) -> dict[str, Any]:
    data = claim.model_dump(mode="json")
    for key in ("claimant_span", "cue", "span"):
        span = data.pop(key, None)
        data[f"{key}_start"] = span["start"] if span else ""
        data[f"{key}_end"] = span["end"] if span else ""
    # The stated words may be the headline's (a figure read from the title): say which field the offsets are in.
    span = claim.model_dump(mode="json").get("span") or {}
    data["span_field"] = span.get("field", "text") if span else ""
    return data


def write_claims(claims: Iterable[BaseModel], fmt: str, out: BinaryIO) -> int:
    if fmt == "geojson":
        raise ValueError("claims have no geometry: use jsonl, json, csv or parquet")
    return write_models(claims, fmt, out, claim_row)
