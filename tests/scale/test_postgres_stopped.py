"""PostgreSQL stopped under a running `sitrep ingest`: a clear error (E017), nothing half-written.

A dedicated temporary cluster (the session one serves other tests), a real subprocess, and
`pg_ctl stop -m immediate` while it writes. Started again, a rerun completes the store, which then
equals one made by an uninterrupted run: no batch was half-written, nothing is doubled.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.store import ingest_paths, open_store
from tests.store.conftest import PG_BIN, _admin, _as_postgres, _free_port
from tests.store.reports import many_articles
from tests.store.test_ingest import dump

ARTICLES = 30


class Cluster:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="sitrep-pg-stop-"))
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self.data, self.port = self.root / "data", _free_port()
        _as_postgres([str(PG_BIN / "initdb"), "-A", "trust", "--no-sync", "-U", "postgres", "-D", str(self.data)])
        self.base = f"postgresql://postgres@127.0.0.1:{self.port}"

    def start(self) -> None:
        _as_postgres([str(PG_BIN / "pg_ctl"), "-w", "-D", str(self.data), "-l", str(self.root / "log"), "start",
                      "-o", f"-F -k {self.root} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off"])

    def stop(self) -> None:
        _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"])


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL binaries not found in {PG_BIN}")
    made = Cluster()
    made.start()
    try:
        yield made
    finally:
        subprocess.run([str(PG_BIN / "pg_ctl"), "-D", str(made.data), "-m", "immediate", "stop"],
                       capture_output=True, check=False, **({"user": "postgres"} if os.geteuid() == 0 else {}))
        shutil.rmtree(made.root, ignore_errors=True)


@pytest.mark.slow
def test_postgres_stopped_under_ingest(cluster: Cluster, tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in many_articles(ARTICLES)), encoding="utf-8")
    _admin(cluster.base, "CREATE DATABASE stopped")
    url = f"{cluster.base}/stopped"
    store = open_store(url)
    command = [str(Path(sys.executable).parent / "sitrep"), "ingest", str(path), "--db", url,
               "--batch-size", "2", "--no-progress"]
    writer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while writer.poll() is None and time.monotonic() < deadline and store.status().articles < 4:
        time.sleep(0.01)
    store.close()
    assert writer.poll() is None, "the writer finished before the database could be stopped"
    cluster.stop()
    _, stderr = writer.communicate(timeout=240)
    assert writer.returncode != 0
    assert "[E017]" in stderr and "Traceback" not in stderr, stderr

    cluster.start()
    stopped = open_store(url)
    kept = stopped.status().articles
    assert 4 <= kept < ARTICLES and kept % 2 == 0, "only whole batches (of 2) were committed"
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    _admin(cluster.base, "CREATE DATABASE reference")
    reference = open_store(f"{cluster.base}/reference")
    ingest_paths([path], reference, batch_size=2)
    assert dump(stopped) == dump(reference)
    stopped.close()
    reference.close()
