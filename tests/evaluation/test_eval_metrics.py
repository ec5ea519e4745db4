import math

import pytest

from sitrep.evaluation.metrics import (
    MAX_ERROR_KM,
    Extent,
    auc_of_log_error,
    averaged_f1,
    extent,
    geo_error_summary,
    haversine_km,
    per_label_scores,
    span_prf,
)


def test_per_label_and_averaged_f1_on_known_counts() -> None:
    gold = ["A", "A", "B", "C"]
    predicted = ["A", "B", "B", "C"]
    labels = per_label_scores(gold, predicted)
    assert (labels["A"].p, labels["A"].r, labels["A"].support) == (1.0, 0.5, 2)
    assert labels["A"].f1 == pytest.approx(2 / 3)
    assert (labels["B"].p, labels["B"].r) == (0.5, 1.0)
    assert labels["C"].f1 == 1.0
    scores = averaged_f1(gold, predicted)
    assert scores.n == 4
    assert scores.micro_f1 == 0.75
    assert scores.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert scores.weighted_f1 == pytest.approx((2 * 2 / 3 + 2 / 3 + 1) / 4)


def test_predicted_only_label_counts_in_macro_average() -> None:
    scores = averaged_f1(["A", "A"], ["A", "Z"])
    assert scores.macro_f1 == pytest.approx((2 / 3 + 0) / 2)
    assert scores.weighted_f1 == pytest.approx(2 / 3)


def test_empty_input_scores_zero() -> None:
    scores = averaged_f1([], [])
    assert (scores.n, scores.micro_f1, scores.macro_f1, scores.weighted_f1) == (0, 0.0, 0.0, 0.0)


def test_span_prf_exact_and_overlap() -> None:
    gold = [extent(0, 5), extent(10, 15)]
    predicted = [extent(0, 5), extent(11, 14), extent(20, 25)]
    scores = span_prf(gold, predicted)
    assert scores.p == pytest.approx(1 / 3)
    assert scores.r == 0.5
    assert scores.f1 == pytest.approx(0.4)
    assert scores.f1_overlap == pytest.approx(0.8)


def test_discontinuous_extent_matches_on_its_whole_extent_and_any_fragment() -> None:
    gold = Extent(((0, 5), (10, 15)))
    assert gold.same_extent(extent(0, 15))
    assert gold.overlaps(extent(12, 13))
    assert not gold.overlaps(extent(6, 9))


def test_haversine() -> None:
    assert haversine_km(34.5, 69.2, 34.5, 69.2) == 0.0
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.19, abs=0.01)
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(MAX_ERROR_KM, rel=2e-3)


def test_geo_summary_one_exact_one_500km_off() -> None:
    summary = geo_error_summary([0.0, 500.0])
    assert summary.acc_161km == 0.5
    assert summary.median_km == 250.0
    # sorted log errors [0, ln 501], trapezoid over x in [0, 1]: ln(501) / 2, over ln(20039)
    assert summary.auc == pytest.approx(math.log(501) / 2 / math.log(MAX_ERROR_KM))


def test_auc_bounds() -> None:
    assert auc_of_log_error([0.0, 0.0, 0.0]) == 0.0
    assert auc_of_log_error([MAX_ERROR_KM] * 3) == 1.0
    assert auc_of_log_error([]) == 0.0
    assert 0.0 < auc_of_log_error([10.0]) < 1.0


def test_geo_summary_without_errors() -> None:
    summary = geo_error_summary([])
    assert summary.acc_161km == 0.0 and summary.auc == 1.0
