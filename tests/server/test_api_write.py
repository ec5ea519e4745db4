"""Writes need the token: ingest by POST, delete by DELETE; 401 otherwise; bodies are bounded."""

from __future__ import annotations

import json
from typing import Any

from tests.server.conftest import TOKEN, assert_error, auth

TEXT = ("date 2024-05-14\nBAIDOA, Somalia - A roadside bomb struck a minibus near Baidoa in the Bay region "
        "on Tuesday, killing six passengers, police said.")


def test_reads_need_no_token_and_writes_refuse_without_it(client: Any) -> None:
    assert client.get("/api/events").status_code == 200
    assert_error(client.post("/api/articles", content=TEXT), 401, "read_only")
    assert_error(client.delete("/api/articles/t-early"), 401, "read_only")
    assert client.get("/api/articles/t-early").status_code == 200


def test_wrong_or_missing_token_is_401(writer: Any) -> None:
    assert_error(writer.post("/api/articles", content=TEXT), 401, "unauthorized")
    assert_error(writer.post("/api/articles", content=TEXT, headers=auth("guess")), 401, "unauthorized")
    assert_error(writer.delete("/api/articles/x", headers={"Authorization": TOKEN}), 401, "unauthorized")
    assert writer.get("/api/status").json()["articles"] == 0


def test_post_text_then_read_then_delete(writer: Any) -> None:
    posted = writer.post("/api/articles", content=TEXT, headers=auth() | {"Content-Type": "text/plain"})
    assert posted.status_code == 200, posted.text
    report = posted.json()
    assert report["articles_new"] == 1 and report["events"] >= 1 and report["changed_cluster_ids"]
    events = writer.get("/api/events").json()["items"]
    article_id = events[0]["reports"][0]["article_id"]
    assert writer.get(f"/api/articles/{article_id}").json()["text"].startswith("BAIDOA")
    again = writer.post("/api/articles", content=TEXT, headers=auth() | {"Content-Type": "text/plain"}).json()
    assert again["articles_new"] == 0  # idempotent
    assert writer.delete(f"/api/articles/{article_id}", headers=auth()).status_code == 204
    assert_error(writer.get(f"/api/articles/{article_id}"), 404)
    assert_error(writer.delete(f"/api/articles/{article_id}", headers=auth()), 404)


def test_post_json_and_jsonl_report_broken_records(writer: Any) -> None:
    record = {"id": "w-1", "outlet": "Test", "published": "2024-05-14", "text": TEXT.split("\n", 1)[1]}
    lines = json.dumps(record) + "\n{not json\n" + json.dumps({"id": "w-2", "title": "no text"}) + "\n"
    posted = writer.post("/api/articles", content=lines, headers=auth() | {"Content-Type": "application/x-ndjson"})
    body = posted.json()
    assert posted.status_code == 200 and body["articles_new"] == 1
    assert {p["code"] for p in body["problems"]} >= {"E005", "E006"}


def test_bad_bodies(writer: Any) -> None:
    headers = auth()
    assert_error(writer.post("/api/articles", content=b"", headers=headers), 422, "bad_body")
    assert_error(writer.post("/api/articles", content=b"\xff\xfe\x00", headers=headers), 422, "bad_body")
    json_body = headers | {"Content-Type": "application/json"}
    for unreadable in (b"[1, 2]", b'{"text": 5}'):  # nothing to ingest: the envelope, naming the first problem
        assert "E0" in assert_error(writer.post("/api/articles", content=unreadable, headers=json_body), 422,
                                    "bad_body")["message"]
    assert_error(writer.post("/api/articles", content="x", headers=headers | {"Content-Type": "image/png"}), 415)
    big = b"a" * 10_000_001
    assert_error(writer.post("/api/articles", content=big, headers=headers), 413, "too_large")


def test_tokens_never_reach_the_logs(writer: Any, caplog: Any) -> None:
    import logging

    with caplog.at_level(logging.DEBUG):
        writer.post("/api/articles", content=TEXT, headers=auth("wrong-secret-123"))
        writer.delete("/api/articles/nothing", headers=auth())
    assert "wrong-secret-123" not in caplog.text and TOKEN not in caplog.text
