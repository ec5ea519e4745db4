"""`sitrep eval clusters PATH`: merging reports of one incident, scored against the clusters corpus.

PATH is a folder holding ``articles.jsonl`` (``id``, ``incident``, ``url``, ``title``, ``published``,
``text``; in publication order) and ``incidents.jsonl`` (``incident``, ``date``, ``city``, ``state``,
``killed``, ``injured``). Every article is ingested in publication order; each belongs to its main event's
cluster (an article with no event is alone). Scores (a contract: outside scripts read these keys):

- ``pairwise`` {p, r, f1}, ``b3`` {p, r, f1}, ``muc_f1``, ``ceafe_f1``, ``conll_f1`` (sitrep.evaluation.coref);
- ``clusters`` (predicted) and ``gold_clusters``; ``articles``; ``articles_per_s`` (extraction and merging);
- ``incident``: for each gold incident with a record, the cluster holding most of its articles, its merged
  record scored as in `eval incidents` (``date_exact``, ``city``, ``state``, ``killed_exact``,
  ``injured_exact``: sitrep.evaluation.incident_fields), each the share of incidents right.

Details (``--details FILE``): one line per article, ``{"id": <input id>, "cluster": <cluster id>}``.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.cluster.mention import main_event, mention_from_event
from sitrep.cluster.record import build_cluster_record
from sitrep.cluster.replay import MemoryClusters
from sitrep.evaluation.coref import coref_scores
from sitrep.evaluation.incident_fields import FIELDS, PredictedFields, score_event_against_incident
from sitrep.evaluation.processing import DatasetResult, DocumentRunner
from sitrep.evaluation.reading import missing_data, read_jsonl, require_file
from sitrep.ingest.dating import parse_published
from sitrep.model import Article
from sitrep.model.cluster import ArticleMeta, ClusterRecord, MemberReport
from sitrep.pipeline.document import Document

__all__ = ["ClusteredCorpus", "evaluate_clusters", "incident_scores"]


@dataclass
class ClusteredCorpus:
    """What the clustering made of the corpus: each article's cluster and each cluster's record."""

    cluster_of: dict[str, str]  # article id -> cluster id
    records: dict[str, ClusterRecord]
    seconds: float


def _article(row: dict[str, Any]) -> Article:
    return Article(id=str(row["id"]), text=str(row["text"]), title=row.get("title"), url=row.get("url"),
                   outlet=row.get("outlet"), published=parse_published(row.get("published")))


def _member(document: Document) -> MemberReport | None:
    event = main_event(document.events)
    if event is None:
        return None
    article = document.article
    meta = ArticleMeta(id=article.id, outlet=article.outlet, url=article.url, title=article.title,
                       published=article.published)
    return MemberReport(event=event, article=meta)


def cluster_in_memory(articles: Sequence[Article], runner: DocumentRunner) -> ClusteredCorpus:
    """Extract and merge ``articles`` in order with the in-memory replay of the store's loop."""
    started = time.perf_counter()
    texts = {a.id: a.text for a in articles}
    batch = runner.run("clusters", articles, _member)
    clusters = MemoryClusters()
    event_of: dict[str, str] = {}
    reports: dict[str, MemberReport] = {}
    for article, member in zip(articles, batch.predictions, strict=True):
        if member is None:
            continue
        mention = mention_from_event(member.event, member.article, texts[article.id])
        member.article.origin = mention.origin
        clusters.add(mention)
        event_of[article.id] = member.event.id
        reports[article.id] = member
    # read clusters at the end: a bridge re-files earlier members
    cluster_of = {a.id: clusters.cluster_of[event_of[a.id]] if a.id in event_of else "alone:" + a.id
                  for a in articles}
    final: dict[str, list[MemberReport]] = defaultdict(list)
    for article_id, member in reports.items():
        final[cluster_of[article_id]].append(member)
    records = {cid: build_cluster_record(cid, reports) for cid, reports in final.items()}
    return ClusteredCorpus(cluster_of, records, time.perf_counter() - started)


def incident_scores(gold: dict[str, str], corpus: ClusteredCorpus,
                    incidents: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Per gold incident with a record: its majority cluster's merged fields against the record."""
    articles_of: dict[str, list[str]] = defaultdict(list)
    for article_id, incident in gold.items():
        articles_of[incident].append(article_id)
    right: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    for incident, article_ids in articles_of.items():
        record = incidents.get(incident)
        if record is None:
            continue
        counts = Counter(corpus.cluster_of[a] for a in article_ids)
        top = max(counts.values())
        cluster_id = min(c for c, n in counts.items() if n == top)
        merged = corpus.records.get(cluster_id)
        predicted = (PredictedFields(merged.date, merged.location, merged.fatalities.best, merged.injured.best)
                     if merged else PredictedFields(None, None, None, None))
        for field, ok in score_event_against_incident(predicted, record).items():
            right[field] += ok
            scored[field] += 1
    return {field: round(right[field] / scored[field], 4) for field in FIELDS if scored[field]}


def evaluate_clusters(path: Path, runner: DocumentRunner, limit: int | None = None) -> DatasetResult:
    """Scores of merging the articles under ``path`` (see the module docstring)."""
    if not path.is_dir():
        raise missing_data(path, "clusters data folder (articles.jsonl, incidents.jsonl)")
    rows = read_jsonl(require_file(path / "articles.jsonl"), ("id", "incident", "text"), limit)
    incidents = {str(r["incident"]): r for r in read_jsonl(require_file(path / "incidents.jsonl"), ("incident",))}
    articles = [_article(row) for row in rows]
    gold = {str(row["id"]): str(row["incident"]) for row in rows}
    corpus = cluster_in_memory(articles, runner)
    scores: dict[str, Any] = dict(coref_scores(gold, corpus.cluster_of))
    scores["articles"] = len(articles)
    scores["articles_per_s"] = round(len(articles) / corpus.seconds, 2) if corpus.seconds else None
    scores["incident"] = incident_scores(gold, corpus, incidents)
    items = [{"id": article_id, "cluster": cluster_id} for article_id, cluster_id in corpus.cluster_of.items()]
    return DatasetResult(scores, items)
