"""`limit=all`: an export of the whole view, streamed, equal to every page put together."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests.server.conftest import all_pages, assert_error


@pytest.mark.parametrize("query", ["", "country=SO", "from=2024-05-01&to=2024-05-31", "bbox=30,-10,50,15",
                                   "fields=date,location"])
def test_all_is_every_page_together(client: Any, query: str) -> None:
    paged = all_pages(client, f"/api/events?limit=1&{query}")
    body = client.get(f"/api/events?limit=all&{query}").json()
    assert body == {"items": paged, "next": None}


def test_all_as_csv_and_geojson(client: Any) -> None:
    paged = all_pages(client, "/api/events?limit=1")
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv?limit=all").text)))
    assert len(rows) == len(paged) and rows[0] == next(csv.DictReader(io.StringIO(
        client.get("/api/events.csv?limit=1").text)))
    geo = client.get("/api/events.geojson?limit=all&fields=date").json()
    assert geo["type"] == "FeatureCollection" and geo["next"] is None
    assert len(geo["features"]) + len(geo["sitrep_unlocated"]) == len(paged)
    for feature in geo["features"]:
        assert set(feature["properties"]) == {"id", "date"} and len(feature["geometry"]["coordinates"]) == 2
    reports = client.get("/api/events?reports=true&limit=all").json()
    assert reports["items"] == all_pages(client, "/api/events?reports=true&limit=1")


def test_all_refuses_what_does_not_go_with_it(client: Any) -> None:
    assert_error(client.get("/api/events?limit=all&with_total=true"), 400, "bad_parameter")
    assert_error(client.get("/api/events?limit=all&from=2024-13-01"), 400, "bad_filter")
    assert_error(client.get("/api/events?limit=all&cursor=!!"), 400, "bad_cursor")
    assert_error(client.get("/api/events?cursor=!!"), 400, "bad_cursor")  # refused, not read as no cursor
    assert "limit=all" in assert_error(client.get("/api/events?limit=al"), 400, "bad_number")["hint"]
    assert_error(client.get("/api/claims?limit=all"), 400, "bad_number")  # pages only, there


def test_gzip_for_clients_that_ask(client: Any) -> None:
    plain = client.get("/api/events?limit=all", headers={"Accept-Encoding": "identity"})
    zipped = client.get("/api/events?limit=all", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers and len(plain.content) > 4096
    assert zipped.headers["content-encoding"] == "gzip" and zipped.json() == plain.json()  # httpx decodes
    small = client.get("/api/status", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers  # not worth it under 4 kB
    assert_error(client.get("/api/events?from=nope", headers={"Accept-Encoding": "gzip"}), 400, "bad_filter")
