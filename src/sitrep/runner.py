"""Running the pipeline over many articles: batched in one process, or across worker processes.

Workers each build their own pipeline (spaCy models do not share across
processes) and send back documents without the spaCy parse, which is large and
not needed once the stages have run. A ``WorkerPool`` loads the pipeline in
every worker once, before the first article is sent (a start-up of a few
seconds that ``sitrep.bench`` reports apart from throughput), and can serve
many runs.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from sitrep.model import Article
from sitrep.pipeline.pipeline import Outcome
from sitrep.settings import Settings

# Below this many articles a worker pool costs more (model loading) than it saves.
MIN_ARTICLES_FOR_WORKERS = 64
GC_THRESHOLD = 20_000  # allocations between young-generation collections once the pipeline is warm (default 700)
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker: enough to keep it busy, few enough to stay flat
# One short report run through a freshly loaded pipeline, so that the parts it builds on
# first use (gazetteer connection, sentence encoder, lexicon caches) are ready before timing.
WARM_UP_TEXT = ("KABUL, Afghanistan - Gunmen killed three police officers in Kandahar province on "
                "Monday, a spokesman said.")


def worker_count(settings: Settings) -> int:
    return (os.cpu_count() or 1) if settings.n_process == 0 else max(1, settings.n_process)


def warm_up(settings: Settings) -> None:
    """Build this process's pipeline and run it once (everything loaded lazily is then loaded)."""
    from sitrep.api import get_pipeline

    for _ in get_pipeline(settings).pipe([Article.from_text(WARM_UP_TEXT)]):
        pass
    # What is loaded now (models, tables, caches) lives as long as the process: out of the cyclic
    # collector's reach, its full collections walk only what articles make (~1.5 ms per article less).
    gc.freeze()
    # An article makes tens of thousands of short-lived objects, nearly all freed by reference counting:
    # collecting every 700 allocations (the default) promoted them and ran ~0.1 full collections per
    # article (~1.5 ms per article more).
    gc.set_threshold(GC_THRESHOLD, 10, 10)


def _strip(outcome: Outcome) -> Outcome:
    if outcome.document is not None:
        outcome.document.parsed = None
        outcome.document.parsed_title = None
    return outcome


def _init_worker(settings: Settings, ready: Any) -> None:
    from threadpoolctl import threadpool_limits

    # One BLAS thread per worker: workers already fill the cores, more threads only contend.
    threadpool_limits(limits=1)
    try:
        warm_up(settings)
    finally:  # a failure shows again, with its article, when the worker runs a chunk
        ready.put(os.getpid())


def process_chunk(chunk: list[Article], settings: Settings) -> list[Outcome]:
    """The outcomes of one chunk, without the spaCy parse (what a worker sends back)."""
    from sitrep.api import get_pipeline

    return [_strip(o) for o in get_pipeline(settings).pipe(chunk, batch_size=settings.batch_size)]


def _process_chunk(args: tuple[list[Article], Settings]) -> list[Outcome]:
    return process_chunk(*args)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class WorkerPool:
    """Worker processes, each with the pipeline loaded; a context manager."""

    def __init__(self, settings: Settings, workers: int | None = None) -> None:
        self.settings = settings
        self.workers = workers or worker_count(settings)
        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        ready = context.SimpleQueue()
        self._pool = context.Pool(self.workers, initializer=_init_worker, initargs=(settings, ready))
        for _ in range(self.workers):
            ready.get()

    def imap(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """Outcomes in input order; at most a few chunks are in flight, so memory stays flat."""
        # Pool.imap would read the whole input ahead; a window of chunks keeps memory flat. A chunk is
        # one pipeline batch, so the batches (and what is computed per batch: the sentence embeddings)
        # are those of a run in one process: the output does not depend on the number of workers.
        pending: deque[Any] = deque()
        for chunk in _chunks(articles, self.settings.batch_size):
            pending.append(self._pool.apply_async(_process_chunk, ((chunk, self.settings),)))
            if len(pending) >= IN_FLIGHT_PER_WORKER * self.workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def run_articles(articles: Iterable[Article], settings: Settings | None = None,
                 keep_parse: bool = False, pool: WorkerPool | None = None) -> Iterator[Outcome]:
    """Outcomes in input order, yielded as they are ready. Uses worker processes when ``pool`` is
    given, or when ``settings.n_process`` asks for them and the input is large."""
    from sitrep.api import get_pipeline

    settings = settings or Settings()
    if pool is not None:
        yield from pool.imap(articles)
        return
    workers = worker_count(settings)
    iterator = iter(articles)
    head = list(itertools.islice(iterator, MIN_ARTICLES_FOR_WORKERS)) if workers > 1 else []
    if workers == 1 or len(head) < MIN_ARTICLES_FOR_WORKERS:
        pipeline = get_pipeline(settings)
        for outcome in pipeline.pipe(itertools.chain(head, iterator), batch_size=settings.batch_size):
            yield outcome if keep_parse else _strip(outcome)
        return
    with WorkerPool(settings, workers) as workers_pool:
        yield from workers_pool.imap(itertools.chain(head, iterator))
