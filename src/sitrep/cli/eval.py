"""`sitrep eval DATASET PATH`: scores against annotated data. STUB (filled by the evaluation work)."""

from __future__ import annotations

import click


@click.command("eval")
@click.argument("dataset")
@click.argument("path", required=False)
def eval_command(dataset: str, path: str | None) -> None:
    """Score sitrep on DATASET (case2021, isaf, geo, polnear, acled, all) read from PATH."""
    raise click.ClickException("evaluation not implemented yet")
