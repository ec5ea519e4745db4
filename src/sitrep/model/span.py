"""Character spans: the grounding of every extracted value.

A span is a pair of offsets into ``Article.text`` plus the covered text, kept so a
reader of the JSON output can check it without the article at hand. Spans are
made with :func:`make_span`, which slices the text, so ``text`` can never
disagree with the offsets.

A span read from the headline (a figure the title states: "One dead, four wounded in ...") points into
``Article.title`` instead, and says so in ``field``; a span of the text leaves ``field`` out, in Python
(None) and in JSON (the key is not written), so text spans read as they always did. A place known only from
the outlet (a local station's story that names no town is about its home town) points into ``Article.url``: the
outlet's host name (``field="url"``). Use :func:`span_source` to get the string a span slices.
"""

from __future__ import annotations

from typing import Any, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    SerializerFunctionWrapHandler,
    model_serializer,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

TITLE: Final = "title"
URL: Final = "url"
SpanField = Literal["title", "url"]


class Span(BaseModel):
    """Half-open character range ``[start, end)`` of the article text (or of its title, ``field="title"``, or
    its URL, ``field="url"``)."""

    # The schema of what a span holds, in both modes: the serializer below only leaves out an absent field.
    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    field: SpanField | None = Field(default=None, description="the article field the offsets point into when it "
                                    "is not the text: 'title' for a value read from the headline, 'url' for a "
                                    "place known from the outlet's host name")

    @model_serializer(mode="wrap")
    def _text_spans_as_before(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict) and data.get("field") is None:
            data.pop("field", None)
        return data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return handler.resolve_ref_schema(handler(core_schema)) if handler.mode == "validation" else \
            cls.model_json_schema(mode="validation")

    def overlaps(self, other: Span) -> bool:
        return self.field == other.field and self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.field == other.field and self.start <= other.start and other.end <= self.end


def make_span(text: str, start: int, end: int, field: SpanField | None = None) -> Span:
    """Build a span of ``text[start:end]``; offsets are clamped to the text. ``field``: "title" when ``text``
    is the article's title, "url" when it is its URL."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Span(start=start, end=end, text=text[start:end], field=field)


def span_source(span: Span, text: str, title: str | None, url: str | None = None) -> str:
    """The string ``span`` slices: the article's ``title`` for a headline span, its ``url`` for an outlet's
    span, else its ``text``."""
    if span.field == URL:
        return url or ""
    return (title or "") if span.field == TITLE else text
