from sitrep.model import Article
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document


class _Upper(Component[str]):
    name = "upper"
    reads = ("article",)
    writes = ("warnings",)

    def match(self, doc: Document) -> str:
        return doc.text.upper()

    def set_annotations(self, doc: Document, found: str) -> None:
        doc.warnings.append(found)


def test_component_separates_match_from_set_annotations() -> None:
    doc = Document(article=Article.from_text("shelling in Donetsk"))
    found = _Upper().match(doc)
    assert doc.warnings == []
    assert _Upper()(doc).warnings == [found] == ["SHELLING IN DONETSK"]


def test_sentence_index_maps_offsets() -> None:
    doc = Document(article=Article.from_text("One. Two."))
    doc.sentences = [doc.span(0, 4), doc.span(5, 9)]
    assert [doc.sentence_index(i) for i in (0, 3, 4, 5, 8, 20)] == [0, 0, -1, 1, 1, -1]


def test_default_pipeline_declarations_are_consistent(pipeline) -> None:  # type: ignore[no-untyped-def]
    pipeline.validate()
    names = [c["name"] for c in pipeline.describe()]
    assert names[0] == "parse" and "events.assemble" in names


def test_outcomes_carry_per_stage_timings(pipeline) -> None:  # type: ignore[no-untyped-def]
    articles = [Article.from_text("Police arrested two men in Kano on Monday."), Article.from_text("Calm in Gao.")]
    outcomes = list(pipeline.pipe(articles, batch_size=2))
    for outcome in outcomes:
        assert {"spacy", "parse", "events.detect", "geo.geocode", "claims.assess"} <= set(outcome.timings)
        assert all(seconds >= 0 for seconds in outcome.timings.values())
