"""Every error path gives the envelope and a 4xx, never a 500; injection payloads included."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from sitrep.filters import filter_fields
from tests.server.conftest import assert_error

PAYLOADS = (
    "' OR '1'='1", "1; DROP TABLE clusters; --", "\" OR 1=1 --", "1 UNION SELECT * FROM articles",
    "%00", "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x}", "[]", "{}", "-1", "1e309",
    "NaN", "true' --", "\\", "a" * 300, "null", "2024-01-01' OR 'x'='x", "😀", "\u202e",
)


@pytest.mark.parametrize(("url", "code"), [
    ("/api/events?from=2024-13-01", "bad_filter"),
    ("/api/events?to=yesterday", "bad_filter"),
    ("/api/events?from=2024-05-10&to=2024-05-01", "bad_filter"),
    ("/api/events?bbox=1,2,3", "bad_filter"),
    ("/api/events?bbox=10,0,5,5", "bad_filter"),
    ("/api/events?bbox=0,0,200,5", "bad_filter"),
    ("/api/events?country=Atlantis", "bad_filter"),
    ("/api/events?event_type=Picnics", "bad_filter"),
    ("/api/events?min_sources=two", "bad_filter"),
    ("/api/events?contested=maybe", "bad_filter"),
    ("/api/events?updated_since=soon", "bad_filter"),
    ("/api/events?from=2024-01-01&from=2024-02-01", "bad_filter"),
    ("/api/events?limit=0", "bad_limit"),
    ("/api/events?limit=100000", "bad_limit"),
    ("/api/events?limit=ten", "bad_number"),
    ("/api/events?format=xml", "bad_format"),
    ("/api/events.xml", "bad_format"),
    ("/api/events.csv?format=json", "bad_format"),
    ("/api/events?fields=id;drop", "bad_fields"),
    ("/api/events?colour=red", "unknown_parameter"),
    ("/api/events?q=" + "+".join(["word"] * 11), "too_many_words"),
    ("/api/events?country=" + ",".join(["SO"] * 60), "too_many_values"),
    ("/api/events?q=" + "x" * 2001, "too_long"),
    ("/api/events?reports=perhaps", "bad_bool"),
    ("/api/events?reports=true&cursor=bm90LWEtbnVtYmVy", "bad_cursor"),
    ("/api/events?cursor=bm90LWEtc29ydC1rZXk", "bad_cursor"),  # base64 of a string no page ends at
    ("/api/events?min_sources=99999999999999999999999", "bad_filter"),  # past SQLite's integers: not a 500
    ("/api/stats?by=year", "unknown_value"),
    ("/api/stats?group=weather", "unknown_value"),
    ("/api/brief?area=Somalia", "bad_parameter"),
    ("/api/brief?from=2024-05-01&to=2024-05-31", "bad_parameter"),
    ("/api/brief?area=Somalia&from=2020-01-01&to=2024-05-31", "bad_range"),
    ("/api/brief?area=Somalia&from=2024-05-01&to=2024-05-31&format=pdf", "bad_format"),
])
def test_bad_query_is_400_with_a_hint(client: Any, url: str, code: str) -> None:
    error = assert_error(client.get(url), 400, code)
    assert error["message"] and error["hint"]


@pytest.mark.parametrize("url", [
    "/api/events/cnothing", "/api/articles/anothing", "/api/watchlists/nothing/alerts",
    "/api/watchlists/nothing/feed.atom", "/api/nothing", "/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/x",
    "/api/events/" + quote("' OR 1=1 --", safe=""),
])
def test_missing_things_are_404(client: Any, url: str) -> None:
    assert_error(client.get(url), 404, "not_found")


def test_other_methods_are_405(client: Any) -> None:
    assert_error(client.put("/api/events"), 405)
    assert_error(client.patch("/api/events/x"), 405)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_filter_give_no_500(client: Any, payload: str) -> None:
    for field in [f["name"] for f in filter_fields()] + ["limit", "cursor", "fields", "format", "with_total",
                                                          "reports"]:
        response = client.get("/api/events", params={field: payload})
        assert response.status_code < 500, (field, payload, response.text)
        if response.status_code != 200:
            assert_error(response, response.status_code)
        elif field == "cursor":  # opaque: a made-up cursor is a position like any other
            continue
        elif field not in ("q", "actor", "claimant", "admin1"):
            pytest.fail(f"{field}={payload!r} was accepted")
        else:  # free text: a payload is only text, and matches nothing
            assert response.json()["items"] == [], (field, payload)
    for route in ("/api/claims", "/api/actors", "/api/places", "/api/stats"):
        assert client.get(route, params={"country": payload}).status_code == 400


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_path_parameter_give_no_500(client: Any, payload: str) -> None:
    segment = quote(payload, safe="")
    for template in ("/api/events/{}", "/api/articles/{}", "/api/watchlists/{}/alerts",
                     "/api/watchlists/{}/feed.atom", "/static/{}"):
        response = client.get(template.format(segment))
        assert 400 <= response.status_code < 500, (template, payload, response.text)
        assert_error(response, response.status_code)
    response = client.get("/api/brief", params={"area": payload, "from": "2024-05-01", "to": "2024-05-31"})
    assert response.status_code in (200, 400), response.text
