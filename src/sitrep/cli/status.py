"""`sitrep status` and `sitrep db upgrade`: what the store holds, and its schema."""

from __future__ import annotations

import json

import click

from sitrep.cli.store_options import db_option, open_or_exit


@click.command("status")
@db_option
@click.option("--json", "as_json", is_flag=True, help="one JSON object")
def status_command(db: str | None, as_json: bool) -> None:
    """Counts of articles, events, clusters and claims in the store, and its schema version."""
    store = open_or_exit(db)
    status = store.status()
    store.close()
    if as_json:
        click.echo(json.dumps(status.model_dump()))
        return
    for key, value in status.model_dump().items():
        click.echo(f"{key:<16} {value}")


@click.group("db")
def db_group() -> None:
    """The store's schema."""


@db_group.command("upgrade")
@db_option
def upgrade_command(db: str | None) -> None:
    """Apply every migration the store lacks (creates a new store)."""
    from sitrep.errors import SitrepError
    from sitrep.store.engine import create_engine
    from sitrep.store.migrate import current_revision, upgrade

    try:
        engine = create_engine(db)
        before = current_revision(engine)
        after = upgrade(engine)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from None
    engine.dispose()
    click.echo(f"schema {before or '(none)'} -> {after}")
