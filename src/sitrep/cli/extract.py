"""`sitrep extract`: articles in, events out."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from datetime import datetime
from typing import TextIO

import click

from sitrep.api import iter_path_outcomes
from sitrep.errors import InputProblem
from sitrep.export import WRITERS
from sitrep.ingest.duplicates import DuplicateLink
from sitrep.pipeline.document import Document
from sitrep.settings import settings_from_pairs


class Progress:
    """A one-line progress report on stderr: shown on a terminal, or when asked for."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.started = time.perf_counter()
        self.articles = 0
        self.events = 0

    def update(self, events: int) -> None:
        self.articles += 1
        self.events += events
        if self.enabled and (self.articles < 10 or self.articles % 10 == 0):
            rate = self.articles / max(time.perf_counter() - self.started, 1e-9)
            self.stream.write(f"\r{self.articles} articles, {self.events} events, {rate:.1f} articles/s ")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.articles:
            self.stream.write("\n")


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="jsonl", show_default=True,
              help="output format")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="publication date for inputs that carry none")
@click.option("--explain", is_flag=True, help="print each event with its evidence spans for a person to read")
@click.option("--progress/--no-progress", default=None, help="progress on stderr (default: when a terminal)")
@click.option("--setting", "-s", "settings", multiple=True, metavar="NAME=VALUE",
              help="override a setting (see `sitrep settings`)")
def extract_command(paths: tuple[str, ...], fmt: str, published: datetime | None, explain: bool,
                    progress: bool | None, settings: tuple[str, ...]) -> None:
    """Extract events from articles at PATHS (files, folders, or - for stdin).

    Exit code 0 only when every article was read and processed; each problem is
    reported on stderr with the input it concerns.
    """
    pub = published.date() if published is not None else None
    problems: list[InputProblem] = []
    duplicates: list[DuplicateLink] = []
    meter = Progress(sys.stderr, sys.stderr.isatty() if progress is None else progress)
    out = click.get_text_stream("stdout")

    def documents() -> Iterator[Document]:
        """Documents as each article is done: output starts at once and nothing piles up in memory;
        problems are reported as they are met."""
        reported = 0
        for outcome in iter_path_outcomes(list(paths), settings_from_pairs(settings), pub, problems, duplicates):
            for problem in problems[reported:]:
                click.echo(f"error: {problem}", err=True)
            reported = len(problems)
            document = outcome.document
            meter.update(len(document.events) if document else 0)
            if document is not None:
                yield document
                out.flush()
        for problem in problems[reported:]:
            click.echo(f"error: {problem}", err=True)

    if explain:
        from sitrep.export.explain import explain as explain_document

        for document in documents():
            out.write(explain_document(document) + "\n")
    else:
        WRITERS[fmt]((event for document in documents() for event in document.events), out)
    meter.close()
    if duplicates:
        click.echo(f"{len(duplicates)} near-duplicate article(s) linked to an earlier copy, not processed again:",
                   err=True)
        for link in duplicates:
            click.echo(f"  {link.source} -> {link.duplicate_of} (similarity {link.similarity:.2f})", err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s); {meter.articles} article(s) processed", err=True)
    sys.exit(1 if problems else 0)
