"""Extraction spread over a Dask cluster: ``sitrep ingest --engine dask [--scheduler tcp://HOST:PORT]``.

Each worker loads the pipeline once (``PipelinePlugin``, a Dask worker plugin, runs when the worker
joins), chunks of articles go out as tasks, and the outcomes come back in input order to the one
process that writes the store (one writer; with workers on several machines the store is
PostgreSQL, which every reader can reach). Without a scheduler address a ``LocalCluster`` on
127.0.0.1 is started. At most a few chunks per worker are in flight, so memory stays flat.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from sitrep.model import Article
from sitrep.pipeline.pipeline import Outcome
from sitrep.settings import Settings

__all__ = ["DaskExtractor", "PipelinePlugin"]

IN_FLIGHT_PER_WORKER = 3

try:
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - dask is a runtime dependency; this keeps imports cheap to fail
    WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelinePlugin(WorkerPlugin):
    """Loads (and warms) the pipeline in a worker as it starts, with one BLAS thread."""

    name = "sitrep-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        from threadpoolctl import threadpool_limits

        from sitrep.runner import warm_up

        threadpool_limits(limits=1)
        warm_up(self.settings)


def extract_chunk(chunk: list[Article], settings: Settings) -> list[Outcome]:
    """Run on a worker: the outcomes of one chunk, without the spaCy parse."""
    from sitrep.runner import process_chunk

    return process_chunk(chunk, settings)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class DaskExtractor:
    """An extractor for ``Store.ingest`` (articles, settings -> outcomes in order) backed by Dask."""

    def __init__(self, settings: Settings, scheduler: str | None = None, workers: int = 2) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", dashboard_address=None)
            self.client = Client(self.cluster)
        self.client.register_plugin(PipelinePlugin(settings))

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def __call__(self, articles: Iterable[Article], settings: Settings) -> Iterator[Outcome]:
        pending: deque[Any] = deque()
        window = IN_FLIGHT_PER_WORKER * self.workers
        # A chunk is one pipeline batch, as in a local run: the same batches, the same output.
        for chunk in _chunks(articles, settings.batch_size):
            pending.append(self.client.submit(extract_chunk, chunk, settings, pure=False))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskExtractor:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
