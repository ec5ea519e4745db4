"""Stage 0: tokenise, tag, parse and find entities with spaCy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.ingest.cleaning import furniture_lines, report_text
from sitrep.ingest.headline import headline, sentence_case
from sitrep.model import Article, Span
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token as SpacyToken


def text_to_parse(article: Article) -> str:
    """The article's text with page furniture blanked out (ingest.cleaning): same offsets, so spans made
    from the parse point into ``Article.text``."""
    return report_text(article.text)


def title_to_parse(article: Article) -> str:
    """The headline (the title without the outlet's name), Title Case lowered so the tagger reads its verbs:
    same offsets as ``Article.title``."""
    return sentence_case(headline(article.title))


TEXT_KEY = "sitrep.text"


def parsed_text(parsed: SpacyDoc) -> str:
    """``parsed.text``, built once per document: spaCy joins every token's text anew on each access
    (~1 ms a call on a long article, and stages ask per quote, per colon, per noun)."""
    text: str | None = parsed.user_data.get(TEXT_KEY)
    if text is None:
        text = parsed.user_data[TEXT_KEY] = parsed.text
    return text


@dataclass
class Parsed:
    body: SpacyDoc
    title: SpacyDoc | None


class Parser(Component[Parsed]):
    """Runs spaCy and records sentence spans; parses the headline on its own (``parsed_title``)."""

    name = "parse"
    reads = ("article",)
    writes = ("parsed", "sentences", "parsed_title")

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def match(self, doc: Document) -> Parsed:
        body = doc.parsed if doc.parsed is not None else self.nlp(text_to_parse(doc.article))
        title = title_to_parse(doc.article)
        if not title.strip():
            return Parsed(body, None)
        return Parsed(body, doc.parsed_title if doc.parsed_title is not None else self.nlp(title))

    def set_annotations(self, doc: Document, found: Parsed) -> None:
        doc.parsed = found.body
        doc.parsed_title = found.title
        blanked = furniture_lines(doc.text)
        doc.sentences = [_sentence_span(doc, s, blanked) for s in found.body.sents]


def _sentence_span(doc: Document, sentence: SpacySpan, blanked: Sequence[tuple[int, int, str]]) -> Span:
    """The sentence's characters without blanked-out furniture at either end (spaCy keeps a run of spaces,
    and the full stop a blanked line keeps, as tokens of a neighbouring sentence)."""

    def is_word(token: SpacyToken) -> bool:
        return not token.is_space and not any(a <= token.idx < b for a, b, _ in blanked)

    # Only the first and last words matter: look from each end instead of testing every token.
    first = next((t for t in sentence if is_word(t)), None)
    if first is None:
        return doc.span(sentence.start_char, sentence.start_char)
    last = next(t for t in reversed(sentence) if is_word(t))
    return doc.span(first.idx, last.idx + len(last.text))
