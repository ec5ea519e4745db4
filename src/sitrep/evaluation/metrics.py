"""Metrics shared by the dataset scorers: label F1, span P/R/F1, geographic error.

Every function here is pure and works on plain values, so each is unit-tested on
hand-made numbers (tests/evaluation/test_metrics.py).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the largest possible error
ACCURACY_RADIUS_KM = 161.0  # 100 miles, the usual geocoding threshold


@dataclass(frozen=True)
class LabelScore:
    """Precision, recall and F1 of one label, with its gold support."""

    p: float
    r: float
    f1: float
    support: int


@dataclass(frozen=True)
class AveragedF1:
    """Micro, macro and support-weighted F1 over ``n`` single-label items."""

    n: int
    micro_f1: float
    macro_f1: float
    weighted_f1: float


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 of span detection, exact and by overlap."""

    p: float
    r: float
    f1: float
    f1_overlap: float


@dataclass(frozen=True)
class GeoErrorSummary:
    """Accuracy within 161 km, median error and AUC of log error (lower is better)."""

    acc_161km: float
    median_km: float
    auc: float


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, 0.0 when the denominator is 0."""
    return numerator / denominator if denominator else 0.0


def f1_score(precision: float, recall: float) -> float:
    return ratio(2 * precision * recall, precision + recall)


def per_label_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, LabelScore]:
    """P/R/F1 for every label seen in gold or predictions (single-label items)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have the same length")
    true_pos: Counter[str] = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    gold_count = Counter(gold)
    pred_count = Counter(predicted)
    scores: dict[str, LabelScore] = {}
    for label in sorted(set(gold_count) | set(pred_count)):
        precision = ratio(true_pos[label], pred_count[label])
        recall = ratio(true_pos[label], gold_count[label])
        scores[label] = LabelScore(precision, recall, f1_score(precision, recall), gold_count[label])
    return scores


def averaged_f1(gold: Sequence[str], predicted: Sequence[str]) -> AveragedF1:
    """Micro (= accuracy for single-label items), macro and weighted F1.

    Macro averages over every label in gold or predictions, as scikit-learn does.
    """
    labels = per_label_scores(gold, predicted)
    n = len(gold)
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    macro = ratio(sum(s.f1 for s in labels.values()), len(labels))
    weighted = ratio(sum(s.f1 * s.support for s in labels.values()), n)
    return AveragedF1(n=n, micro_f1=ratio(correct, n), macro_f1=macro, weighted_f1=weighted)


@dataclass(frozen=True)
class Extent:
    """A gold or predicted text extent: one or more ``[start, end)`` fragments."""

    fragments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)

    def same_extent(self, other: Extent) -> bool:
        return self.start == other.start and self.end == other.end

    def overlaps(self, other: Extent) -> bool:
        return any(s1 < e2 and s2 < e1 for s1, e1 in self.fragments for s2, e2 in other.fragments)


def extent(start: int, end: int) -> Extent:
    return Extent(((start, end),))


def span_prf(gold: Iterable[Extent], predicted: Iterable[Extent]) -> PRF:
    """Span detection scores. Exact: same start and end. Overlap: any shared character.

    Precision counts predictions that match some gold span; recall counts gold spans
    matched by some prediction (so the overlap figures never penalise split spans twice).
    """
    gold_list = list(dict.fromkeys(gold))
    pred_list = list(dict.fromkeys(predicted))
    exact_p = ratio(sum(any(p.same_extent(g) for g in gold_list) for p in pred_list), len(pred_list))
    exact_r = ratio(sum(any(g.same_extent(p) for p in pred_list) for g in gold_list), len(gold_list))
    overlap_p = ratio(sum(any(p.overlaps(g) for g in gold_list) for p in pred_list), len(pred_list))
    overlap_r = ratio(sum(any(g.overlaps(p) for p in pred_list) for g in gold_list), len(gold_list))
    return PRF(p=exact_p, r=exact_r, f1=f1_score(exact_p, exact_r), f1_overlap=f1_score(overlap_p, overlap_r))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def auc_of_log_error(errors_km: Sequence[float]) -> float:
    """Area under the curve of log error (Gritta et al. 2019, "A pragmatic guide to geoparsing evaluation").

    The errors are sorted, mapped to ``ln(error_km + 1)``, and the area under that curve is
    taken by the trapezoid rule over an x axis rescaled to [0, 1]; the area is divided by
    ``ln(20039)``, the log of the largest possible error. 0 means every point is exact,
    1 that every point is on the far side of the Earth; lower is better. This is their
    ``np.trapz(log_errors) / (np.log(20039) * (n - 1))``; a single error is scored as a flat curve.
    """
    if not errors_km:
        return 0.0
    logs = np.log(np.sort(np.minimum(np.asarray(errors_km, dtype=float), MAX_ERROR_KM)) + 1.0)
    area = float(logs[0]) if len(logs) == 1 else float(np.trapz(logs, dx=1.0 / (len(logs) - 1)))
    return min(1.0, area / math.log(MAX_ERROR_KM))


def geo_error_summary(errors_km: Sequence[float]) -> GeoErrorSummary:
    """acc@161km, median error and AUC; an empty list scores 0 accuracy and maximal error."""
    if not errors_km:
        return GeoErrorSummary(acc_161km=0.0, median_km=MAX_ERROR_KM, auc=1.0)
    within = sum(1 for e in errors_km if e <= ACCURACY_RADIUS_KM)
    return GeoErrorSummary(
        acc_161km=within / len(errors_km),
        median_km=float(np.median(errors_km)),
        auc=auc_of_log_error(errors_km),
    )
