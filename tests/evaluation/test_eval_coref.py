"""Clustering metrics on tiny hand-made partitions, against values worked out by hand from the definitions."""

from __future__ import annotations

import pytest

from sitrep.evaluation.coref import b_cubed, ceaf_e, coref_scores, muc, pairwise

# one gold cluster of four split in two halves (Vilain et al. 1995, section 3 style example)
GOLD = {"a": 1, "b": 1, "c": 1, "d": 1}
SPLIT = {"a": "x", "b": "x", "c": "y", "d": "y"}


def test_a_split_cluster() -> None:
    assert pairwise(GOLD, SPLIT) == {"p": 1.0, "r": 0.3333, "f1": 0.5}
    assert muc(GOLD, SPLIT) == {"p": 1.0, "r": 0.6667, "f1": 0.8}
    assert b_cubed(GOLD, SPLIT) == {"p": 1.0, "r": 0.5, "f1": 0.6667}
    # phi4({abcd}, {ab}) = 2*2/(4+2) = 2/3, one alignment: recall 2/3 over 1 key, precision 2/3 over 2
    assert ceaf_e(GOLD, SPLIT) == {"p": 0.3333, "r": 0.6667, "f1": 0.4444}


def test_two_clusters_merged() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}
    merged = dict.fromkeys(gold, "x")
    assert pairwise(gold, merged) == {"p": 0.4, "r": 1.0, "f1": 0.5714}  # 4 of 10 pairs right
    assert muc(gold, merged)["p"] == pytest.approx(0.75)  # (5 - 2) / (5 - 1)
    # B-cubed precision: 2 mentions at 2/5, 3 at 3/5 -> (0.8 + 1.8) / 5 = 0.52
    assert b_cubed(gold, merged) == {"p": 0.52, "r": 1.0, "f1": 0.6842}


def test_every_mention_alone() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    alone = {m: m for m in gold}
    scores = coref_scores(gold, alone)
    assert scores["pairwise"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert scores["muc_f1"] == 0.0
    assert scores["b3"]["p"] == 1.0
    assert scores["clusters"] == 3 and scores["gold_clusters"] == 2


def test_perfect_and_missing_mentions() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    scores = coref_scores(gold, {"a": "x", "b": "x"})  # c missing: a singleton of its own
    assert scores["conll_f1"] == 1.0
    assert scores["pairwise"]["f1"] == 1.0
