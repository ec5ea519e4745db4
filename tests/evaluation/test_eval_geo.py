import json
from pathlib import Path

import pytest

from sitrep.evaluation.geo import GoldToponym, evaluate_geo, match_article, point_error_km, score_geo
from sitrep.evaluation.metrics import MAX_ERROR_KM
from sitrep.model import Place, Toponym, make_span
from sitrep.pipeline.document import Document

TEXT = "Rain in Alphaville and Betatown, not Gammaburg."


def toponym(start: int, end: int, lat: float | None = None, lon: float | None = None) -> Toponym:
    place = Place(name=TEXT[start:end], lat=lat, lon=lon) if lat is not None else None
    return Toponym(sent=0, span=make_span(TEXT, start, end), place=place)


ALPHA = GoldToponym(8, 18, "Alphaville", 10.0, 20.0)
BETA = GoldToponym(23, 31, "Betatown", 0.0, 0.0)
GAMMA_NO_POINT = GoldToponym(37, 46, "Gammaburg", None, None)


def test_one_exact_one_far_point() -> None:
    # 4.4966 degrees of latitude is about 500 km
    predicted = [toponym(8, 18, 10.0, 20.0), toponym(23, 31, 4.4966, 0.0)]
    matches = match_article([ALPHA, BETA], predicted)
    assert matches.gold_found == 2 and matches.predicted_correct == 2
    assert matches.errors_km[0] == 0.0
    assert matches.errors_km[1] == pytest.approx(500, abs=1)
    report = score_geo([matches])
    assert report.n_toponyms == 2 and report.acc_161km == 0.5
    assert report.recall == 1.0 and report.precision == 1.0


def test_unresolved_or_missing_prediction_is_a_miss_at_maximal_error() -> None:
    assert point_error_km(ALPHA, [toponym(8, 18)]) == MAX_ERROR_KM
    assert point_error_km(ALPHA, []) == MAX_ERROR_KM
    assert point_error_km(ALPHA, [toponym(23, 31, 10.0, 20.0)]) == MAX_ERROR_KM


def test_nearest_overlapping_prediction_supplies_the_point() -> None:
    predicted = [toponym(8, 31, 50.0, 50.0), toponym(8, 18, 10.0, 20.0)]
    assert point_error_km(ALPHA, predicted) == 0.0


def test_gold_without_point_is_left_out_of_recall_and_precision() -> None:
    predicted = [toponym(8, 18, 10.0, 20.0), toponym(37, 46, 1.0, 1.0), toponym(0, 4, 1.0, 1.0)]
    matches = match_article([ALPHA, BETA, GAMMA_NO_POINT], predicted)
    assert len(matches.errors_km) == 2
    assert matches.gold_found == 1
    assert matches.predicted == 2 and matches.predicted_correct == 1


def test_evaluate_folder_scores_each_file_under_its_stem(tmp_path: Path, stub_runner) -> None:
    record = {"id": "a1", "text": TEXT, "toponyms": [
        {"start": 8, "end": 18, "name": "Alphaville", "lat": 10.0, "lon": 20.0, "geonameid": "1"},
        {"start": 37, "end": 46, "name": "Gammaburg", "lat": None, "lon": None, "geonameid": None}]}
    for stem in ("one", "two"):
        (tmp_path / f"{stem}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")

    def annotate(doc: Document) -> None:
        doc.toponyms = [Toponym(sent=0, span=doc.span(8, 18), place=Place(name="A", lat=10.0, lon=20.5))]

    result = evaluate_geo(tmp_path, stub_runner(annotate))
    scores = result.scores
    assert set(scores) == {"one", "two"}
    assert [item["file"] for item in result.items] == ["one", "two"]
    assert result.items[0]["toponyms"][0]["detected"] is True
    assert scores["one"]["n_toponyms"] == 1
    assert scores["one"]["acc_161km"] == 1.0
    assert 0 < scores["one"]["median_km"] < 161
    single = evaluate_geo(tmp_path / "one.jsonl", stub_runner(annotate)).scores
    assert set(single) >= {"n_toponyms", "recall", "precision", "acc_161km", "median_km", "auc"}
