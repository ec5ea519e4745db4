"""`extract` and `ingest` stream: the first results come before the input has been read to its end
(no timing: what has been read is observed when the first result is out)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.api import iter_path_outcomes
from sitrep.cli.main import cli
from sitrep.errors import InputProblem
from sitrep.ingest.reading import Reading
from sitrep.model import Article
from sitrep.settings import Settings

TOWNS = ("Gao", "Mopti", "Kidal", "Timbuktu", "Segou", "Sikasso")


def report(i: int) -> str:
    return f"Gunmen attacked a market in {TOWNS[i % len(TOWNS)]} on Monday, killing {i + 2} traders, police said."


def write_jsonl(path: Path, count: int, broken_line: int | None = None) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": report(i)}) for i in range(count)]
    if broken_line is not None:
        lines[broken_line] = '{"id": "broken", "text": '
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_extraction_yields_its_first_outcome_before_the_file_is_read_through(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    write_jsonl(path, 24, broken_line=16)
    problems: list[InputProblem] = []
    outcomes = iter_path_outcomes([path], Settings(n_process=1, batch_size=4), None, problems)
    first = next(outcomes)
    assert first.document is not None and first.article.id == "r0"
    assert problems == []  # line 17 (broken) has not been read yet
    rest = list(outcomes)
    assert len(rest) == 22
    assert len(problems) == 1 and ":17" in problems[0].source


def test_extraction_pulls_no_more_than_a_batch_before_its_first_outcome() -> None:
    pulled = 0

    def endless() -> Iterator[Article]:
        nonlocal pulled
        while True:  # never exhausted: reading everything first would never return
            pulled += 1
            yield Article.from_text(report(pulled))

    from sitrep.api import process_articles

    outcomes = process_articles(endless(), Settings(n_process=1, batch_size=3))
    assert next(outcomes).document is not None
    assert pulled == 3


def test_ingest_with_a_progress_line_stores_before_it_has_read_everything(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The known fault: with --progress, ingest read the whole input first (to show the time left)."""
    monkeypatch.setattr("sitrep.store.ingest.PLAN_CHUNK", 2)
    original = Reading.articles

    def marked(self: Reading) -> Iterator[Article]:
        for article in original(self):
            sys.stderr.write("<read>")  # the same stream as the progress line, so their order shows
            yield article

    monkeypatch.setattr(Reading, "articles", marked)
    path = tmp_path / "reports.jsonl"
    write_jsonl(path, 8)
    result = CliRunner(mix_stderr=False).invoke(cli, [
        "ingest", str(path), "--db", str(tmp_path / "store.db"), "--progress", "--batch-size", "1",
        "-s", "batch_size=2", "-s", "n_process=1"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("<read>") == 8
    first_progress = result.stderr.index(" articles, ")
    assert first_progress < result.stderr.rindex("<read>")
    assert "8 new article(s)" in result.stderr
