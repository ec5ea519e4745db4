"""Turning parse subtrees into character spans that follow PolNeAR's annotation conventions.

Conventions measured on PolNeAR train (scripts/mine_cue_lexicon.py and notes in
src/sitrep/data/README.md): sources keep their determiners and appositions (an
apposition's closing comma included); contents keep the complementiser "that"
and the quote marks of a direct quote, but not the sentence's final full stop;
cues keep the auxiliaries, negation and adverbs between the source and the verb.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TRAILING = ".,;:—–-"  # punctuation a content or source never ends with (outside a quote)
QUOTE_CHARS = "\"“”'‘’«»"


@dataclass(frozen=True)
class CharRange:
    start: int
    end: int

    def union(self, other: CharRange | None) -> CharRange:
        if other is None:
            return self
        return CharRange(min(self.start, other.start), max(self.end, other.end))

    def overlaps(self, other: CharRange) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class TokenRange:
    """Tokens ``first..last`` (inclusive) of a parse."""

    first: int
    last: int

    def chars(self, doc: Doc) -> CharRange:
        return token_range(doc, self.first, self.last)


def token_range(doc: Doc, first: int, last: int) -> CharRange:
    """Characters of tokens ``first..last`` (inclusive)."""
    return CharRange(doc[first].idx, doc[last].idx + len(doc[last].text))


def subtree_range(token: Token, exclude: set[int] | None = None) -> TokenRange:
    """First and last token of ``token``'s subtree, leaving out the subtrees rooted at ``exclude``."""
    if not exclude:
        return TokenRange(token.left_edge.i, token.right_edge.i)
    skip: set[int] = set()
    for child in token.subtree:
        if child.i in exclude:
            skip.update(t.i for t in child.subtree)
    kept = [t.i for t in token.subtree if t.i not in skip] or [token.i]
    return TokenRange(min(kept), max(kept))


def trim(doc: Doc, rng: TokenRange) -> TokenRange:
    """Drop leading/trailing punctuation and spaces (but never a quote mark: those belong to the content)."""
    first, last = rng.first, rng.last
    while first < last and (doc[first].is_space or (doc[first].is_punct and doc[first].text not in QUOTE_CHARS)):
        first += 1
    while last > first and (doc[last].is_space or (doc[last].is_punct and doc[last].text not in QUOTE_CHARS)):
        if doc[last].text == ")" and any(t.text == "(" for t in doc[first:last]):
            break  # "Dianne Feinstein (D-Calif.)": a bracket opened inside the span closes inside it
        last -= 1
    return TokenRange(first, last)


def strip_text(text: str, rng: CharRange) -> CharRange:
    """Shrink a character range past surrounding whitespace and trailing separators."""
    start, end = rng.start, rng.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING):
        end -= 1
    return CharRange(start, end)
