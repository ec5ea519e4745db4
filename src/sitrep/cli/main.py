"""The command line: a thin click layer over importable functions that return data.

Each command lives in its own module; this one only assembles the group.
"""

from __future__ import annotations

import click

from sitrep.cli.eval import eval_command
from sitrep.cli.events import claims_command, events_command
from sitrep.cli.extract import extract_command
from sitrep.cli.gazetteer import gazetteer_group
from sitrep.cli.ingest import ingest_command
from sitrep.cli.schema import schema_command, settings_command, stages_command
from sitrep.cli.setup import setup_command
from sitrep.cli.show import show_command
from sitrep.cli.status import db_group, status_command


@click.group()
@click.version_option(package_name="sitrep")
def cli() -> None:
    """sitrep: conflict reports into sourced, geocoded event data."""


cli.add_command(extract_command)
cli.add_command(eval_command)
cli.add_command(gazetteer_group)
cli.add_command(setup_command)
cli.add_command(schema_command)
cli.add_command(settings_command)
cli.add_command(stages_command)
cli.add_command(ingest_command)
cli.add_command(events_command)
cli.add_command(claims_command)
cli.add_command(show_command)
cli.add_command(status_command)
cli.add_command(db_group)
