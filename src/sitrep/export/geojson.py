"""GeoJSON FeatureCollection: one Point feature per event that has coordinates.

Events without coordinates are not dropped silently: they are counted in the
collection's ``sitrep_unlocated`` member so a map never hides them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.model import Event


def event_feature(event: Event) -> dict[str, Any] | None:
    place = event.location
    if place is None or place.lat is None or place.lon is None:
        return None
    properties = event.model_dump(mode="json", exclude={"location"})
    properties["location"] = place.model_dump(mode="json")
    return {
        "type": "Feature",
        "id": event.id,
        # GeoJSON order is longitude, latitude (RFC 7946).
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": properties,
    }


def feature_collection(events: Iterable[Event]) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    unlocated: list[str] = []
    for event in events:
        feature = event_feature(event)
        if feature is None:
            unlocated.append(event.id)
        else:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features, "sitrep_unlocated": unlocated}


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """The collection, written feature by feature as events arrive (the same bytes as
    ``json.dump(feature_collection(events))``), so a long run streams and holds only unlocated ids."""
    unlocated: list[str] = []
    located = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for event in events:
        feature = event_feature(event)
        if feature is None:
            unlocated.append(event.id)
            continue
        out.write((", " if located else "") + json.dumps(feature, ensure_ascii=False))
        located += 1
    out.write('], "sitrep_unlocated": ' + json.dumps(unlocated, ensure_ascii=False) + "}\n")
    return located + len(unlocated)
