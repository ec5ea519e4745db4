"""Character spans: the grounding of every extracted value.

A span is a pair of offsets into ``Article.text`` plus the covered text, kept so a
reader of the JSON output can check it without the article at hand. Spans are
made with :func:`make_span`, which slices the text, so ``text`` can never
disagree with the offsets.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Span(BaseModel):
    """Half-open character range ``[start, end)`` of the article text."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


def make_span(text: str, start: int, end: int) -> Span:
    """Build a span of ``text[start:end]``; offsets are clamped to the text."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Span(start=start, end=end, text=text[start:end])
