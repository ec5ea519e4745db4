from __future__ import annotations

import pytest

from sitrep.claims.framing import FramingDetector
from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser


@pytest.mark.slow
def test_framing_terms_are_recorded_with_their_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels hailed a massive victory over the terrorists, whose offensive is failing miserably."
    doc = Parser(nlp)(Document(article=Article.from_text(text)))
    found = FramingDetector().match(doc)
    assert [(f.span.text, f.kind) for f in found] == [
        ("massive victory", "triumphal"), ("terrorists", "pejorative_label"), ("failing miserably", "derisive")]
