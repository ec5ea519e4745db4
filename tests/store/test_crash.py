"""kill -9 in the middle of `sitrep ingest`, run again: the store equals one an uninterrupted run makes.

A real subprocess, a real SIGKILL, on SQLite and on PostgreSQL. While the writer runs, this process
reads the store (SQLite WAL: readers go on beside the one writer).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitrep.store import ingest_paths, open_store
from tests.store.reports import many_articles
from tests.store.test_ingest import dump

ARTICLES = 40


@pytest.mark.slow
def test_kill_9_then_rerun_equals_uninterrupted(new_store_url: Callable[[], str], tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in many_articles(ARTICLES)), encoding="utf-8")
    url = new_store_url()
    store = open_store(url)  # the schema exists before the writer starts, so this reader can watch
    command = [str(Path(sys.executable).parent / "sitrep"), "ingest", str(path), "--db", url,
               "--batch-size", "2", "--no-progress"]
    writer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
    stored = 0
    deadline = time.monotonic() + 240
    while writer.poll() is None and time.monotonic() < deadline:
        stored = store.status().articles
        store.query_clusters(limit=5)  # a reader beside the writer
        if stored >= 4:
            os.kill(writer.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL, "the writer finished before it could be killed"
    assert 4 <= store.status().articles < ARTICLES
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert store.status().articles == ARTICLES

    reference = open_store(new_store_url())
    ingest_paths([path], reference, batch_size=2)
    assert dump(store) == dump(reference)
    store.close()
    reference.close()
