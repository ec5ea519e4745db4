"""Running the pipeline over evaluation articles, with optional progress reports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.errors import InputProblem
from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.pipeline import Pipeline

# (dataset name, articles done, articles in all)
ProgressFn = Callable[[str, int, int], None]
ProblemFn = Callable[[InputProblem], None]


@dataclass
class ProcessedBatch:
    """One document per article, in input order; ``None`` where extraction failed."""

    documents: list[Document | None] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.problems)


class DocumentRunner:
    """Runs a pipeline over articles in spaCy batches; built lazily so tests can pass a stub."""

    def __init__(self, pipeline: Pipeline | None = None, progress: ProgressFn | None = None,
                 on_problem: ProblemFn | None = None, every: int = 25) -> None:
        self._pipeline = pipeline
        self.progress = progress
        self.on_problem = on_problem
        self.every = every

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from sitrep.api import get_pipeline

            self._pipeline = get_pipeline()
        return self._pipeline

    def run(self, name: str, articles: Sequence[Article]) -> ProcessedBatch:
        batch = ProcessedBatch()
        total = len(articles)
        for done, outcome in enumerate(self.pipeline.pipe(articles), start=1):
            batch.documents.append(outcome.document)
            if outcome.document is None:
                problem = outcome.problem or InputProblem("E011", outcome.article.id, "no document")
                batch.problems.append(problem)
                if self.on_problem:
                    self.on_problem(problem)
            if self.progress and (done % self.every == 0 or done == total):
                self.progress(name, done, total)
        return batch


@dataclass
class DatasetResult:
    """A data set's scores (the JSON contract) and one record per item for error analysis."""

    scores: dict[str, Any]
    items: list[dict[str, Any]] = field(default_factory=list)
