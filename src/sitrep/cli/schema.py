"""`sitrep schema` and `sitrep settings`: the output contract and the settings table."""

from __future__ import annotations

import json

import click

from sitrep.model.schema import event_schema
from sitrep.settings import settings_table


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the event record (generated from the data model)."""
    click.echo(json.dumps(event_schema(), indent=2, sort_keys=True))


@click.command("settings")
def settings_command() -> None:
    """List every setting with its type, default and meaning."""
    for row in settings_table():
        click.echo(f"{row['name']} ({row['type']}, default {row['default']!r}): {row['help']}")


@click.command("stages")
def stages_command() -> None:
    """List the pipeline's stages in order, with what each reads and writes."""
    from sitrep.api import get_pipeline

    for stage in get_pipeline().describe():
        click.echo(f"{stage['name']:<20} reads {', '.join(stage['reads'])}; writes {', '.join(stage['writes'])}")  # type: ignore[arg-type]
        if stage["doc"]:
            click.echo(f"{'':<20} {stage['doc']}")
