"""Running the pipeline over many articles: batched in one process, or across worker processes.

Workers each build their own pipeline (spaCy models do not share across
processes) and send back documents without the spaCy parse, which is large and
not needed once the stages have run.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator

from sitrep.model import Article
from sitrep.pipeline.pipeline import Outcome
from sitrep.settings import Settings

# Below this many articles a worker pool costs more (model loading) than it saves.
MIN_ARTICLES_FOR_WORKERS = 64
CHUNK_SIZE = 16


def worker_count(settings: Settings) -> int:
    return (os.cpu_count() or 1) if settings.n_process == 0 else max(1, settings.n_process)


def _strip(outcome: Outcome) -> Outcome:
    if outcome.document is not None:
        outcome.document.parsed = None
    return outcome


def _process_chunk(args: tuple[list[Article], Settings]) -> list[Outcome]:
    from sitrep.api import get_pipeline

    chunk, settings = args
    return [_strip(o) for o in get_pipeline(settings).pipe(chunk, batch_size=settings.batch_size)]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def run_articles(articles: Iterable[Article], settings: Settings | None = None,
                 keep_parse: bool = False) -> Iterator[Outcome]:
    """Outcomes in input order. Uses worker processes when ``settings.n_process`` asks for them."""
    from sitrep.api import get_pipeline

    settings = settings or Settings()
    workers = worker_count(settings)
    iterator = iter(articles)
    head = list(itertools.islice(iterator, MIN_ARTICLES_FOR_WORKERS))
    if workers == 1 or len(head) < MIN_ARTICLES_FOR_WORKERS:
        pipeline = get_pipeline(settings)
        for outcome in pipeline.pipe(itertools.chain(head, iterator), batch_size=settings.batch_size):
            yield outcome if keep_parse else _strip(outcome)
        return
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(workers) as pool:
        jobs = ((chunk, settings) for chunk in _chunks(itertools.chain(head, iterator), CHUNK_SIZE))
        for outcomes in pool.imap(_process_chunk, jobs):
            yield from outcomes
