"""`sitrep gazetteer build|import`. STUB (filled by the geocoding work)."""

from __future__ import annotations

import click


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Build or extend the offline gazetteer."""
