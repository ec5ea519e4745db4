"""Ingest orchestration: read -> plan (skip what is stored) -> extract -> write and merge, a batch per transaction.

Articles already stored (same id, or same URL with the same text) are never extracted again, so a run
that was killed resumes where its last committed batch ended. A copy (``Article.copy_of``: a wire reprint
found by ingest's duplicate check) is not extracted either: it is written, once the article it copies is
stored, as another report of that article's events (``write.write_copies``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
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
    read = itertools.count()  # each article's place in the input
    plans: dict[str, tuple[int, Plan]] = {}  # in extraction: article id -> (place, plan)
    copies: list[tuple[int, Plan]] = []  # (place, plan) of copies waiting for their article to be written
    done = -1  # place of the last article extracted

    def to_extract() -> Iterator[Article]:
        for chunk in _chunks(articles, PLAN_CHUNK):
            with store.engine.connect() as conn:
                chunk_plans = plan_articles(conn, chunk, seen)
            for plan, at in zip(chunk_plans, read, strict=False):  # the plans first: `read` never ends
                if plan.action == "skip":
                    report.articles_skipped += 1
                    report.processed += 1
                    if progress:
                        progress(report)
                    continue
                if plan.article.copy_of:
                    copies.append((at, plan))
                    continue
                plans[plan.article.id] = (at, plan)
                yield plan.article

    batch: list[tuple[Plan, Document]] = []

    def commit(last: bool = False) -> None:
        # Copies of articles no longer in extraction (written in this batch or before, or never: last)
        # that come before the batch's last article in the input. Extraction reads ahead by a
        # number of articles that depends on the workers; this rule does not, so each copy gets the
        # same place (sequence number) in the store with one process or many.
        ready = [c for c in copies if last or (c[1].article.copy_of not in plans and c[0] < done)]
        if batch or ready:
            copies[:] = [c for c in copies if c not in ready]
            store.write(batch, report, [plan for _, plan in ready])
            report.processed += len(ready)
            batch.clear()

    for outcome in extract(to_extract(), settings):
        done, plan = plans.pop(outcome.article.id, (done, None))
        report.processed += 1
        if outcome.problem is not None or outcome.document is None or plan is None:
            report.problems.append(outcome.problem or InputProblem("E011", outcome.article.id, "no document"))
        else:
            batch.append((plan, outcome.document))
        if len(batch) >= batch_size:
            commit()
        if progress:
            progress(report)
    commit(last=True)
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
