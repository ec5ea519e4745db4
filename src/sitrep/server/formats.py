"""Pages of records into responses: JSON, ACLED-style CSV, GeoJSON.

The CSV and GeoJSON of per-article events are exactly `sitrep extract`'s (sitrep.export);
event clusters get the same columns from sitrep.export.cluster_csv.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from urllib.parse import urlencode

import orjson
from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from sitrep.export.acled_csv import COLUMNS, event_row
from sitrep.export.clusters import CLUSTER_COLUMNS, claim_row, cluster_row
from sitrep.model import Event
from sitrep.model.cluster import ClusterRecord
from sitrep.store.records import Page

__all__ = ["JSON_TYPE", "dumps", "json_response", "json_text_response", "next_url", "raw_json_page", "render_page", "stream_pages"]

JSON_TYPE = "application/json"


# orjson writes what json.dumps(ensure_ascii=False, separators=(",", ":"), default=str) wrote, several
# times faster: dates and datetimes still go through str(), keys that are not strings become strings.
_ORJSON = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS


def dumps(body: Any) -> bytes:
    return orjson.dumps(body, default=str, option=_ORJSON)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, media_type=JSON_TYPE, headers=headers)


def json_text_response(text: str | bytes) -> Response:
    """A body that is JSON already (a record as the store gives it)."""
    return Response(text, media_type=JSON_TYPE)


def next_url(request: Request, cursor: str | None) -> str | None:
    """The same request with the next page's cursor, as a path + query (same origin)."""
    if cursor is None:
        return None
    items = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    items.append(("cursor", cursor))
    return request.url.path + "?" + urlencode(items)


def dump(item: BaseModel, fields: Sequence[str] | None) -> dict[str, Any]:
    if fields is None:
        return item.model_dump(mode="json")
    keep = {"id", *fields}
    return item.model_dump(mode="json", include=keep)


def _csv(items: Sequence[BaseModel], header: bool = True) -> str:
    """The rows `sitrep events --format csv` writes: ACLED's columns first (sitrep.export)."""
    out = io.StringIO()
    if items and isinstance(items[0], ClusterRecord):
        row: Callable[[Any], dict[str, Any]] = cluster_row
        columns: Sequence[str] = CLUSTER_COLUMNS
    elif items and isinstance(items[0], Event) or not items:
        row, columns = event_row, COLUMNS
    else:
        row = claim_row
        columns = list(dict.fromkeys(key for item in items for key in claim_row(item)))
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    if header:
        writer.writeheader()
    writer.writerows(row(item) for item in items)
    return out.getvalue()


def _feature(record: dict[str, Any]) -> dict[str, Any] | None:
    place = record.get("location") or {}
    lat, lon = place.get("lat"), place.get("lon")
    if lat is None or lon is None:
        return None
    return {"type": "Feature", "id": record.get("id"),
            "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": record}


def render_page(request: Request, items: Sequence[BaseModel], next_cursor: str | None, total: int | None,
                fmt: str, fields: Sequence[str] | None) -> Response:
    """One page in the asked format."""
    nxt = next_url(request, next_cursor)
    if fmt == "csv":
        headers = {"Link": f'<{nxt}>; rel="next"'} if nxt else {}
        if total is not None:
            headers["X-Total-Count"] = str(total)
        return Response(_csv(items), media_type="text/csv; charset=utf-8",
                        headers=headers)
    dumped = [dump(item, fields) for item in items]
    if fmt == "geojson":
        # Coordinates are read from the full record, even when ``fields`` leaves location out.
        features, unlocated = [], []
        for item, record in zip(items, dumped, strict=True):
            located = _feature(item.model_dump(mode="json", include={"location"}) | record)
            if located is None:
                unlocated.append(record.get("id"))
            else:
                located["properties"] = record
                features.append(located)
        body: dict[str, Any] = {"type": "FeatureCollection", "features": features,
                                "sitrep_unlocated": unlocated, "next": nxt}
    else:
        body = {"items": dumped, "next": nxt}
    if total is not None:
        body["total"] = total
    return json_response(body)


def raw_json_page(request: Request, items: Sequence[str], next_cursor: str | None, total: int | None,
                  fields: Sequence[str] | None = None) -> Response:
    """A JSON page whose items are JSON texts already (records as the store keeps them)."""
    if fields is not None:
        keep = ("id", *fields)
        items = [orjson.dumps({k: v for k, v in orjson.loads(item).items() if k in keep}).decode() for item in items]
    tail = ',"next":' + dumps(next_url(request, next_cursor)).decode()
    if total is not None:
        tail += f',"total":{int(total)}'
    return Response('{"items":[' + ",".join(items) + "]" + tail + "}", media_type=JSON_TYPE)


MEDIA_TYPES = {"json": JSON_TYPE, "csv": "text/csv; charset=utf-8", "geojson": JSON_TYPE}  # as render_page


def stream_pages(first: Page[Any], more: Callable[[str], Page[Any]], fmt: str,
                 fields: Sequence[str] | None) -> StreamingResponse:
    """Every match (``limit=all``): the first page, then ``more(cursor)`` until none is left, written
    as one JSON list, CSV or FeatureCollection while it is read (memory stays one page).

    Items are JSON texts (records as stored) or records; ``next`` is null. The first page is read
    before the response starts, so a bad filter or cursor is still a 4xx in the envelope.
    """

    def pages() -> Iterator[Page[Any]]:
        page = first
        yield page
        while page.next_cursor:
            page = more(page.next_cursor)
            yield page

    def as_dicts(items: Sequence[Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        """(the record's location and id, the record as asked for with ``fields``) per item."""
        for item in items:
            if isinstance(item, str):
                record = orjson.loads(item)
                yield record, {k: v for k, v in record.items() if k in ("id", *fields)} if fields else record
            else:
                asked = dump(item, fields)
                yield item.model_dump(mode="json", include={"id", "location"}), asked

    def body() -> Iterator[bytes]:
        if fmt == "csv":
            for index, page in enumerate(pages()):
                items = page.items
                if items and isinstance(items[0], str):
                    items = [ClusterRecord.model_validate_json(item) for item in items]
                yield _csv(items, header=index == 0).encode("utf-8")
            return
        if fmt == "geojson":
            unlocated: list[Any] = []
            yield b'{"type":"FeatureCollection","features":['
            first_feature = True
            for page in pages():
                for full, record in as_dicts(page.items):
                    located = _feature(full)
                    if located is None:
                        unlocated.append(full.get("id"))
                        continue
                    located["properties"] = record
                    yield (b"" if first_feature else b",") + orjson.dumps(located)
                    first_feature = False
            yield b'],"sitrep_unlocated":' + orjson.dumps(unlocated) + b',"next":null}'
            return
        yield b'{"items":['
        first_page = True
        for page in pages():
            if not page.items:
                continue
            if page.items and isinstance(page.items[0], str) and not fields:
                chunk = ",".join(page.items).encode("utf-8")
            else:
                chunk = b",".join(orjson.dumps(record) for _, record in as_dicts(page.items))
            yield (b"" if first_page else b",") + chunk
            first_page = False
        yield b'],"next":null}'

    return StreamingResponse(body(), media_type=MEDIA_TYPES[fmt])
