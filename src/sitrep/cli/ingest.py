"""`sitrep ingest`: articles in, stored, merged into incidents."""

from __future__ import annotations

import sys
import time
from datetime import datetime
from typing import TextIO

import click

from sitrep.cli.store_options import db_option, open_or_exit
from sitrep.settings import settings_from_pairs


class IngestProgress:
    """Articles done, events and rate on one stderr line; with a known ``total`` (0: unknown, the input
    is streamed and never counted first), the time left too."""

    def __init__(self, stream: TextIO, total: int, enabled: bool) -> None:
        self.stream, self.total, self.enabled = stream, total, enabled
        self.started = time.perf_counter()
        self.last: float | None = None

    def __call__(self, report: object) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        done = getattr(report, "processed", 0)
        if self.last is not None and now - self.last < 0.5 and done != self.total:
            return
        self.last = now
        rate = done / max(now - self.started, 1e-9)
        line = f"{done} articles, {getattr(report, 'events', 0)} events, {rate:.1f} articles/s"
        if self.total:
            left = (self.total - done) / rate if rate > 0 else 0.0
            line = f"{done}/{self.total} articles, {getattr(report, 'events', 0)} events, {rate:.1f} articles/s, " \
                   f"{left:.0f} s left"
        self.stream.write(f"\r{line} ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="publication date for inputs that carry none")
@click.option("--progress/--no-progress", default=None, help="progress on stderr (default: when a terminal)")
@click.option("--json", "as_json", is_flag=True, help="print what was done as one JSON object")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1),
              help="articles stored per transaction")
@click.option("--setting", "-s", "settings", multiple=True, metavar="NAME=VALUE",
              help="override a setting (see `sitrep settings`)")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="where extraction runs: this process (and n_process workers) or a Dask cluster")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Dask scheduler to use with --engine dask (default: a local cluster on 127.0.0.1)")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1),
              help="workers of the local Dask cluster (--engine dask without --scheduler)")
def ingest_command(paths: tuple[str, ...], db: str | None, published: datetime | None, progress: bool | None,
                   as_json: bool, batch_size: int, settings: tuple[str, ...], engine: str, scheduler: str | None,
                   workers: int) -> None:
    """Extract events from PATHS and add them to the store, merging reports of one incident.

    Idempotent: articles already stored are skipped; an article seen before (same URL or id) with
    other text is stored as a new version. Exit code 1 when any input had a problem.
    """
    import json
    from pathlib import Path

    from sitrep.errors import SitrepError
    from sitrep.ingest import read_paths
    from sitrep.store import ingest_articles
    from sitrep.watch import refresh_alerts

    config = settings_from_pairs(settings)
    store = open_or_exit(db)
    reading = read_paths([Path(p) for p in paths], settings=config,
                         published=published.date() if published else None, keep_copies=True)
    show = sys.stderr.isatty() if progress is None else progress
    # Streamed, progress line or not: the input is never read ahead, so memory stays flat however
    # large it is (the price: no total, hence no time left, on the progress line).
    articles = reading.articles()
    meter = IngestProgress(sys.stderr, 0, show)
    extractor = None
    if engine == "dask":
        from sitrep.dask_engine import DaskExtractor

        extractor = DaskExtractor(config, scheduler, workers)
    try:
        report = ingest_articles(store, articles, config, meter, batch_size=batch_size, extract=extractor)
    except SitrepError as exc:  # E017: the store stopped answering; committed batches stay
        meter.close()
        raise click.ClickException(str(exc)) from None
    finally:
        if extractor is not None:
            extractor.close()
    meter.close()
    report.problems = [*reading.problems, *report.problems]
    refresh_alerts(store, report)
    summary = report.as_dict()
    summary["duplicates"] = len(reading.duplicates)
    if as_json:
        click.echo(json.dumps(summary))
    else:
        click.echo(f"{report.articles_new} new article(s), {report.versions} new version(s), "
                   f"{report.articles_skipped} already stored, {report.events} event(s), "
                   f"{len(report.changed_cluster_ids)} incident(s) changed in {report.seconds:.1f} s", err=True)
    for link in reading.duplicates:
        click.echo(f"near-duplicate: {link.source} -> {link.duplicate_of} (similarity {link.similarity:.2f})",
                   err=True)
    for problem in report.problems:
        click.echo(f"error: {problem}", err=True)
    store.close()
    sys.exit(1 if report.problems else 0)
