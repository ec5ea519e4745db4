"""Database URLs and engines: SQLite in WAL mode by default, PostgreSQL (psycopg 3) for teams."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa

from sitrep.errors import SitrepError

# How long a SQLite connection waits for the writer's lock before giving up (ms).
SQLITE_BUSY_MS = 30_000
# Readers map the file (shared by every connection and process through the OS page cache) instead of
# copying pages into each connection's own cache: a list page reads its rows without read() calls.
SQLITE_MMAP_BYTES = 1 << 30
# Connections kept open per process. The server's threads (anyio: 40) each hold one while they read;
# a connection opened past the pool is closed after one request, with its page cache and pragmas
# (measured under `make bench-api`: ~9% of a worker's CPU went to reconnecting at the default 5).
SQLITE_POOL_SIZE = 16
SQLITE_POOL_OVERFLOW = 48


def default_path() -> Path:
    """``$SITREP_HOME/sitrep.db`` (else ``$XDG_DATA_HOME/sitrep``, else ``~/.local/share/sitrep``)."""
    home = os.environ.get("SITREP_HOME")
    if home:
        return Path(home) / "sitrep.db"
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "sitrep" / "sitrep.db"


def resolve_url(url: str | None) -> str:
    """A SQLAlchemy URL: None = the default SQLite file; a bare path = a SQLite file;
    ``postgresql://`` uses psycopg 3."""
    if not url:
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        Path(url).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")  # readers go on while the writer commits
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint; WAL keeps commits atomic
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def create_engine(url: str | None) -> sa.Engine:
    resolved = resolve_url(url)
    pool = {"pool_size": SQLITE_POOL_SIZE, "max_overflow": SQLITE_POOL_OVERFLOW} \
        if resolved.startswith("sqlite") and ":memory:" not in resolved and resolved != "sqlite://" else {}
    try:
        engine = sa.create_engine(resolved, future=True, **pool)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise SitrepError("E016", f"cannot use database URL {url!r}: {exc}",
                          "give a SQLite path or sqlite:///FILE or postgresql://USER@HOST/DB") from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine
