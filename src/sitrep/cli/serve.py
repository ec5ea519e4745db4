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
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="worker processes (each opens the store; SQLite WAL lets them read together)")
@click.option("--tile-url", default=None, help="map tiles for the dashboard (or SITREP_TILE_URL), e.g. "
              "https://tile.openstreetmap.org/{z}/{x}/{y}.png; default none: country outlines, fully offline")
@click.option("--tile-attribution", default=None, help="the attribution the tile provider requires "
              "(or SITREP_TILE_ATTRIBUTION)")
def serve_command(db_url: str | None, host: str, port: int, token: str | None, workers: int,
                  tile_url: str | None, tile_attribution: str | None) -> None:
    """Serve the API at /api and the dashboard at / (docs: /api/docs)."""
    import uvicorn

    from sitrep.store import open_store

    token = token or os.environ.get("SITREP_TOKEN") or None
    # Worker processes read the tile settings from the environment too (server/factory.py).
    if tile_url:
        os.environ["SITREP_TILE_URL"] = tile_url
    if tile_attribution:
        os.environ["SITREP_TILE_ATTRIBUTION"] = tile_attribution
    store = open_store(db_url)  # fails here, once, with E016 if the store cannot be opened
    mode = "writes allowed with the token" if token else "read-only"
    click.echo(f"sitrep serving on http://{host}:{port}/ ({mode}); API docs at /api/docs", err=True)
    # Paths and query strings only reach the logs: the token travels in a header, never logged.
    options = {"host": host, "port": port, "log_level": "warning", "server_header": False}
    if workers == 1:
        from sitrep.server import create_app
        from sitrep.server.factory import dashboard_settings

        uvicorn.run(create_app(store, token=token, settings=dashboard_settings()), **options)  # type: ignore[arg-type]
        return
    store.close()
    os.environ["SITREP_DB"] = db_url or ""
    if token:
        os.environ["SITREP_TOKEN"] = token
    uvicorn.run("sitrep.server.factory:app_from_env", factory=True, workers=workers, **options)  # type: ignore[arg-type]
