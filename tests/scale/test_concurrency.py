"""Ingest while the server answers: a real `sitrep ingest` subprocess writes a SQLite store (WAL) while
the API, in this process, answers queries on it. No request fails, none waits on a lock until it times out,
and the ingest completes."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from sitrep.store import open_store
from tests.store.reports import many_articles

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ARTICLES = 30
QUERIES = ("/api/events?limit=5", "/api/status", "/api/claims?limit=5", "/api/actors", "/api/places",
           "/api/stats?by=month&group=event_type", "/api/events.geojson?limit=5")


@pytest.mark.slow
def test_ingest_while_the_server_answers(tmp_path: Path) -> None:
    from sitrep.server import create_app

    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in many_articles(ARTICLES)), encoding="utf-8")
    url = str(tmp_path / "store.db")
    store = open_store(url)  # the schema exists before the writer starts
    command = [str(Path(sys.executable).parent / "sitrep"), "ingest", str(path), "--db", url,
               "--batch-size", "2", "--no-progress"]
    writer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    statuses: list[tuple[str, int]] = []
    seen_while_writing: set[int] = set()
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        while writer.poll() is None:
            for query in QUERIES:
                response = client.get(query)
                statuses.append((query, response.status_code))
                if query == "/api/status" and response.status_code == 200:
                    seen_while_writing.add(int(response.json()["articles"]))
        _, stderr = writer.communicate()
        final = client.get("/api/status").json()
    assert writer.returncode == 0, stderr
    assert "locked" not in stderr.lower()
    assert [s for s in statuses if s[1] != 200] == []
    assert len(seen_while_writing) > 2, "the reads must overlap the writes"
    assert final["articles"] == ARTICLES
    store.close()
