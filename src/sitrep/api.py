"""The Python API: functions that take text or paths and return data."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sitrep.errors import InputProblem
from sitrep.ingest.duplicates import DuplicateLink
from sitrep.model import Article, Event
from sitrep.pipeline.document import Document
from sitrep.pipeline.pipeline import Outcome, Pipeline
from sitrep.settings import Settings


@functools.lru_cache(maxsize=4)
def get_pipeline(settings: Settings | None = None) -> Pipeline:
    """The default pipeline, built once per process and settings."""
    from sitrep.pipeline.default import build_pipeline

    return build_pipeline(settings)


def analyse(text: str, published: date | None = None, outlet: str | None = None,
            settings: Settings | None = None, title: str | None = None) -> Document:
    """Run the whole pipeline on one text and return the annotated document. ``title``: the headline, read for
    the main event's figures (their spans point into it: ``Span.field == "title"``)."""
    article = Article.from_text(text, published=published, outlet=outlet, title=title)
    return get_pipeline(settings)(article)


def extract(text: str, published: date | None = None, outlet: str | None = None,
            settings: Settings | None = None, title: str | None = None) -> list[Event]:
    """Events in one text. ``published`` anchors relative dates ('on Saturday'); ``title``: its headline."""
    return analyse(text, published, outlet, settings, title).events


@dataclass
class BatchResult:
    """Events from many articles, and the problems met on the way (nothing is lost silently)."""

    events: list[Event] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    duplicates: list[DuplicateLink] = field(default_factory=list)
    articles: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def process_articles(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[Outcome]:
    """Outcomes for each article, in input order; worker processes when ``settings.n_process`` asks."""
    from sitrep.runner import run_articles

    yield from run_articles(articles, settings)


def extract_paths(paths: Iterable[str | Path], settings: Settings | None = None,
                  published: date | None = None) -> BatchResult:
    """Read every article under ``paths`` (files, folders) and extract events from all of them."""
    result = BatchResult()
    for outcome in iter_path_outcomes(paths, settings, published, result.problems, result.duplicates):
        result.articles += 1
        if outcome.document:
            result.events.extend(outcome.document.events)
    return result


def iter_path_outcomes(paths: Iterable[str | Path], settings: Settings | None, published: date | None,
                       problems: list[InputProblem], duplicates: list[DuplicateLink] | None = None,
                       ) -> Iterator[Outcome]:
    """Outcomes for every article under ``paths``.

    Reading and extraction problems are appended to ``problems``; copies of earlier
    articles (linked, not processed) to ``duplicates``.
    """
    from sitrep.ingest import read_paths

    settings = settings or Settings()
    reading = read_paths([Path(p) for p in paths], settings=settings, published=published)
    seen = 0
    for outcome in process_articles(reading.articles(), settings):
        problems.extend(reading.problems[seen:])
        seen = len(reading.problems)
        if outcome.problem:
            problems.append(outcome.problem)
        yield outcome
    problems.extend(reading.problems[seen:])
    if duplicates is not None:
        duplicates.extend(reading.duplicates)
