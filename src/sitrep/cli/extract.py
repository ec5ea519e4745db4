"""`sitrep extract`: articles in, events out."""

from __future__ import annotations

import sys
from datetime import datetime

import click

from sitrep.api import extract_paths
from sitrep.export.jsonl import write_jsonl
from sitrep.settings import settings_from_pairs


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="publication date for inputs that carry none")
@click.option("--explain", is_flag=True, help="print each event with its evidence for a person to read")
@click.option("--setting", "-s", "settings", multiple=True, metavar="NAME=VALUE", help="override a setting")
def extract_command(paths: tuple[str, ...], published: datetime | None, explain: bool,
                    settings: tuple[str, ...]) -> None:
    """Extract events from articles at PATHS (files, folders, or - for stdin)."""
    pub = published.date() if published is not None else None
    result = extract_paths(list(paths), settings_from_pairs(settings), published=pub)
    write_jsonl(result.events, sys.stdout)
    for problem in result.problems:
        click.echo(f"error: {problem}", err=True)
    sys.exit(0 if result.ok else 1)
