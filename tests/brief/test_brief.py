"""Situation briefs: every sentence cites events, every citation resolves, the same input gives the same text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from click.testing import CliRunner

from sitrep.brief import brief_html, brief_json, brief_markdown, build_brief
from sitrep.cli.main import cli
from tests.apistore import built_store_url

MAY = (dt.date(2024, 5, 1), dt.date(2024, 5, 31))


def test_every_sentence_is_sourced_and_every_citation_resolves(store: Any, client: Any) -> None:
    body = client.get("/api/brief", params={"area": "Somalia", "from": "2024-05-01", "to": "2024-05-31"}).json()
    numbers = {r["n"] for r in body["references"]}
    sentences = [s for section in body["sections"] for s in section["sentences"]]
    assert sentences
    for sentence in sentences:
        assert sentence["citations"] and set(sentence["citations"]) <= numbers, sentence
    for ref in body["references"]:
        card = client.get(ref["url"])
        assert card.status_code == 200 and card.json()["id"] == ref["event_id"]
    cited = {n for s in sentences for n in s["citations"]}
    assert cited == numbers  # no reference is listed without being cited


def test_sections_say_what_an_analyst_needs(store: Any) -> None:
    brief = build_brief(store, "Somalia", *MAY)
    titles = [s.title for s in brief.sections]
    assert titles[:3] == ["Overview", "Main incidents", "Fatalities"]
    text = brief_markdown(brief)
    assert "previous 31 days (2024-03-31 to 2024-04-30)" in text  # change from the period before
    assert "Contested claims" in titles
    contested = next(s for s in brief.sections if s.title == "Contested claims").sentences[0].text
    assert "al-Shabaab says" in contested and "denies" in contested
    assert re.search(r"range from \d+ to \d+", text)
    assert brief.previous_from == dt.date(2024, 3, 31)


def test_deterministic_and_rendered_safely(store: Any) -> None:
    first, second = build_brief(store, "SO", *MAY), build_brief(store, "SO", *MAY)
    assert brief_json(first) == brief_json(second)
    html = brief_html(first)
    assert "<script" not in html and "style=" not in html
    for ref in first.references:
        assert f"href='{ref.url}'" in html
    markdown = brief_markdown(first)
    for ref in first.references:
        assert f"[{ref.n}]: {ref.url}" in markdown


def test_admin1_area_and_empty_period(store: Any) -> None:
    lower_shabelle = build_brief(store, "Lower Shabelle", *MAY)
    assert lower_shabelle.references or lower_shabelle.notes
    empty = build_brief(store, "Somalia", dt.date(2010, 1, 1), dt.date(2010, 1, 31))
    assert empty.sections == () and empty.references == () and empty.notes


def test_cli_brief() -> None:
    result = CliRunner().invoke(cli, ["brief", "--area", "Somalia", "--from", "2024-05-01", "--to", "2024-05-31",
                                      "--db", built_store_url()])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Situation brief: Somalia")
