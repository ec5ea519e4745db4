"""`--engine dask`: a 2-worker LocalCluster on 127.0.0.1 fills the store exactly as a local run does."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.store import open_store
from tests.store.reports import base_articles
from tests.store.test_ingest import dump

pytest.importorskip("distributed")


@pytest.mark.slow
def test_two_dask_workers_store_what_a_local_run_stores(tmp_path: Path) -> None:
    from sitrep.dask_engine import DaskExtractor
    from sitrep.settings import Settings

    articles = base_articles()
    local = open_store(str(tmp_path / "local.db"))
    assert local.ingest(articles, batch_size=2).ok
    spread = open_store(str(tmp_path / "dask.db"))
    with DaskExtractor(Settings(), workers=2) as extractor:
        assert extractor.workers == 2
        report = spread.ingest(articles, batch_size=2, extract=extractor)
    assert report.ok, report.problems
    assert report.events > 0
    assert dump(spread) == dump(local)
    local.close()
    spread.close()
