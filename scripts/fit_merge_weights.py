"""Fit the merge decision's weights (sitrep/cluster/decide.py ``MergePolicy``) on the clusters corpus.

    scripts/fit_merge_weights.py extract [DATA] CACHE      # run the pipeline once, pickle each article's events
    scripts/fit_merge_weights.py fit CACHE [DATA] [NAME=VALUE...]  # fit, print the weights, 2-fold cross-validation

CACHE is what ``extract`` writes, or the quicker cache of scripts/analyse_merges.py (each article's mentions
made once). ``NAME=VALUE`` sets a field of the base ``MergePolicy`` (``common_clusters=3``); the weights fitted
replace its pair weights. The fitted policy is replayed on dev at several join thresholds.

``extract`` takes minutes (the whole pipeline over every article); ``fit`` seconds to a minute. DATA defaults
to ../shared/data/clusters. The pairs: every main mention against every main member of the candidate clusters
the store's loop gives it (``MemoryClusters``), vetoed pairs left out, label = same gold incident. A logistic
regression (scikit-learn, C=1) over the pair features of ``decide.pair_scores`` gives the log-odds weights;
the place levels are one-hot and shifted so that 'same place' is 1.0 (the bias takes the shift).

Cross-validation: the incidents are split in two halves by a hash of their id; weights fitted on one half's
pairs are replayed (``MemoryClusters``, every event filed as the store does) on the other half's articles,
and the pairwise / CoNLL F1 of both held-out halves are printed beside the in-sample figure.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitrep.cluster.decide import DEFAULT_POLICY, MergePolicy, common_keys, pair_scores, vetoed
from sitrep.cluster.mention import Mention, main_event, mention_from_event
from sitrep.cluster.replay import MemoryClusters
from sitrep.evaluation.coref import coref_scores

FEATURES = ("text", "date", "gap", "names", "specifics")
FIGURES = ("figures_same", "figures_apart")
PLACES = (1.0, 0.5, 0.0, -0.5, -1.0)
# the place levels, then 'named' (``decide.place_named``), which replaces the place level when it applies
PLACE_FIELDS = ("place_same", "place_near", "place_unknown", "place_apart_in_unit", "place_apart", "place_named")
WEIGHTS = (*FEATURES, *FIGURES, *PLACE_FIELDS)


def _rows(data: Path) -> list[dict[str, Any]]:
    with (data / "articles.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def extract(data: Path, cache: Path) -> None:
    from sitrep.api import process_articles
    from sitrep.evaluation.clusters import _article

    rows = _rows(data)
    outcomes = []
    for i, outcome in enumerate(process_articles([_article(r) for r in rows])):
        if outcome.document is not None:
            outcome.document.parsed = None
        outcomes.append(outcome)
        if i % 250 == 0:
            print(f"{i}/{len(rows)}", file=sys.stderr, flush=True)
    cache.write_bytes(pickle.dumps(outcomes))


Article = tuple[str, list[Mention]]  # article id, its mentions (main first; none: no event)


def mentions(outcomes: Sequence[Any]) -> list[Article]:
    found: list[Article] = []
    for outcome in outcomes:
        document = outcome.document
        events = document.events if document else []
        main = main_event(events)
        if main is None:
            found.append((outcome.article.id, []))
            continue
        ordered = [main, *(e for e in events if e is not main)]
        found.append((outcome.article.id, [mention_from_event(e, document.article) for e in ordered]))
    return found


def pairs(articles: Sequence[Article], gold: dict[str, str],
          policy: MergePolicy = DEFAULT_POLICY) -> tuple[list[list[float]], list[int]]:
    """The pairs the decision scores: each main mention against every main member of the candidate clusters
    the store's loop gives it (``MemoryClusters`` replayed with ``policy``; names and details common to
    several candidates discounted as ``decide`` does), vetoed pairs left out; label = same incident."""
    x: list[list[float]] = []
    y: list[int] = []
    clusters = MemoryClusters(policy=policy)
    for _, found in articles:
        if found and found[0].is_main:
            m = found[0]
            candidates = clusters.candidates(m)
            common = common_keys(m, candidates, policy.common_clusters)
            for members in candidates.values():
                for other in members:
                    if not other.is_main or vetoed(m, other, policy, common):
                        continue
                    x.append(feature_row(pair_scores(m, other, policy, common)))
                    y.append(int(gold[m.article_id] == gold[other.article_id]))
        for mention in found:
            clusters.add(mention)
    return x, y


def feature_row(features: dict[str, float]) -> list[float]:
    """One pair's columns, in the order of ``WEIGHTS``: each weight of ``MergePolicy`` but the bias has one."""
    named = features["named"]
    return ([features[k] for k in FEATURES] + [float(features["figures"] > 0), float(features["figures"] < 0)]
            + [float(features["place"] == p) * (1.0 - named) for p in PLACES] + [named])


