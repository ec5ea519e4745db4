"""Stage 0: tokenise, tag, parse and find entities with spaCy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc


class Parser(Component["SpacyDoc"]):
    """Runs spaCy and records sentence spans."""

    name = "parse"
    reads = ("article",)
    writes = ("parsed", "sentences")

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def match(self, doc: Document) -> SpacyDoc:
        return doc.parsed if doc.parsed is not None else self.nlp(doc.text)

    def set_annotations(self, doc: Document, found: SpacyDoc) -> None:
        doc.parsed = found
        doc.sentences = [doc.span(s.start_char, s.end_char) for s in found.sents]
