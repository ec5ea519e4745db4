"""Clustering (cross-document coreference) metrics over partitions of mentions.

A partition maps each mention id to a cluster id; gold and predicted partitions cover the same mentions
(a mention missing from the prediction is a singleton). Singletons count everywhere (B-cubed, CEAF-e),
as in the CoNLL-2012 scorer run with singletons kept. 0/0 counts as 0.

- pairwise: precision and recall over the pairs of mentions put together;
- MUC (Vilain et al. 1995): links needed to join each key cluster, counted over the response's partition;
- B-cubed (Bagga and Baldwin 1998): per-mention overlap of its two clusters;
- CEAF-e (Luo 2005): the best one-to-one alignment of clusters, similarity phi4 = 2|K & R| / (|K| + |R|);
- CoNLL F1: the mean of the MUC, B-cubed and CEAF-e F1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from typing import Any

__all__ = ["PRF", "b_cubed", "ceaf_e", "clusters_of", "coref_scores", "muc", "pairwise"]

Partition = Mapping[Any, Any]


class PRF(dict[str, float]):
    """{'p', 'r', 'f1'}, rounded to 4 places."""

    @classmethod
    def of(cls, p_num: float, p_den: float, r_num: float, r_den: float) -> PRF:
        p = p_num / p_den if p_den else 0.0
        r = r_num / r_den if r_den else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(p=round(p, 4), r=round(r, 4), f1=round(f, 4))


def clusters_of(partition: Partition) -> list[frozenset[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, cluster in partition.items():
        groups[cluster].add(mention)
    return [frozenset(g) for g in groups.values()]


def _complete(gold: Partition, predicted: Partition) -> dict[Hashable, Hashable]:
    """The prediction over gold's mentions; a mention it lacks is a singleton of its own."""
    return {m: predicted.get(m, ("__alone__", m)) for m in gold}


def _pairs(clusters: list[frozenset[Hashable]]) -> int:
    return sum(len(c) * (len(c) - 1) // 2 for c in clusters)


def pairwise(gold: Partition, predicted: Partition) -> PRF:
    predicted = _complete(gold, predicted)
    together: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    for mention in gold:
        together[(gold[mention], predicted[mention])] += 1
    both = sum(n * (n - 1) // 2 for n in together.values())
    return PRF.of(both, _pairs(clusters_of(predicted)), both, _pairs(clusters_of(gold)))


def _muc_side(key: list[frozenset[Hashable]], response: Partition) -> tuple[int, int]:
    num = den = 0
    for cluster in key:
        parts = {response[m] for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(gold: Partition, predicted: Partition) -> PRF:
    predicted = _complete(gold, predicted)
    r_num, r_den = _muc_side(clusters_of(gold), predicted)
    p_num, p_den = _muc_side(clusters_of(predicted), gold)
    return PRF.of(p_num, p_den, r_num, r_den)


def b_cubed(gold: Partition, predicted: Partition) -> PRF:
    predicted = _complete(gold, predicted)
    gold_size: dict[Hashable, int] = defaultdict(int)
    pred_size: dict[Hashable, int] = defaultdict(int)
    overlap: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    for mention in gold:
        gold_size[gold[mention]] += 1
        pred_size[predicted[mention]] += 1
        overlap[(gold[mention], predicted[mention])] += 1
    p = sum(overlap[(gold[m], predicted[m])] / pred_size[predicted[m]] for m in gold)
    r = sum(overlap[(gold[m], predicted[m])] / gold_size[gold[m]] for m in gold)
    return PRF.of(p, len(gold), r, len(gold))


def ceaf_e(gold: Partition, predicted: Partition) -> PRF:
    from scipy.optimize import linear_sum_assignment

    predicted = _complete(gold, predicted)
    key, response = clusters_of(gold), clusters_of(predicted)
    index = {cluster: i for i, cluster in enumerate(response)}
    by_mention = {m: index[c] for c in response for m in c}
    # phi4 is nonzero only for overlapping clusters: build the similarity sparse, solve on the dense matrix
    weights: dict[tuple[int, int], float] = {}
    for i, k in enumerate(key):
        counts: dict[int, int] = defaultdict(int)
        for m in k:
            counts[by_mention[m]] += 1
        for j, n in counts.items():
            weights[(i, j)] = 2 * n / (len(k) + len(response[j]))
    if not weights:
        return PRF.of(0, len(response), 0, len(key))
    import numpy as np

    # only clusters that overlap something take part; the rest add 0 to the similarity
    rows = sorted({i for i, _ in weights})
    cols = sorted({j for _, j in weights})
    row_at = {i: n for n, i in enumerate(rows)}
    col_at = {j: n for n, j in enumerate(cols)}
    matrix = np.zeros((len(rows), len(cols)))
    for (i, j), w in weights.items():
        matrix[row_at[i], col_at[j]] = w
    r_idx, c_idx = linear_sum_assignment(matrix, maximize=True)
    similarity = float(matrix[r_idx, c_idx].sum())
    return PRF.of(similarity, len(response), similarity, len(key))


def coref_scores(gold: Partition, predicted: Partition) -> dict[str, object]:
    """Every clustering score the `eval clusters` contract names (but the incident and speed keys)."""
    scores_muc, scores_b3, scores_ceaf = muc(gold, predicted), b_cubed(gold, predicted), ceaf_e(gold, predicted)
    completed = _complete(gold, predicted)
    return {
        "pairwise": pairwise(gold, predicted),
        "b3": scores_b3,
        "muc_f1": scores_muc["f1"],
        "ceafe_f1": scores_ceaf["f1"],
        "conll_f1": round((scores_muc["f1"] + scores_b3["f1"] + scores_ceaf["f1"]) / 3, 4),
        "clusters": len(set(completed.values())),
        "gold_clusters": len(set(gold.values())),
    }
