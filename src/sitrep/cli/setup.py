"""`sitrep setup`: build what sitrep makes for itself (idempotent; `make install` runs it)."""

from __future__ import annotations

import click


@click.command("setup")
def setup_command() -> None:
    """Build the data sitrep makes for itself (the gazetteer, ...). Safe to run again."""
    from sitrep.geo.build import ensure
    from sitrep.geo.gazetteer import default_path

    path = default_path()
    existed = path.exists()
    ensure(path)
    click.echo(f"sitrep: gazetteer {'present' if existed else 'built'} at {path}", err=True)
    click.echo("sitrep: ready", err=True)
