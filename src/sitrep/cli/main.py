"""The command line: a thin click layer over sitrep.api and friends."""

from __future__ import annotations

import sys
from datetime import date

import click

from sitrep.api import extract_paths
from sitrep.export.jsonl import write_jsonl
from sitrep.settings import settings_from_pairs


@click.group()
@click.version_option(package_name="sitrep")
def cli() -> None:
    """sitrep: conflict reports into sourced, geocoded event data."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="publication date for inputs that carry none")
@click.option("--setting", "-s", "settings", multiple=True, metavar="NAME=VALUE", help="override a setting")
def extract(paths: tuple[str, ...], published: object, settings: tuple[str, ...]) -> None:
    """Extract events from articles at PATHS (files, folders, or - for stdin)."""
    pub = published.date() if published is not None else None  # type: ignore[attr-defined]
    result = extract_paths(list(paths), settings_from_pairs(settings), published=pub if isinstance(pub, date) else None)
    write_jsonl(result.events, sys.stdout)
    for problem in result.problems:
        click.echo(f"error: {problem}", err=True)
    sys.exit(0 if result.ok else 1)


@cli.command()
def setup() -> None:
    """Build the data sitrep makes for itself (idempotent; `make install` runs it)."""
    click.echo("sitrep: ready", err=True)
