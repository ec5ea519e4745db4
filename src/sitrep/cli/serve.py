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
def serve_command(db_url: str | None, host: str, port: int, token: str | None, workers: int) -> None:
    """Serve the API at /api and the dashboard at / (docs: /api/docs)."""
    import uvicorn

    from sitrep.store import open_store

    token = token or os.environ.get("SITREP_TOKEN") or None
    store = open_store(db_url)  # fails here, once, with E016 if the store cannot be opened
    mode = "writes allowed with the token" if token else "read-only"
    click.echo(f"sitrep serving on http://{host}:{port}/ ({mode}); API docs at /api/docs", err=True)
    # Paths and query strings only reach the logs: the token travels in a header, never logged.
    options = {"host": host, "port": port, "log_level": "warning", "server_header": False}
    if workers == 1:
        from sitrep.server import create_app

        uvicorn.run(create_app(store, token=token), **options)  # type: ignore[arg-type]
        return
    store.close()
    os.environ["SITREP_DB"] = db_url or ""
    if token:
        os.environ["SITREP_TOKEN"] = token
    uvicorn.run("sitrep.server.factory:app_from_env", factory=True, workers=workers, **options)  # type: ignore[arg-type]
