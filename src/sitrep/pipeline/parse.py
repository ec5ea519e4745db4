"""Stage 0: tokenise, tag, parse and find entities with spaCy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.ingest.cleaning import furniture_lines, report_text
from sitrep.model import Article, Span
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan


def text_to_parse(article: Article) -> str:
    """The article's text with page furniture blanked out (ingest.cleaning): same offsets, so spans made
    from the parse point into ``Article.text``."""
    return report_text(article.text)


class Parser(Component["SpacyDoc"]):
    """Runs spaCy and records sentence spans."""

    name = "parse"
    reads = ("article",)
    writes = ("parsed", "sentences")

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def match(self, doc: Document) -> SpacyDoc:
        return doc.parsed if doc.parsed is not None else self.nlp(text_to_parse(doc.article))

    def set_annotations(self, doc: Document, found: SpacyDoc) -> None:
        doc.parsed = found
        doc.sentences = [_sentence_span(doc, s) for s in found.sents]


def _sentence_span(doc: Document, sentence: SpacySpan) -> Span:
    """The sentence's characters without blanked-out furniture at either end (spaCy keeps a run of spaces,
    and the full stop a blanked line keeps, as tokens of a neighbouring sentence)."""
    blanked = furniture_lines(doc.text)
    words = [t for t in sentence if not t.is_space and not any(a <= t.idx < b for a, b, _ in blanked)]
    if not words:
        return doc.span(sentence.start_char, sentence.start_char)
    return doc.span(words[0].idx, words[-1].idx + len(words[-1].text))
