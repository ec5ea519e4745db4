"""The store commands end to end (in-process click runner): ingest, status, events, claims, show, db upgrade."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli.main import cli
from sitrep.store.migrate import head_revision
from tests.store.reports import base_articles


@pytest.fixture
def ingested(store_url: str, tmp_path: Path) -> str:
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(a.model_dump(mode="json", exclude={"id", "source_path"})) + "\n"
                            for a in base_articles()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", store_url, "--json", "--no-progress"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["articles_new"] == 5 and summary["problems"] == []
    again = CliRunner().invoke(cli, ["ingest", str(path), "--db", store_url, "--json"])
    assert json.loads(again.stdout.strip().splitlines()[-1])["articles_skipped"] == 5
    return store_url


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_status_json(ingested: str) -> None:
    status = json.loads(run("status", "--db", ingested, "--json"))
    assert {"articles", "events", "clusters", "claims", "schema_version"} <= set(status)
    assert status["articles"] == 5 and status["schema_version"] == head_revision()
    assert f"schema {head_revision()} -> {head_revision()}" in run("db", "upgrade", "--db", ingested)


def test_events_in_every_format(ingested: str, tmp_path: Path) -> None:
    lines = [json.loads(line) for line in run("events", "--db", ingested).splitlines()]
    assert lines and all(line["id"].startswith("c") for line in lines)
    assert len(json.loads(run("events", "--db", ingested, "--format", "json"))) == len(lines)
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", ingested, "--format", "csv", "--country", "SO"))))
    assert len(rows) == 1 and rows[0]["sources"] == "2" and rows[0]["iso"] == "SO"
    geo = json.loads(run("events", "--db", ingested, "--format", "geojson"))
    assert len(geo["features"]) + len(geo["sitrep_unlocated"]) == len(lines)
    reports = run("events", "--db", ingested, "--reports", "--country", "SO").splitlines()
    assert len(reports) >= 2 and all(json.loads(r)["id"].startswith("e") for r in reports)
    target = tmp_path / "events.parquet"
    run("events", "--db", ingested, "--format", "parquet", "--output", str(target))
    import pyarrow.parquet as pq

    table = pq.read_table(target)
    assert table.num_rows == len(lines) and "record" in table.column_names
    bad = CliRunner().invoke(cli, ["events", "--db", ingested, "--from", "yesterday"])
    assert bad.exit_code == 2 and "--from" in bad.output


def test_claims_and_show(ingested: str) -> None:
    claims = [json.loads(line) for line in run("claims", "--db", ingested).splitlines()]
    assert any(c["event_id"] is None for c in claims)
    rows = list(csv.DictReader(io.StringIO(run("claims", "--db", ingested, "--format", "csv"))))
    assert len(rows) == len(claims) and "span_start" in rows[0]
    cluster_id = json.loads(run("events", "--db", ingested, "--country", "SO").splitlines()[0])["id"]
    text = run("show", cluster_id, "--db", ingested, "--explain")
    assert text.startswith(f"cluster {cluster_id}") and "report 2/" in text
    assert "Coastal Herald" in text and "Horn Daily" in text and "decision: new" in text and "decision: join" in text
    assert "merged values:" in text and "(ties: the earliest)" in text
    assert "merged values:" not in run("show", cluster_id, "--db", ingested)
    assert json.loads(run("show", cluster_id, "--db", ingested, "--json"))["id"] == cluster_id
    missing = CliRunner().invoke(cli, ["show", "cnothing", "--db", ingested])
    assert missing.exit_code == 1 and "no cluster" in missing.output
