"""`sitrep show CLUSTER_ID`: one incident, every report of it and each side's claims."""

from __future__ import annotations

import sys

import click

from sitrep.cli.store_options import db_option, open_or_exit


@click.command("show")
@click.argument("cluster_id")
@db_option
@click.option("--explain", is_flag=True, help="also how the merged date and figures were voted, and each "
              "report's matching decision and scores at ingest")
@click.option("--json", "as_json", is_flag=True, help="the cluster record as JSON")
def show_command(cluster_id: str, db: str | None, explain: bool, as_json: bool) -> None:
    """Print an incident as `extract --explain` prints events: merged values, then each member report."""
    from sitrep.store.show import render_cluster

    store = open_or_exit(db)
    record = store.get_cluster(cluster_id)
    if record is None:
        store.close()
        raise click.ClickException(f"no cluster {cluster_id!r} in {store.url} (see `sitrep events`)")
    if as_json:
        click.echo(record.model_dump_json(indent=2))
    else:
        events = store.cluster_events(record.id)
        decisions = store.decisions([e.id for e in events]) if explain else []
        click.echo(render_cluster(record, events, decisions, color=sys.stdout.isatty(), explain=explain))
    store.close()
