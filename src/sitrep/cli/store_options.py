"""Options shared by the store commands (`ingest`, `events`, `claims`, `status`, `show`, `db`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

db_option: Callable[[F], F] = click.option(
    "--db", "db", envvar="SITREP_DB", default=None, metavar="URL",
    help="the store: a SQLite path, sqlite:///FILE or postgresql://USER@HOST/DB "
         "(default: $SITREP_DB, else SQLite at $SITREP_HOME/sitrep.db)")


def open_or_exit(db: str | None) -> Any:
    """The store at ``db``, or a clear error and exit code 2."""
    from sitrep.errors import SitrepError
    from sitrep.store import open_store

    try:
        return open_store(db)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from None
