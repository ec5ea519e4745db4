"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL 15 (a temporary cluster).

The PostgreSQL parameter is skipped only when the binaries are absent, with a warning saying so.
Extraction runs once per session (``extracted``); tests ingest those outcomes, so they test the
store and not spaCy's speed.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from sitrep.model import Article
from sitrep.pipeline.pipeline import Outcome
from sitrep.settings import Settings
from tests.store.reports import base_articles, updated_kidnap

PG_BIN = Path(os.environ.get("SITREP_PG_BIN", "/usr/lib/postgresql/15/bin"))
_counter = itertools.count()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL binary; as the postgres user when we are root (initdb refuses root)."""
    extra: dict[str, object] = {}
    if os.geteuid() == 0:
        extra = {"user": "postgres", "group": "postgres", "extra_groups": []}
    return subprocess.run(command, check=True, capture_output=True, text=True, **extra, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A temporary PostgreSQL cluster on 127.0.0.1; yields its base URL (no database name)."""
    if not (PG_BIN / "initdb").exists():
        message = (f"PostgreSQL binaries not found in {PG_BIN}: the store tests ran on SQLite ONLY "
                   "(install postgresql-15, see scripts/install_system_packages.sh)")
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    root = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data, port = root / "data", _free_port()
    _as_postgres([str(PG_BIN / "initdb"), "-A", "trust", "--no-sync", "-U", "postgres", "-D", str(data)])
    _as_postgres([str(PG_BIN / "pg_ctl"), "-w", "-D", str(data), "-l", str(root / "log"), "start", "-o",
                  f"-F -k {root} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"])
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
        shutil.rmtree(root, ignore_errors=True)


def _admin(base: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def new_store_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes URLs of empty stores on this test's backend (a SQLite file, or a fresh PostgreSQL database)."""
    made: list[str] = []
    base = request.getfixturevalue("postgres_server") if backend == "postgresql" else ""

    def make() -> str:
        number = next(_counter)
        if backend == "sqlite":
            return str(tmp_path / f"store{number}.db")
        name = f"sitrep_test_{os.getpid()}_{number}"
        _admin(base, f"CREATE DATABASE {name}")
        made.append(name)
        return f"{base}/{name}"

    yield make
    for name in made:
        _admin(base, f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def store_url(new_store_url: Callable[[], str]) -> str:
    """The URL of an empty store on SQLite, then on PostgreSQL."""
    return new_store_url()


@pytest.fixture(scope="session")
def extracted() -> dict[str, Outcome]:
    """Outcomes of the real pipeline for every invented report, by article id (extracted once)."""
    from sitrep.api import get_pipeline

    articles = [*base_articles(), updated_kidnap()]
    return {o.article.id: o for o in get_pipeline().pipe(articles)}


@pytest.fixture(scope="session")
def extract(extracted: dict[str, Outcome]):  # type: ignore[no-untyped-def]
    """An extractor for Store.ingest that hands back the session's outcomes (the pipeline for others)."""

    def run(articles: Iterable[Article], settings: Settings) -> Iterator[Outcome]:
        from sitrep.api import process_articles

        for article in articles:
            if article.id in extracted:
                yield extracted[article.id]
            else:
                yield from process_articles([article], settings)

    return run


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    from sitrep.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def filled(store, extract):  # type: ignore[no-untyped-def]
    """A store holding the base reports."""
    report = store.ingest(base_articles(), extract=extract)
    assert report.ok, report.problems
    return store
