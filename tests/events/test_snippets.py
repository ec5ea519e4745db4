"""The hand-made article-level check set (data/events/snippets.tsv) through the whole pipeline."""

from __future__ import annotations

import pytest

from sitrep.events import taxonomy
from sitrep.events.checks import Snippet, matched, score, snippets
from sitrep.model import Article

NON_EVENTS = [s for s in snippets() if not s.expect]
EVENTS = [s for s in snippets() if s.expect]


def _codes(pipeline, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    by_name = {sub.name: sub.code for sub in taxonomy.sub_event_types().values()}
    return [by_name[e.sub_event_type] for e in pipeline(Article.from_text(text)).events]


def test_the_set_covers_non_events_and_protest_types() -> None:
    kinds = {s.kind for s in snippets()}
    assert {"appeal", "future", "threat", "negation", "generic", "intent"} <= kinds
    assert {"peaceful", "intervention", "force", "riot", "mob", "transfer"} <= kinds
    assert 30 <= len(snippets()) <= 80


def test_matching_counts_each_expected_event_once() -> None:
    expect = (frozenset({"ARMED_CLASH", "ATTACK"}),)
    assert matched(expect, ["ATTACK", "ARMED_CLASH"]) == 1
    assert matched((), ["ATTACK"]) == 0


@pytest.mark.parametrize("item", NON_EVENTS, ids=lambda s: s.text[:40])
def test_text_reporting_no_event_gives_none(pipeline, item: Snippet) -> None:  # type: ignore[no-untyped-def]
    assert _codes(pipeline, item.text) == []


def test_precision_and_recall_over_the_set(pipeline) -> None:  # type: ignore[no-untyped-def]
    result = score(lambda text: _codes(pipeline, text))
    assert result.precision >= 0.9, result.wrong
    assert result.recall >= 0.9, result.wrong


def test_protest_and_riot_types(pipeline) -> None:  # type: ignore[no-untyped-def]
    kinds = {"peaceful", "intervention", "force", "riot", "mob"}
    result = score(lambda text: _codes(pipeline, text), [s for s in EVENTS if s.kind in kinds])
    assert result.precision >= 0.9 and result.recall >= 0.9, result.wrong
