"""FastRules gives exactly what spaCy's attribute ruler and rule lemmatizer give."""

from __future__ import annotations

import warnings

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from sitrep.pipeline.fast_rules import FastRules
from sitrep.pipeline.nlp import FAST_RULES, MODEL_CANDIDATES

TEXTS = [
    "Gunmen killed three villagers in Zamfara on Monday, police said. There were 12 wounded.",
    "Y'all gonna see: it ain't over, c'mon, let's go. He gets what he got; we gotta leave.",
    "The rebels, who had seized the town, said that something was wrong and nobody came.",
    "  \n\nA second  line\twith odd   spacing -- and 'quotes' (brackets) 3.5 km away.",
    "",
]


@pytest.fixture(scope="module")
def stock():  # type: ignore[no-untyped-def]
    import spacy

    for name in MODEL_CANDIDATES:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no spaCy English model")


def test_same_annotations_as_the_stock_components(stock) -> None:  # type: ignore[no-untyped-def]
    fast = FastRules.from_pipeline(stock)
    assert fast is not None
    expected = list(stock.pipe(TEXTS))
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        bare = list(stock.pipe(TEXTS))
    attrs = [POS, TAG, DEP, HEAD, MORPH, LEMMA]
    for want, doc in zip(expected, bare, strict=True):
        got = fast(doc)
        assert (got.to_array(attrs) == want.to_array(attrs)).all(), want.text
        assert [t.lemma_ for t in got] == [t.lemma_ for t in want]


def test_load_nlp_swaps_the_components(nlp) -> None:  # type: ignore[no-untyped-def]
    assert FAST_RULES in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert [t.lemma_ for t in nlp("The soldiers were killed.")] == ["the", "soldier", "be", "kill", "."]


def test_numpy_matrix_products_parse_as_stock_spacy(stock, nlp) -> None:  # type: ignore[no-untyped-def]
    """load_nlp's layers multiply through numpy instead of blis; tags, parse and entities stay the same."""
    layers = [layer for _, pipe in nlp.pipeline if hasattr(getattr(pipe, "model", None), "walk")
              for layer in pipe.model.walk()]
    assert layers and not any(layer.ops.use_blis for layer in layers)
    attrs = [TAG, DEP, HEAD]
    for want, got in zip(stock.pipe(TEXTS), nlp.pipe(TEXTS), strict=True):
        assert (got.to_array(attrs) == want.to_array(attrs)).all(), want.text
        assert [(e.start, e.end, e.label_) for e in got.ents] == [(e.start, e.end, e.label_) for e in want.ents]
