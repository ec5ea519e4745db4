"""The recogniser's per-word memo of capitalised words gives what the per-token test gives."""

from __future__ import annotations

from sitrep.geo.recognise import _capitalised, _capitalised_tokens


def test_memoised_capitals_equal_the_token_test(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("The U.S. envoy met Al-Qaeda men in Kabul. the end", "Mazar-i-Sharif, BALKH province", ""):
        doc = nlp(text)
        assert _capitalised_tokens(doc) == [_capitalised(t) for t in doc]
        assert _capitalised_tokens(doc) == [_capitalised(t) for t in doc]  # from the memo
