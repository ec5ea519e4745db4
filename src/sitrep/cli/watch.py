"""`sitrep watch`: saved filters whose new or changed events become alerts after each ingest."""

from __future__ import annotations

import json
from typing import Any

import click

from sitrep.filters import EventFilter, filter_options, filter_to_params

_db = click.option("--db", "db_url", default=None, help="store URL (default: SQLite at $SITREP_HOME/sitrep.db)")


def _store(db_url: str | None) -> Any:
    from sitrep.store import open_store

    return open_store(db_url)


def _name(value: str) -> str:
    from sitrep.server.routes_watch import NAME_PATTERN

    if not NAME_PATTERN.fullmatch(value):
        raise click.BadParameter("use 1-64 letters, digits, - and _", param_hint="NAME")
    return value


@click.group("watch")
def watch_group() -> None:
    """Watchlists: `add NAME [filters]`, `list`, `remove NAME`, `alerts NAME`."""


@watch_group.command("add")
@click.argument("name")
@_db
@filter_options
def watch_add(name: str, db_url: str | None, event_filter: EventFilter) -> None:
    """Save the filters as watchlist NAME."""
    store = _store(db_url)
    if any(w.name == _name(name) for w in store.list_watchlists()):
        raise click.ClickException(f"watchlist {name!r} exists; remove it first")
    store.add_watchlist(name, event_filter)
    click.echo(f"watchlist {name}: {filter_to_params(event_filter) or 'every event'}")


@watch_group.command("list")
@_db
def watch_list(db_url: str | None) -> None:
    """Every watchlist and its filters."""
    for w in _store(db_url).list_watchlists():
        click.echo(f"{w.name}\t{json.dumps(w.filter, ensure_ascii=False)}")


@watch_group.command("remove")
@click.argument("name")
@_db
def watch_remove(name: str, db_url: str | None) -> None:
    """Remove watchlist NAME and its alerts."""
    if not _store(db_url).remove_watchlist(_name(name)):
        raise click.ClickException(f"no watchlist {name!r}")


@watch_group.command("alerts")
@click.argument("name")
@_db
def watch_alerts(name: str, db_url: str | None) -> None:
    """The alerts of watchlist NAME, as JSON lines (cluster_id, created, event)."""
    from sitrep.watch.atom import entry_title

    store = _store(db_url)
    if not any(w.name == _name(name) for w in store.list_watchlists()):
        raise click.ClickException(f"no watchlist {name!r}")
    for alert in store.alerts(name):
        cluster = store.get_cluster(alert.cluster_id)
        click.echo(json.dumps({"cluster_id": alert.cluster_id, "created": alert.created_at.isoformat(),
                               "title": entry_title(cluster) if cluster is not None else None},
                              ensure_ascii=False))
