"""Words that make a name a town rather than the same-named state (data/geo/city_cues.tsv)."""

from __future__ import annotations

from sitrep.geo.recognise import _city_cue
from sitrep.pipeline.nlp import load_nlp


def _cue(text: str, name: str) -> tuple[str, int] | None:
    doc = load_nlp()(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    return _city_cue(doc, start, start + len(name.split()))


def test_mayor_and_downtown_make_a_town() -> None:
    assert _cue("Springfield Mayor Jane Roe opened the bridge.", "Springfield") == ("city", 1)
    assert _cue("The mayor of Springfield opened the bridge.", "Springfield") == ("city", 1)
    assert _cue("Crowds filled downtown Springfield on Friday.", "Springfield") == ("city", 1)


def test_no_cue_leaves_the_name_alone() -> None:
    assert _cue("Voters in Springfield went to the polls.", "Springfield") is None
