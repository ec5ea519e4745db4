"""`sitrep events` and `sitrep claims`: stored incidents, reports and claims, filtered, in any export format."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

from sitrep.cli.store_options import db_option, open_or_exit
from sitrep.filters import EventFilter, filter_options

T = TypeVar("T")
FORMATS = ("jsonl", "json", "csv", "geojson", "parquet")


def _all_pages(fetch: Callable[[str | None], Any], limit: int | None) -> Iterator[Any]:
    """Every item of every page (or the first ``limit``)."""
    cursor: str | None = None
    seen = 0
    while True:
        page = fetch(cursor)
        for item in page.items:
            if limit is not None and seen >= limit:
                return
            seen += 1
            yield item
        cursor = page.next_cursor
        if not cursor:
            return


def _output(path: str | None) -> Any:
    return open(path, "wb") if path else click.get_binary_stream("stdout")


@click.command("events")
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--reports", is_flag=True, help="one row per article's event instead of one per incident")
@click.option("--limit", type=click.IntRange(0), default=None, help="at most this many rows")
@click.option("--output", "-o", default=None, help="write to this file (needed for parquet on a terminal)")
def events_command(db: str | None, event_filter: EventFilter, fmt: str, reports: bool, limit: int | None,
                   output: str | None) -> None:
    """Stored incidents (one row per cluster of reports), latest first, filtered."""
    from sitrep.export.clusters import write_clusters, write_events

    store = open_or_exit(db)
    out = _output(output)
    if reports:
        write_events(_all_pages(lambda c: store.query_reports(event_filter, 500, c), limit), fmt, out)
    else:
        write_clusters(_all_pages(lambda c: store.query_clusters(event_filter, 500, c), limit), fmt, out)
    out.flush()
    store.close()


@click.command("claims")
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice([f for f in FORMATS if f != "geojson"]), default="jsonl",
              show_default=True)
@click.option("--limit", type=click.IntRange(0), default=None, help="at most this many rows")
@click.option("--output", "-o", default=None, help="write to this file")
def claims_command(db: str | None, event_filter: EventFilter, fmt: str, limit: int | None,
                   output: str | None) -> None:
    """Every stored attribution: claims on events' facts and reported speech attached to no event."""
    from sitrep.export.clusters import write_claims

    store = open_or_exit(db)
    out = _output(output)
    write_claims(_all_pages(lambda c: store.query_claims(event_filter, 500, c), limit), fmt, out)
    out.flush()
    store.close()
