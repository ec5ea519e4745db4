"""Per-pair analysis of merging on the clusters corpus, over a cache of each article's events.

    scripts/analyse_merges.py cache OUTCOMES MENTIONS [DATA]     # outcomes -> mentions and member reports
    scripts/analyse_merges.py score MENTIONS [DATA] [NAME=VALUE...]   # replay: dev, half 0, half 1
    scripts/analyse_merges.py misses MENTIONS [DATA] [NAME=VALUE...]  # why same-incident reports stay apart

OUTCOMES is the pickle `scripts/fit_merge_weights.py extract` writes (the pipeline run once over every
article: minutes); ``cache`` turns it into each article's mentions (``mention_from_event``, main event first,
as `eval clusters` files them) and member reports, so ``score`` and ``misses`` re-run only the clustering
(``replay.MemoryClusters``, the store's loop in memory) and the merged records (``build_cluster_record``):
seconds. ``NAME=VALUE`` overrides a field of ``MergePolicy`` for the run ('none' for None).

``score`` prints, for the whole folder and each half (incidents split by a hash of their id, as in
fit_merge_weights.py), the keys of `sitrep eval clusters`: pairwise P/R/F1, CoNLL, predicted / gold
clusters and the incident fields. ``misses`` files every article whose incident has an earlier article
under why it is not in the cluster of any of them: no event, blocked (no earlier report of the incident among
its candidates), vetoed, score too low (with the pair features of its best same-incident member) or
outscored (another cluster won); with ``-v``, one line per article.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.cluster.decide import DEFAULT_POLICY, MergePolicy, common_keys, decide, pair_scores, vetoed
from sitrep.cluster.mention import Mention, main_event, mention_from_event
from sitrep.cluster.record import build_cluster_record
from sitrep.cluster.replay import MemoryClusters
from sitrep.evaluation.clusters import ClusteredCorpus, incident_scores
from sitrep.evaluation.coref import coref_scores
from sitrep.model.cluster import ArticleMeta, MemberReport

DATA = Path("../shared/data/clusters")


@dataclass
class Item:
    """One article: its gold incident, its mentions (main first) and member reports (same order)."""

    article_id: str
    incident: str
    mentions: list[Mention]
    members: list[MemberReport]


def _rows(data: Path, name: str) -> list[dict[str, Any]]:
    with (data / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def cache(outcomes_path: Path, out: Path, data: Path) -> None:
    gold = {str(r["id"]): str(r["incident"]) for r in _rows(data, "articles.jsonl")}
    items: list[tuple[str, str, list[Mention], list[MemberReport]]] = []  # plain tuples: any script unpickles
    for outcome in pickle.loads(outcomes_path.read_bytes()):
        document = outcome.document
        events = document.events if document else []
        main = main_event(events)
        article_id = outcome.article.id
        if main is None:
            items.append((article_id, gold[article_id], [], []))
            continue
        article = document.article
        meta = ArticleMeta(id=article.id, outlet=article.outlet, url=article.url, title=article.title,
                           published=article.published)
        ordered = [main, *(e for e in events if e is not main)]
        mentions = [mention_from_event(e, article) for e in ordered]
        meta.origin = mentions[0].origin
        items.append((article_id, gold[article_id], mentions, [MemberReport(event=e, article=meta)
                                                                for e in ordered]))
    out.write_bytes(pickle.dumps(items))
    print(f"{len(items)} articles, {sum(1 for i in items if not i[2])} with no event")


def load(path: Path) -> list[Item]:
    """The articles ``cache`` wrote, in input order."""
    return [Item(*row) for row in pickle.loads(path.read_bytes())]


def half_of(incident: str) -> int:
    return hashlib.blake2b(incident.encode(), digest_size=1).digest()[0] % 2


def replay(items: Sequence[Item], policy: MergePolicy) -> tuple[ClusteredCorpus, MemoryClusters]:
    clusters = MemoryClusters(policy=policy)
    main_of: dict[str, str] = {}
    reports: dict[str, MemberReport] = {}
    for item in items:
        for mention, member in zip(item.mentions, item.members, strict=True):
            clusters.add(mention)
            main_of.setdefault(item.article_id, mention.event_id)
            reports[mention.event_id] = member
    cluster_of = {i.article_id: clusters.cluster_of[main_of[i.article_id]] if i.article_id in main_of
                  else "alone:" + i.article_id for i in items}
    final: dict[str, list[MemberReport]] = defaultdict(list)
    for event_id, member in reports.items():
        final[clusters.cluster_of[event_id]].append(member)
    records = {cid: build_cluster_record(cid, members) for cid, members in final.items()}
    return ClusteredCorpus(cluster_of, records, 0.0), clusters


def scores(items: Sequence[Item], policy: MergePolicy, incidents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    corpus, _ = replay(items, policy)
    gold = {i.article_id: i.incident for i in items}
    found: dict[str, Any] = dict(coref_scores(gold, corpus.cluster_of))
    found["incident"] = incident_scores(gold, corpus, incidents)
    return found


def line(label: str, s: dict[str, Any]) -> str:
    p = s["pairwise"]
    inc = s["incident"]
    fields = "/".join(f"{inc.get(k, 0):.3f}" for k in ("date_exact", "city", "state", "killed_exact",
                                                          "injured_exact"))
    extra = 100 * (s["clusters"] / s["gold_clusters"] - 1)
    return (f"{label:7s} pairwise {p['p']:.3f}/{p['r']:.3f}/{p['f1']:.3f}  CoNLL {s['conll_f1']:.3f}  "
            f"clusters {s['clusters']} ({s['gold_clusters']}, {extra:+.1f}%)  d/c/s/k/i {fields}")


def parse_policy(assignments: Sequence[str]) -> MergePolicy:
    values: dict[str, Any] = {}
    types = {f.name: f.type for f in dataclasses.fields(MergePolicy)}
    for assignment in assignments:
        name, _, raw = assignment.partition("=")
        if name not in types:
            raise SystemExit(f"no MergePolicy field {name!r}")
        default = getattr(DEFAULT_POLICY, name)
        if raw.lower() == "none":
            values[name] = None
        elif isinstance(default, bool):
            values[name] = raw.lower() in ("1", "true", "yes")
        else:
            values[name] = float(raw)
    return dataclasses.replace(DEFAULT_POLICY, **values)


def halves(items: Sequence[Item]) -> list[tuple[str, list[Item]]]:
    return [("dev", list(items))] + [(f"half {h}", [i for i in items if half_of(i.incident) == h]) for h in (0, 1)]


def misses(items: Sequence[Item], policy: MergePolicy, verbose: bool) -> Counter[str]:
    clusters = MemoryClusters(policy=policy)
    seen: dict[str, list[Mention]] = defaultdict(list)  # incident -> earlier main mentions
    had_article: set[str] = set()
    why: dict[str, str] = {}
    detail: dict[str, str] = {}
    for item in items:
        incident = item.incident
        if not item.mentions:
            if incident in had_article:
                why[item.article_id] = "no event (this article)"
            had_article.add(incident)
            continue
        m = item.mentions[0]
        earlier = [x for x in seen[incident] if x.is_main]
        if incident in had_article and not earlier:
            why[item.article_id] = "no event (every earlier article)"
        elif earlier:
            candidates = clusters.candidates(m)
            decision = decide(m, candidates, policy)
            common = common_keys(m, candidates, policy.common_clusters)
            in_cands = {e.event_id for ms in candidates.values() for e in ms}
            reachable = [e for e in earlier if e.event_id in in_cands]
            if not reachable:
                why[item.article_id] = "blocked"
                e = earlier[-1]
                detail[item.article_id] = (f"anchor {m.anchor} vs {e.anchor} ({m.place_name}, {m.admin1}, "
                                           f"{m.country_code} vs {e.place_name}, {e.admin1}, {e.country_code})")
            else:
                target_clusters = {clusters.cluster_of[e.event_id] for e in reachable}
                chosen = set(decision.cluster_ids) if decision.kind != "new" else set()
                if chosen & target_clusters:
                    why[item.article_id] = "merged"
                else:
                    vetoes = [e for e in reachable if vetoed(m, e, policy, common)]
                    best = max((pair_scores(m, e, policy, common) for e in reachable if e not in vetoes),
                               key=lambda s: s["score"], default=None)
                    if best is None:
                        why[item.article_id] = "vetoed"
                        e = vetoes[-1]
                        detail[item.article_id] = (f"{m.date} {m.place_name}, {m.admin1} vs {e.date} {e.place_name}, "
                                                   f"{e.admin1}: " + " ".join(
                                                       f"{k}={v:.2f}" for k, v in pair_scores(m, e, policy, common).items()))
                    elif any(decision.scores.get(c, -99) >= policy.threshold for c in target_clusters):
                        why[item.article_id] = "outscored"
                    elif all(c not in decision.scores for c in target_clusters):
                        why[item.article_id] = "cluster vetoed"
                    else:
                        why[item.article_id] = "score too low"
                    if best is not None:
                        detail[item.article_id] = " ".join(f"{k}={v:.2f}" for k, v in best.items()) + \
                            " cluster=" + ",".join(f"{decision.scores.get(c, float('nan')):.2f}"
                                                   for c in sorted(target_clusters))
        for mention in item.mentions:
            clusters.add(mention)
        had_article.add(incident)
        seen[incident].append(m)
    counts = Counter(why.values())
    if verbose:
        for article_id, reason in why.items():
            if reason != "merged":
                print(f"{article_id}\t{reason}\t{detail.get(article_id, '')}")
    return counts


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    if len(argv) >= 3 and argv[0] == "cache":
        cache(Path(argv[1]), Path(argv[2]), Path(argv[3]) if len(argv) > 3 else DATA)
        return
    if len(argv) < 2 or argv[0] not in ("score", "misses"):
        raise SystemExit(__doc__)
    rest = argv[2:]
    data = Path(rest.pop(0)) if rest and "=" not in rest[0] else DATA
    policy = parse_policy(rest)
    items = load(Path(argv[1]))
    if argv[0] == "score":
        incidents = {str(r["incident"]): r for r in _rows(data, "incidents.jsonl")}
        for label, subset in halves(items):
            print(line(label, scores(subset, policy, incidents)), flush=True)
    else:
        for label, subset in halves(items):
            counts = misses(subset, policy, verbose and label == "dev")
            print(label, dict(counts.most_common()), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
