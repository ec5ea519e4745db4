"""Framing: partisan or loaded language in an article, recorded as FramingCue (never used to drop facts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.claims.lexicon import framing_terms
from sitrep.model import FramingCue
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc as SpacyDoc
    from spacy.vocab import Vocab

_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(vocab: Vocab) -> PhraseMatcher:
    """One PhraseMatcher per vocabulary: built once, since building it costs more than matching."""
    key = id(vocab)
    if key not in _MATCHERS:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(vocab, attr="LOWER")
        for term, kind in framing_terms().items():
            matcher.add(kind, [_phrase(vocab, term)])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def _phrase(vocab: Vocab, term: str) -> SpacyDoc:
    from spacy.tokens import Doc

    return Doc(vocab, words=term.split())


class FramingDetector(Component[list[FramingCue]]):
    """Finds partisan framing terms ('terrorists', 'massive victory', 'failing miserably')."""

    name = "claims.framing"
    reads = ("parsed",)
    writes = ("framing",)

    def match(self, doc: Document) -> list[FramingCue]:
        if doc.parsed is None:
            return []
        parsed = doc.parsed
        found = []
        for match_id, start, end in _matcher(parsed.vocab)(parsed):
            span = parsed[start:end]
            found.append(FramingCue(span=doc.span(span.start_char, span.end_char),
                                    kind=parsed.vocab.strings[match_id]))
        return sorted(found, key=lambda cue: cue.span.start)

    def set_annotations(self, doc: Document, found: list[FramingCue]) -> None:
        doc.framing = found
