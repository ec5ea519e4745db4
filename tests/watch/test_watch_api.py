"""Watchlists: saved by API and CLI; an ingest that changes a matching event makes an alert and a feed entry."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sitrep.cli.main import cli

TOKEN = "watch-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ATOM = "{http://www.w3.org/2005/Atom}"
SOMALI = ("date 2024-05-14\nBAIDOA, Somalia - A roadside bomb struck a minibus near Baidoa in the Bay region on "
          "Tuesday, killing six passengers, police said.")
KENYAN = ("date 2024-05-25\nNAIROBI, Kenya - Hundreds of traders marched through central Nairobi on Friday "
          "to protest against new market fees, a police spokesman said.")


def _app(url: str) -> TestClient:
    from sitrep.server import create_app
    from sitrep.store import open_store

    return TestClient(create_app(open_store(url), token=TOKEN), raise_server_exceptions=False)


def test_watchlist_alerts_and_feed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    runner = CliRunner()
    added = runner.invoke(cli, ["watch", "add", "somalia", "--db", url, "--country", "SO"])
    assert added.exit_code == 0, added.output
    with _app(url) as client:
        made = client.post("/api/watchlists", json={"name": "kenya-protests",
                                                    "filter": {"country": "KE", "event_type": "Protests"}},
                           headers=AUTH)
        assert made.status_code == 201, made.text
        assert client.post("/api/watchlists", json={"name": "x", "filter": {"country": "Atlantis"}},
                           headers=AUTH).status_code == 400
        assert client.post("/api/watchlists", json={"name": "somalia"}, headers=AUTH).status_code == 409
        assert client.post("/api/watchlists", json={"name": "nope"}).status_code == 401
        names = [w["name"] for w in client.get("/api/watchlists").json()["items"]]
        assert sorted(names) == ["kenya-protests", "somalia"]

        for text in (SOMALI, KENYAN):
            assert client.post("/api/articles", content=text, headers=AUTH).status_code == 200
        alerts = client.get("/api/watchlists/somalia/alerts").json()["items"]
        assert alerts and all(a["event"]["location"]["country_code"] == "SO" for a in alerts)
        assert all(a["event"]["location"]["country_code"] == "KE"
                   for a in client.get("/api/watchlists/kenya-protests/alerts").json()["items"])

        feed = client.get("/api/watchlists/somalia/feed.atom")
        assert feed.headers["content-type"].startswith("application/atom+xml")
        root = ET.fromstring(feed.content)
        entries = root.findall(f"{ATOM}entry")
        assert root.tag == f"{ATOM}feed" and len(entries) == len(alerts)
        link = entries[0].find(f"{ATOM}link")
        assert link is not None and f"/api/events/{alerts[0]['cluster_id']}" in link.get("href", "")

        listed = runner.invoke(cli, ["watch", "alerts", "somalia", "--db", url])
        assert listed.exit_code == 0 and alerts[0]["cluster_id"] in listed.output
        assert client.delete("/api/watchlists/kenya-protests", headers=AUTH).status_code == 204
    removed = runner.invoke(cli, ["watch", "remove", "somalia", "--db", url])
    assert removed.exit_code == 0, removed.output
    assert runner.invoke(cli, ["watch", "list", "--db", url]).output == ""


def test_bad_filter_option_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["watch", "add", "x", "--from", "2024-13-01"])
    assert result.exit_code == 2 and "--from" in result.output


def test_atom_escapes_by_construction() -> None:
    from sitrep.watch.atom import render_feed

    class Alert:
        cluster_id = "c1"
        created_at = None

    xml = render_feed("a<b>&c", [Alert()], {}, "http://127.0.0.1:8000/")
    root = ET.fromstring(xml)
    assert root.find(f"{ATOM}title").text == "sitrep watchlist a<b>&c"  # type: ignore[union-attr]
