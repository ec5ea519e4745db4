"""Property-based tests (hypothesis): every reader, and extraction, on random input.

No reader may raise anything but ``Rejected`` (a coded problem); extraction never crashes and every
span it returns slices the text it claims. Example counts are kept small so the suite stays fast.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from sitrep.errors import InputProblem
from sitrep.ingest.decoding import decode_bytes
from sitrep.ingest.feeds import items_from_feed
from sitrep.ingest.html import article_from_html
from sitrep.ingest.plaintext import article_from_plain_text
from sitrep.ingest.problems import Rejected
from sitrep.ingest.records import items_from_csv, items_from_json, items_from_jsonl
from sitrep.model import Article, Span, span_source

FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Any code point except surrogates (which cannot be encoded), weighted towards the awkward ones.
AWKWARD = st.sampled_from(["\u202e", "\u200b", "\u200d", "\ufeff", "\u2028", "\x00", "\r", "\n", "\t", "\"",
                           ",", "<", "&", "\u0301", "\U0001f600", "\u0627", "said", " killed ", "."])
TEXT = st.lists(st.one_of(st.characters(exclude_categories=("Cs",)), AWKWARD), max_size=200).map("".join)


def _check(items: object) -> None:
    # Empty articles are allowed here: the reading gate (Reading._refusal) turns them into E003.
    for item in items:  # type: ignore[attr-defined]
        assert isinstance(item, (Article, InputProblem))
        if isinstance(item, InputProblem):
            assert item.code.startswith("E0") and item.source.startswith("x")


@FEW
@given(st.binary(max_size=400))
def test_decode_bytes_gives_text_or_a_coded_refusal(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data, "x.txt"), str)
    except Rejected as rejected:
        assert rejected.problem.code in ("E002", "E004")


@FEW
@given(TEXT)
def test_record_readers(text: str) -> None:
    for reader in (items_from_jsonl, items_from_json):
        _check(reader(text, "x", None))
    _check(items_from_csv(text, "x.csv", None))
    record = json.dumps({"id": text[:20], "title": text[:30], "published": text[:10], "text": text})
    _check(items_from_jsonl(record + "\n" + record, "x.jsonl", None))


@FEW
@given(TEXT)
def test_feed_html_and_plain_text_readers(text: str) -> None:
    _check(items_from_feed(f"<rss><channel><item><title>{text}</title><description>{text}</description>"
                           "</item></channel></rss>", "x.rss"))
    for make in (lambda: article_from_html(f"<html><body><p>{text}</p></body></html>", "x.html"),
                 lambda: article_from_plain_text(text, "x.txt")):
        try:
            _check([make()])
        except Rejected as rejected:
            assert rejected.problem.code.startswith("E0")


def _spans(value: object) -> list[Span]:
    if isinstance(value, Span):
        return [value]
    if isinstance(value, BaseModel):
        return [s for name in type(value).model_fields for s in _spans(getattr(value, name))]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _spans(item)]
    return []


SENTENCE = st.sampled_from([
    "Gunmen killed three villagers in Zamfara on Monday, police said.",
    "The army said on Friday that it had repelled an attack near Gao, killing 12 militants.",
    "Protesters marched in Lagos; officials denied that anyone was hurt.",
])


HEADLINE = st.one_of(st.none(), TEXT, st.sampled_from([
    "Three dead, two hurt in Zamfara attack - Coastal Herald",
    "4 Shot, 1 Killed Near Gao Market",
    "Gunmen kill three villagers",
]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(SENTENCE, TEXT), min_size=1, max_size=4).map(" ".join), HEADLINE)
def test_extract_never_crashes_and_every_span_slices_its_text(text: str, title: str | None) -> None:
    """Every span slices the field it points into: the text, or the title for a figure read from the headline."""
    from sitrep.api import analyse

    if not text.strip():
        return
    document = analyse(text, title=title)
    for event in document.events:
        for span in _spans(event):
            source = span_source(span, text, title)
            assert 0 <= span.start <= span.end <= len(source)
            assert source[span.start:span.end] == span.text
    for mention in (*document.actors, *document.toponyms, *document.attributions, *document.quantities):
        for span in _spans(mention):
            assert span.field is None and text[span.start:span.end] == span.text
    for mention in document.title_quantities:
        assert mention.quantity.span.field == "title"
        assert (title or "")[mention.quantity.span.start:mention.quantity.span.end] == mention.quantity.span.text

