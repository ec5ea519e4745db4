"""`sitrep brief`: a situation brief of an area and period, every sentence citing its events."""

from __future__ import annotations

import datetime as dt

import click


@click.command("brief")
@click.option("--area", required=True, help="a country (ISO2 or name) or a first-level admin unit")
@click.option("--from", "date_from", required=True, type=click.DateTime(formats=["%Y-%m-%d"]))
@click.option("--to", "date_to", required=True, type=click.DateTime(formats=["%Y-%m-%d"]))
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@click.option("--db", "db_url", default=None, help="store URL (default: SQLite at $SITREP_HOME/sitrep.db)")
@click.option("--base-url", default="", help="prefix for event links, e.g. http://127.0.0.1:8000")
def brief_command(area: str, date_from: dt.datetime, date_to: dt.datetime, fmt: str, db_url: str | None,
                  base_url: str) -> None:
    """Write the brief on AREA between --from and --to (inclusive) to stdout."""
    import json

    from sitrep.brief import brief_html, brief_json, brief_markdown, build_brief
    from sitrep.store import open_store

    if date_from > date_to:
        raise click.UsageError("--from is after --to")
    built = build_brief(open_store(db_url), area, date_from.date(), date_to.date(),
                        url_prefix=base_url.rstrip("/") + "/api/events/")
    if fmt == "json":
        click.echo(json.dumps(brief_json(built), ensure_ascii=False, indent=2))
    else:
        click.echo(brief_html(built) if fmt == "html" else brief_markdown(built))
