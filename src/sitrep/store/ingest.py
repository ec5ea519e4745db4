"""Ingest orchestration: read -> plan (skip what is stored) -> extract -> write and merge, a batch per transaction.

Articles already stored (same id, or same URL with the same text) are never extracted again, so a run
that was killed resumes where its last committed batch ended. A copy (``Article.copy_of``: a wire reprint
found by ingest's duplicate check) is not extracted either: it is written, once the article it copies is
stored, as another report of that article's events (``write.write_copies``), at its own place in the input
(after every article before it), so a run killed and resumed gives it the ingest sequence numbers an
uninterrupted run does, however far ahead of the writer the extraction reads.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import InputProblem, SitrepError
from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.pipeline import Outcome
from sitrep.settings import Settings
from sitrep.store.records import IngestReport
from sitrep.store.write import Plan, plan_articles

if TYPE_CHECKING:
    from sitrep.store.store import Store

# Articles written per transaction: large enough to amortise the commit, small enough to lose little.
BATCH_SIZE = 32
PLAN_CHUNK = 64

Progress = Callable[[IngestReport], None]
# Articles -> outcomes in input order; default: the pipeline (sitrep.api.process_articles).
Extractor = Callable[[Iterable[Article], Settings], Iterable[Outcome]]


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def ingest_articles(store: Store, articles: Iterable[Article], settings: Settings | None = None,
                    progress: Progress | None = None, batch_size: int = BATCH_SIZE,
                    extract: Extractor | None = None) -> IngestReport:
    """Extract and store every article not stored yet; merge its events into clusters.

    ``extract`` replaces the pipeline (benchmarks and tests feed outcomes extracted once). A database
    that stops answering raises ``SitrepError`` E017: each batch is one transaction, so the batch in
    progress was rolled back and the committed ones stay.
    """
    from sqlalchemy.exc import DBAPIError

    try:
        return _ingest(store, articles, settings, progress, batch_size, extract)
    except DBAPIError as exc:
        cause = f"{type(exc.orig or exc).__name__}: {str(exc.orig or exc).strip().splitlines()[0]}"
        raise SitrepError(
            "E017", f"the event store stopped answering ({cause}); nothing of the batch in progress was written",
            "start the database and run the same command again: stored articles are skipped") from exc


def _ingest(store: Store, articles: Iterable[Article], settings: Settings | None, progress: Progress | None,
            batch_size: int, extract: Extractor | None) -> IngestReport:
    from sitrep.api import process_articles

    extract = extract or process_articles
    settings = settings or Settings()
    report = IngestReport()
    started = time.perf_counter()
    seen: set[tuple[str, str]] = set()
    plans: dict[str, Plan] = {}
    # every article to write, in input order: an article id (being extracted) or a copy's plan. A copy is
    # written at its place in the input, after everything before it, so its ingest sequence numbers are
    # the same in one run and in a run killed and resumed (the stored prefix is skipped, the rest follows).
    order: deque[str | Plan] = deque()
    waiting: list[Plan] = []  # copies whose original comes later in the input (written once it is stored)

    def to_extract() -> Iterator[Article]:
        for chunk in _chunks(articles, PLAN_CHUNK):
            with store.engine.connect() as conn:
                chunk_plans = plan_articles(conn, chunk, seen)
            for plan in chunk_plans:
                if plan.action == "skip":
                    report.articles_skipped += 1
                    report.processed += 1
                    if progress:
                        progress(report)
                    continue
                if plan.article.copy_of:
                    order.append(plan)
                    continue
                plans[plan.article.id] = plan
                order.append(plan.article.id)
                yield plan.article

    batch: list[tuple[Plan, Document]] = []

    def commit(copies: list[Plan]) -> None:
        # copies of articles no longer in extraction, in input order after the batch's articles
        ready = [c for c in waiting if c.article.copy_of not in plans]
        waiting[:] = [c for c in waiting if c not in ready]
        ready += copies
        if batch or ready:
            store.write(batch, report, ready)
            report.processed += len(ready)
            batch.clear()

    def copies_before(article_id: str | None) -> None:
        """Write the copies that come before ``article_id`` in the input (None: all that are left)."""
        copies: list[Plan] = []
        while order and isinstance(order[0], Plan):
            copy = order.popleft()
            assert isinstance(copy, Plan)
            (waiting if copy.article.copy_of in plans else copies).append(copy)
        if copies:
            commit(copies)
        if order and order[0] == article_id:
            order.popleft()

    for outcome in extract(to_extract(), settings):
        copies_before(outcome.article.id)
        plan = plans.pop(outcome.article.id, None)
        report.processed += 1
        if outcome.problem is not None or outcome.document is None or plan is None:
            report.problems.append(outcome.problem or InputProblem("E011", outcome.article.id, "no document"))
        else:
            batch.append((plan, outcome.document))
        if len(batch) >= batch_size:
            commit([])
        if progress:
            progress(report)
    while order:
        copies_before(None)
        if order and not isinstance(order[0], Plan):
            order.popleft()  # an article the extractor gave no outcome for
    plans.clear()
    commit([])
    report.seconds = time.perf_counter() - started
    return report


def ingest_paths(paths: Iterable[str | Path], store: Store, settings: Settings | None = None,
                 published: dt.date | None = None, progress: Progress | None = None,
                 batch_size: int = BATCH_SIZE) -> IngestReport:
    """Read every article under ``paths`` and ingest it; reading problems are in the report too."""
    from sitrep.ingest import read_paths

    settings = settings or Settings()
    reading = read_paths([Path(p) for p in paths], settings=settings, published=published, keep_copies=True)
    report = ingest_articles(store, reading.articles(), settings, progress, batch_size)
    report.problems = [*reading.problems, *report.problems]
    return report
