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


def _members(document: Document) -> list[MemberReport]:
    """The article's events as member reports, its main event first (as the store files them)."""
    main = main_event(document.events)
    if main is None:
        return []
    article = document.article
    meta = ArticleMeta(id=article.id, outlet=article.outlet, url=article.url, title=article.title,
                       published=article.published)
    return [MemberReport(event=e, article=meta) for e in (main, *(e for e in document.events if e is not main))]


def cluster_in_memory(articles: Sequence[Article], runner: DocumentRunner) -> ClusteredCorpus:
    """Extract and merge ``articles`` in order with the in-memory replay of the store's loop."""
    started = time.perf_counter()
    texts = {a.id: a.text for a in articles}
    batch = runner.run("clusters", articles, _members)
    clusters = MemoryClusters()
    main_of: dict[str, str] = {}
    reports: dict[str, MemberReport] = {}
    for article, members in zip(articles, batch.predictions, strict=True):
        for member in members or []:
            mention = mention_from_event(member.event, member.article, texts[article.id])
            member.article.origin = mention.origin
            clusters.add(mention)
            main_of.setdefault(article.id, member.event.id)
            reports[member.event.id] = member
    # read clusters at the end: a bridge re-files earlier members
    cluster_of = {a.id: clusters.cluster_of[main_of[a.id]] if a.id in main_of else "alone:" + a.id
                  for a in articles}
    final: dict[str, list[MemberReport]] = defaultdict(list)
    for event_id, member in reports.items():
        final[clusters.cluster_of[event_id]].append(member)
    records = {cid: build_cluster_record(cid, members) for cid, members in final.items()}
    return ClusteredCorpus(cluster_of, records, time.perf_counter() - started)


def cluster_with_store(articles: Sequence[Article], runner: DocumentRunner) -> ClusteredCorpus:
    """Ingest ``articles`` in order into a fresh temporary SQLite store; read back clusters and records."""
    import tempfile

    from sitrep.store import open_store
    from sitrep.store.records import IngestReport

    def progress(report: IngestReport) -> None:
        if runner.progress and (report.processed % runner.every == 0 or report.processed == len(articles)):
            runner.progress("clusters", report.processed, len(articles))

    with tempfile.TemporaryDirectory(prefix="sitrep-eval-clusters-") as folder:
        store = open_store(str(Path(folder) / "eval.db"))
        started = time.perf_counter()
        report = store.ingest(articles, progress=progress)
        seconds = time.perf_counter() - started
        for problem in report.problems:
            if runner.on_problem:
                runner.on_problem(problem)
        stored = store.article_clusters()
        cluster_of = {a.id: stored.get(a.id) or "alone:" + a.id for a in articles}
        records = {}
        for cluster_id in sorted({c for c in cluster_of.values() if not c.startswith("alone:")}):
            record = store.get_cluster(cluster_id)
            if record is not None:
                records[cluster_id] = record
        store.close()
    return ClusteredCorpus(cluster_of, records, seconds)


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


def evaluate_clusters(path: Path, runner: DocumentRunner, limit: int | None = None,
                      store: bool = True) -> DatasetResult:
    """Scores of merging the articles under ``path`` (see the module docstring).

    ``store``: through a fresh temporary SQLite store (what `sitrep eval clusters` does); else through the
    in-memory replay of the store's loop (``cluster_in_memory``, for tests and tuning).
    """
    if not path.is_dir():
        raise missing_data(path, "clusters data folder (articles.jsonl, incidents.jsonl)")
    rows = read_jsonl(require_file(path / "articles.jsonl"), ("id", "incident", "text"), limit)
    incidents = {str(r["incident"]): r for r in read_jsonl(require_file(path / "incidents.jsonl"), ("incident",))}
    articles = [_article(row) for row in rows]
    gold = {str(row["id"]): str(row["incident"]) for row in rows}
    corpus = cluster_with_store(articles, runner) if store else cluster_in_memory(articles, runner)
    scores: dict[str, Any] = dict(coref_scores(gold, corpus.cluster_of))
    scores["articles"] = len(articles)
    scores["articles_per_s"] = round(len(articles) / corpus.seconds, 2) if corpus.seconds else None
    scores["incident"] = incident_scores(gold, corpus, incidents)
    items = [{"id": article_id, "cluster": cluster_id} for article_id, cluster_id in corpus.cluster_of.items()]
    return DatasetResult(scores, items)
