"""The read API in-process on the session store: shapes, paging, formats, filters."""

from __future__ import annotations

import csv
import io
from typing import Any

from sitrep.export.acled_csv import ACLED_COLUMNS, COLUMNS
from sitrep.export.clusters import CLUSTER_COLUMNS
from tests.server.conftest import all_pages, assert_error


def test_events_list_shape_and_paging(client: Any) -> None:
    body = client.get("/api/events?with_total=true").json()
    assert set(body) == {"items", "next", "total"} and body["total"] == len(body["items"]) >= 3
    paged = all_pages(client, "/api/events?limit=1")
    assert [e["id"] for e in paged] == [e["id"] for e in body["items"]]
    assert "total" not in client.get("/api/events").json()


def test_event_card_and_its_reports(client: Any) -> None:
    first = client.get("/api/events?limit=1").json()["items"][0]
    card = client.get(f"/api/events/{first['id']}").json()
    assert card["id"] == first["id"] and card["reports"]
    report = card["reports"][0]
    article = client.get(f"/api/articles/{report['article_id']}").json()
    assert article["text"] and article["events"]
    for event in article["events"]:
        for span in event["evidence"]:
            assert article["text"][span["start"]:span["end"]] == span["text"]


def test_two_outlets_make_one_corroborated_contested_clash(client: Any) -> None:
    clashes = client.get("/api/events?country=SO&from=2024-05-01&to=2024-05-31").json()["items"]
    assert any(c["sources"] >= 2 for c in clashes)
    contested = client.get("/api/events?contested=true").json()["items"]
    assert contested and all(c["contested"] for c in contested)


def test_filters_narrow_and_agree_with_their_meaning(client: Any) -> None:
    kenya = client.get("/api/events?country=Kenya").json()["items"]
    assert kenya and all(c["location"]["country_code"] == "KE" for c in kenya)
    both = client.get("/api/events?country=KE,NG").json()["items"]
    assert {c["location"]["country_code"] for c in both} == {"KE", "NG"}
    box = client.get("/api/events?bbox=40,-2,52,12").json()["items"]  # Somalia
    assert box and all(40 <= c["location"]["lon"] <= 52 for c in box)
    assert client.get("/api/events?from=2030-01-01").json()["items"] == []


def test_fields_keep_only_what_is_asked(client: Any) -> None:
    items = client.get("/api/events?fields=date,event_type").json()["items"]
    assert items and all(set(i) == {"id", "date", "event_type"} for i in items)


def test_csv_has_acled_columns(client: Any) -> None:
    response = client.get("/api/events.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and tuple(rows[0]) == CLUSTER_COLUMNS and CLUSTER_COLUMNS[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert client.get("/api/events?format=csv").text == response.text
    reports = list(csv.DictReader(io.StringIO(client.get("/api/events.csv?reports=true").text)))
    assert reports and tuple(reports[0]) == COLUMNS  # as `sitrep extract --format csv`


def test_geojson_points_are_lon_lat(client: Any) -> None:
    body = client.get("/api/events.geojson").json()
    assert body["type"] == "FeatureCollection" and body["features"]
    for feature in body["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (feature["properties"]["location"]["lon"], feature["properties"]["location"]["lat"])


def test_per_article_reports(client: Any) -> None:
    items = client.get("/api/events?reports=true").json()["items"]
    assert items and all("article_ids" in e for e in items)


def test_claims_actors_places_stats_status(client: Any) -> None:
    claims = client.get("/api/claims").json()["items"]
    assert any(c["stance"] == "denied" for c in claims)
    assert client.get("/api/claims.csv").text.startswith("id,")
    assert client.get("/api/actors").json()["items"]
    assert client.get("/api/places?country=SO").json()["items"]
    stats = client.get("/api/stats?by=month&group=country").json()
    assert stats["by"] == "month" and stats["rows"]
    status = client.get("/api/status").json()
    assert status["clusters"] >= 3 and status["read_only"] is True
    assert [f["name"] for f in client.get("/api/filters").json()["fields"]][:2] == ["from", "to"]


def test_openapi_and_docs_are_local(client: Any) -> None:
    schema = client.get("/api/openapi.json").json()
    assert "/api/events" in schema["paths"] and "/api/brief" in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"from", "bbox", "q", "limit", "cursor"} <= names
    page = client.get("/api/docs").text
    assert "/api/events" in page and "<script" not in page and "http://" not in page and "https://" not in page
    assert_error(client.get("/docs"), 404)
    assert_error(client.get("/redoc"), 404)


def test_every_response_has_the_security_headers(client: Any) -> None:
    for url in ("/api/events", "/api/events/nothing", "/api/docs", "/api/events?from=x", "/static/none.js"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"], url
        assert headers["x-content-type-options"] == "nosniff"


def test_head_is_get_without_a_body(client: Any) -> None:
    for url in ("/api/events", "/api/status", "/api/docs"):
        head, get = client.head(url), client.get(url)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
