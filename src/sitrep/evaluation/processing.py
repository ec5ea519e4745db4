"""Running the pipeline over evaluation articles, with optional progress reports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sitrep.errors import InputProblem
from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.pipeline import Pipeline

# (dataset name, articles done, articles in all)
ProgressFn = Callable[[str, int, int], None]
ProblemFn = Callable[[InputProblem], None]
Prediction = TypeVar("Prediction")


@dataclass
class ProcessedBatch(Generic[Prediction]):
    """One prediction per article, in input order; ``None`` where extraction failed."""

    predictions: list[Prediction | None] = field(default_factory=list)
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

    def run(self, name: str, articles: Sequence[Article],
            predict: Callable[[Document], Prediction]) -> ProcessedBatch[Prediction]:
        """``predict`` of each processed document; documents are not kept (they hold spaCy docs)."""
        batch: ProcessedBatch[Prediction] = ProcessedBatch()
        total = len(articles)
        for done, outcome in enumerate(self.pipeline.pipe(articles), start=1):
            prediction, problem = None, outcome.problem
            if outcome.document is not None:
                try:
                    prediction = predict(outcome.document)
                except Exception as exc:  # noqa: BLE001 - one item's failure is scored as wrong, the rest go on
                    problem = InputProblem("E011", outcome.article.id,
                                           f"scoring failed: {type(exc).__name__}: {exc}")
            elif problem is None:
                problem = InputProblem("E011", outcome.article.id, "no document")
            batch.predictions.append(prediction)
            if problem is not None:
                self._report(batch, problem)
            if self.progress and (done % self.every == 0 or done == total):
                self.progress(name, done, total)
        return batch

    def _report(self, batch: ProcessedBatch[Prediction], problem: InputProblem) -> None:
        batch.problems.append(problem)
        if self.on_problem:
            self.on_problem(problem)


@dataclass
class DatasetResult:
    """A data set's scores (the JSON contract) and one record per item for error analysis."""

    scores: dict[str, Any]
    items: list[dict[str, Any]] = field(default_factory=list)
