"""`sitrep serve`: the REST API and the dashboard on uvicorn."""

from __future__ import annotations

import os

import click


@click.command("serve")
@click.option("--db", "db_url", default=None, help="store URL (default: SQLite at $SITREP_HOME/sitrep.db)")
@click.option("--host", default="127.0.0.1", show_default=True, help="interface to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", default=None, help="token that allows writes (or SITREP_TOKEN); without one the "
              "server is read-only")
@click.option("--tile-url", default=None, help="map tiles for the dashboard (or SITREP_TILE_URL), e.g. "
              "https://tile.openstreetmap.org/{z}/{x}/{y}.png; default none: country outlines, fully offline")
@click.option("--tile-attribution", default=None, help="the attribution the tile provider requires")
def serve_command(db_url: str | None, host: str, port: int, token: str | None, tile_url: str | None,
                  tile_attribution: str | None) -> None:
    """Serve the API at /api and the dashboard at / (docs: /api/docs)."""
    import uvicorn

    from sitrep.server import create_app
    from sitrep.settings import Settings
    from sitrep.store import open_store

    token = token or os.environ.get("SITREP_TOKEN") or None
    settings = Settings().replace(tile_url=tile_url or os.environ.get("SITREP_TILE_URL") or "",
                                  tile_attribution=tile_attribution or "")
    app = create_app(open_store(db_url), token=token, settings=settings)
    mode = "writes allowed with the token" if token else "read-only"
    click.echo(f"sitrep serving on http://{host}:{port}/ ({mode}); API docs at /api/docs", err=True)
    # The access log prints paths and query strings only: the token travels in a header, never logged.
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
