"""The pipeline: a loop over components, like ``spacy.Language.__call__``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sitrep.errors import InputProblem
from sitrep.model import Article
from sitrep.pipeline.component import describe
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser, text_to_parse, title_to_parse

Stage = Callable[[Document], Document]


@dataclass
class Outcome:
    """What processing one article gave: its document, or the problem that stopped it."""

    article: Article
    document: Document | None = None
    problem: InputProblem | None = None
    timings: dict[str, float] = field(default_factory=dict)


class Pipeline:
    """Runs the parser, then each stage in order, over one document at a time."""

    def __init__(self, parser: Parser, stages: Sequence[Stage]) -> None:
        self.parser = parser
        self.stages = list(stages)

    @property
    def components(self) -> list[Stage]:
        return [self.parser, *self.stages]

    def describe(self) -> list[dict[str, object]]:
        return [describe(c) for c in self.components]

    def validate(self) -> None:
        """Check that each stage only reads what an earlier stage (or the input) wrote."""
        available = {"article"}
        for component in self.components:
            missing = set(getattr(component, "reads", ())) - available
            if missing:
                raise ValueError(f"stage {getattr(component, 'name', component)} reads {sorted(missing)} "
                                 "before any stage writes it")
            available |= set(getattr(component, "writes", ()))

    def __call__(self, article: Article | Document) -> Document:
        doc = article if isinstance(article, Document) else Document(article=article)
        for component in self.components:
            doc = component(doc)
        return doc

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Outcome]:
        """Process articles in spaCy batches; a failure in one article never stops the rest."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> Iterator[Outcome]:
        started = time.process_time()
        # Headlines go through the same batch (short texts: a few per cent of the parse).
        parsed_all = list(self.parser.nlp.pipe([text_to_parse(a) for a in batch] + [title_to_parse(a) for a in batch]))
        parsed, titles = parsed_all[:len(batch)], parsed_all[len(batch):]
        # Batched work is shared out evenly over the batch's articles in each outcome's timings.
        shared = {"spacy": (time.process_time() - started) / len(batch)}
        for name, seconds in self._prepare(parsed).items():
            shared[name] = seconds / len(batch)
        for article, spacy_doc, title_doc in zip(batch, parsed, titles, strict=True):
            outcome = self._run_one(article, spacy_doc, title_doc)
            for name, seconds in shared.items():
                outcome.timings[name] = outcome.timings.get(name, 0.0) + seconds
            yield outcome

    def _prepare(self, parsed: Sequence[object]) -> dict[str, float]:
        """Let stages that batch costly work (the event detector's sentence embeddings: ~3x cheaper
        per sentence in batches) see the whole parsed batch first. Optional: a failure here only
        means each document does that work itself in ``match``."""
        seconds: dict[str, float] = {}
        for stage in self.stages:
            prepare = getattr(stage, "prepare_batch", None)
            if prepare is None:
                continue
            started = time.process_time()
            try:
                prepare(parsed)
            except Exception:  # noqa: BLE001, S112 - per-document work in match() covers it
                continue
            finally:
                seconds[_name(stage)] = time.process_time() - started
        return seconds

    def _run_one(self, article: Article, spacy_doc: object, title_doc: object = None) -> Outcome:
        doc = Document(article=article, parsed=spacy_doc, parsed_title=title_doc)  # type: ignore[arg-type]
        timings: dict[str, float] = {}
        try:
            for component in self.components:
                started = time.process_time()
                doc = component(doc)
                timings[_name(component)] = time.process_time() - started
        except Exception as exc:  # noqa: BLE001 - reported per article, the batch goes on
            problem = InputProblem("E011", article.source_path or article.id,
                                   f"extraction failed: {type(exc).__name__}: {exc}")
            return Outcome(article=article, problem=problem, timings=timings)
        return Outcome(article=article, document=doc, timings=timings)


def _name(component: object) -> str:
    return str(getattr(component, "name", type(component).__name__))
