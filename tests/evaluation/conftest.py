"""A stub pipeline for scorer tests: documents annotated by hand, no spaCy."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest

from sitrep.evaluation.processing import DocumentRunner
from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.pipeline import Outcome

Annotate = Callable[[Document], None]


class StubPipeline:
    """Builds each document with ``annotate``; an article whose text contains FAIL fails."""

    def __init__(self, annotate: Annotate) -> None:
        self.annotate = annotate

    def pipe(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        for article in articles:
            if "FAIL" in article.text:
                yield Outcome(article=article)
                continue
            doc = Document(article=article)
            self.annotate(doc)
            yield Outcome(article=article, document=doc)


@pytest.fixture()
def stub_runner() -> Callable[[Annotate], DocumentRunner]:
    def make(annotate: Annotate) -> DocumentRunner:
        return DocumentRunner(pipeline=StubPipeline(annotate))  # type: ignore[arg-type]

    return make
