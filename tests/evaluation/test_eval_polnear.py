from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.evaluation.metrics import Extent, extent
from sitrep.evaluation.polnear import (
    RoleSpans,
    annotation_file,
    evaluate_polnear,
    load_polnear,
    parse_ann,
    score_polnear,
)
from sitrep.model import Attribution
from sitrep.pipeline.document import Document

TEXT = "The mayor said that the bridge was closed. Critics, he added, were wrong."
ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 41\tthat the bridge was closed\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 52 54\the\n"
    "T6\tCue 55 60\tadded\n"
    "T7\tContent 43 50;62 71\tCritics were wrong\n"
    "T8\tDiscard 0 3\tThe\n"
)


def test_parse_ann_reads_roles_and_discontinuous_spans() -> None:
    spans = parse_ann(ANN.splitlines())
    assert spans.source == [extent(0, 9), extent(52, 54)]
    assert spans.cue == [extent(10, 14), extent(55, 60)]
    assert spans.content[1] == Extent(((43, 50), (62, 71)))


def test_parse_ann_rejects_bad_offsets() -> None:
    with pytest.raises(ValueError):
        parse_ann(["T1\tSource 0\tThe"])


def test_annotation_file_matches_by_stem_less_annotator_suffix(tmp_path: Path) -> None:
    anns = [tmp_path / "story-one_ab12.ann", tmp_path / "story-one-more_ab12.ann", tmp_path / "story-one_0000.ann"]
    assert annotation_file(tmp_path / "story-one.txt", anns) == tmp_path / "story-one_0000.ann"
    assert annotation_file(tmp_path / "story-two.txt", anns) is None


def test_scores_pool_articles_without_cross_matching() -> None:
    gold = [RoleSpans(source=[extent(0, 9)]), RoleSpans(source=[extent(5, 9)])]
    predicted = [RoleSpans(source=[extent(0, 9)]), RoleSpans(source=[extent(0, 9)])]
    report = score_polnear(gold, predicted)
    assert report.source.p == 0.5 and report.source.r == 0.5
    assert report.source.f1_overlap == 1.0
    assert report.cue.f1 == 0.0


def write_corpus(root: Path) -> Path:
    split = root / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "story-one.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "story-one_ab12.ann").write_text(ANN, encoding="utf-8")
    return root


def test_load_polnear_uses_dev_split(tmp_path: Path) -> None:
    [item] = load_polnear(write_corpus(tmp_path))
    assert item.id == "story-one" and item.text == TEXT
    assert len(item.gold.content) == 2
    with pytest.raises(SitrepError):
        load_polnear(tmp_path / "dev" / "text")


def test_evaluate_polnear_with_known_predictions(tmp_path: Path, stub_runner) -> None:
    def annotate(doc: Document) -> None:
        doc.attributions = [Attribution(content=doc.span(15, 41), stance="quoted", source=doc.span(4, 9),
                                        cue=doc.span(10, 14))]

    result = evaluate_polnear(write_corpus(tmp_path), stub_runner(annotate))
    scores = result.scores
    assert scores["cue"]["p"] == 1.0 and scores["cue"]["r"] == 0.5
    assert scores["source"]["f1"] == 0.0 and scores["source"]["f1_overlap"] == pytest.approx(2 / 3)
    assert scores["content"]["p"] == 1.0
    assert set(scores["content"]) == {"p", "r", "f1", "f1_overlap"}
    [item] = result.items
    assert item["source"] == {"missed": ["The mayor", "he"], "spurious": ["mayor"]}
    assert item["cue"]["missed"] == ["added"]