def fit(x: list[list[float]], y: list[int], base: MergePolicy = DEFAULT_POLICY) -> MergePolicy:
    """Every pair weight of ``MergePolicy`` (thresholds and the bias's share of the place levels aside)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    weights = dict(zip(WEIGHTS, model.coef_[0], strict=True))
    # exactly one place column is 1 in every row: shift them so that 'same place' stays 1.0
    shift = weights["place_same"] - 1.0
    values = {k: round(float(v), 1) for k, v in weights.items() if k not in PLACE_FIELDS}
    values |= {k: round(float(weights[k] - shift), 1) for k in PLACE_FIELDS}
    values["bias"] = round(float(model.intercept_[0] + shift), 1)
    return dataclasses.replace(base, **values)


def replay(articles: Sequence[Article], gold: dict[str, str], policy: MergePolicy) -> dict[str, Any]:
    clusters = MemoryClusters(policy=policy)
    main_of: dict[str, str] = {}
    for article_id, found in articles:
        for m in found:
            clusters.add(m)
            main_of.setdefault(article_id, m.event_id)
    predicted = {a: clusters.cluster_of[main_of[a]] if a in main_of else "alone:" + a for a, _ in articles}
    return dict(coref_scores({a: gold[a] for a, _ in articles}, predicted))


def _half(incident: str) -> int:
    return hashlib.blake2b(incident.encode(), digest_size=1).digest()[0] % 2


def _line(label: str, scores: dict[str, Any]) -> str:
    p = scores["pairwise"]
    return f"{label}: pairwise P/R/F1 {p['p']:.3f}/{p['r']:.3f}/{p['f1']:.3f}, CoNLL {scores['conll_f1']:.3f}"


def main(argv: list[str]) -> None:
    if len(argv) >= 2 and argv[0] == "extract":
        data = Path(argv[1]) if len(argv) > 2 else Path("../shared/data/clusters")
        extract(data, Path(argv[-1]))
        return
    if len(argv) < 2 or argv[0] != "fit":
        raise SystemExit(__doc__)
    rest = argv[2:]
    data = Path(rest.pop(0)) if rest and "=" not in rest[0] else Path("../shared/data/clusters")
    base = _policy(rest)
    gold = {str(r["id"]): str(r["incident"]) for r in _rows(data)}
    articles = load_articles(Path(argv[1]))
    x, y = pairs(articles, gold, base)
    policy = fit(x, y, base)
    print(f"{len(y)} pairs, {sum(y)} same incident")
    print({k: v for k, v in dataclasses.asdict(policy).items() if k in (*WEIGHTS, "bias")})
    for threshold in THRESHOLDS:
        print(_line(f"dev, fitted on dev, threshold {threshold}",
                    replay(articles, gold, dataclasses.replace(policy, threshold=threshold))))
    for half in (0, 1):
        train = [a for a in articles if _half(gold[a[0]]) != half]
        test = [a for a in articles if _half(gold[a[0]]) == half]
        fold = fit(*pairs(train, gold, base), base)
        print(_line(f"half {half}, fitted on the other half", replay(test, gold, fold))
              + "; " + _line("fitted on all", replay(test, gold, policy)))


THRESHOLDS = (-0.5, 0.0, 0.25, 0.5, 1.0)


def _policy(assignments: Sequence[str]) -> MergePolicy:
    values: dict[str, Any] = {}
    for assignment in assignments:
        name, _, raw = assignment.partition("=")
        default = getattr(DEFAULT_POLICY, name)
        values[name] = None if raw.lower() == "none" else type(default)(float(raw)) if default is not None \
            else float(raw)
    return dataclasses.replace(DEFAULT_POLICY, **values)


def load_articles(path: Path) -> list[Article]:
    """Articles from either cache: outcomes (``extract``) or scripts/analyse_merges.py's mentions."""
    loaded = pickle.loads(path.read_bytes())
    if loaded and isinstance(loaded[0], tuple):  # analyse_merges: (article id, incident, mentions, members)
        return [(row[0], row[2]) for row in loaded]
    return mentions(loaded)


if __name__ == "__main__":
    main(sys.argv[1:])
