"""`make bench`: extraction speed and memory, beside a bare spaCy NER pass on the same texts.

Reads the article texts of ../shared/data/geo (or a corpus generated from the
bundled examples when that is absent). The last line printed is one JSON object
with the keys ``articles``, ``articles_per_s``, ``words_per_s``, ``peak_rss_mb``,
``spacy_ner_articles_per_s`` and ``ratio`` (a contract: scripts read it).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import sys
import time
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sitrep.model import Article
from sitrep.settings import Settings

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "geo"


@dataclass
class BenchResult:
    articles: int
    articles_per_s: float
    words_per_s: float
    peak_rss_mb: float
    spacy_ner_articles_per_s: float
    ratio: float
    processes: int
    seconds: float
    startup_seconds: float
    stages: str  # per-stage report for people


def load_texts(corpus: Path, limit: int | None) -> list[str]:
    """Article texts from the JSONL files under ``corpus``, or a generated corpus when absent."""
    texts: list[str] = []
    if corpus.exists():
        for path in sorted(corpus.glob("*.jsonl")):
            with path.open(encoding="utf-8") as handle:
                texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    if not texts:
        examples = sorted((REPO / "examples").glob("*.txt"))
        base = [p.read_text(encoding="utf-8").split("\n", 1)[-1] for p in examples]
        texts = [f"{base[i % len(base)]}\n(Report {i}.)" for i in range(400)]
    return texts[:limit] if limit else texts


def peak_rss_mb() -> float:
    """Peak resident memory of this process plus the largest worker (ru_maxrss is KiB on Linux)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


@dataclass
class Extraction:
    seconds: float
    stage_seconds: dict[str, float]  # summed over articles, from each outcome's timings
    startup_seconds: float  # loading the pipeline (in each worker, in parallel), before the clock starts


def time_extraction(texts: list[str], settings: Settings, dask_workers: int = 0) -> Extraction:
    """Throughput with the pipeline already loaded, as the NER reference has its model loaded:
    worker start-up (model loading, ~3 s) is a one-off cost, timed and reported apart."""
    from sitrep.runner import WorkerPool, run_articles, warm_up, worker_count

    articles = [Article.from_text(t) for t in texts]
    stages: dict[str, float] = {}
    loading = time.perf_counter()
    if dask_workers:
        from sitrep.dask_engine import DaskExtractor

        # Registering the worker plugin waits until every worker has loaded the pipeline.
        pool: Any = DaskExtractor(settings, workers=dask_workers)
        outcomes: Any = functools.partial(pool, articles, settings)
    else:
        pool = WorkerPool(settings) if worker_count(settings) > 1 else None
        outcomes = functools.partial(run_articles, articles, settings, pool=pool)
        if pool is None:
            from threadpoolctl import threadpool_limits

            # One BLAS thread, as in a worker (runner._init_worker): with OpenBLAS's default threads the
            # small MiniLM products spin in sched_yield and the stage times are not a worker's.
            threadpool_limits(limits=1)
            warm_up(settings)
    started = time.perf_counter()
    try:
        for outcome in outcomes():
            for name, seconds in outcome.timings.items():
                stages[name] = stages.get(name, 0.0) + seconds
        finished = time.perf_counter()
    finally:
        if pool is not None:
            pool.close()
    return Extraction(finished - started, stages, started - loading)


def stage_report(stages: dict[str, float], articles: int) -> str:
    """Milliseconds per article for each stage, and what geocoding and claims add to the rest."""
    total = sum(stages.values()) or 1e-9
    lines = [f"  {name:<20} {1000 * s / articles:7.2f} ms/article  {100 * s / total:5.1f}%"
             for name, s in sorted(stages.items(), key=lambda item: -item[1])]
    lines.append(f"  {'total':<20} {1000 * total / articles:7.2f} ms/article")
    for label, prefix in (("geocoding", "geo."), ("claims", "claims.")):
        part = sum(s for name, s in stages.items() if name.startswith(prefix))
        lines.append(f"  {label} adds {100 * part / max(total - part, 1e-9):.1f}% to the rest of extraction")
    return "\n".join(lines)


def time_spacy_ner(texts: list[str], processes: int) -> float:
    from sitrep.pipeline.nlp import load_nlp

    # Stock spaCy (blis), as a user would run it: the pipeline's numpy matrix products are its own gain.
    nlp = load_nlp(numpy_gemm=False)
    started = time.perf_counter()
    with warnings.catch_warnings(), nlp.select_pipes(enable=["tok2vec", "ner"]):
        warnings.simplefilter("ignore")
        for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
            pass
    return time.perf_counter() - started


def run(corpus: Path, limit: int | None, processes: int, dask_workers: int = 0) -> BenchResult:
    texts = load_texts(corpus, limit)
    words = sum(len(t.split()) for t in texts)
    # Extraction first, in worker processes, so the parent's peak RSS is not
    # inflated by a model it loaded for the NER pass.
    extraction = time_extraction(texts, Settings(n_process=processes), dask_workers)
    processes = dask_workers or processes
    seconds = extraction.seconds
    ner_seconds = time_spacy_ner(texts, processes)
    rate = len(texts) / seconds
    ner_rate = len(texts) / ner_seconds
    return BenchResult(articles=len(texts), articles_per_s=round(rate, 2), words_per_s=round(words / seconds, 1),
                       peak_rss_mb=round(peak_rss_mb(), 1), spacy_ner_articles_per_s=round(ner_rate, 2),
                       ratio=round(rate / ner_rate, 3), processes=processes, seconds=round(seconds, 2),
                       startup_seconds=round(extraction.startup_seconds, 2),
                       stages=stage_report(extraction.stage_seconds, len(texts)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--dask-workers", type=int, default=0,
                        help="extract on a local Dask cluster of this many workers (docs/scale.md)")
    args = parser.parse_args(argv)
    result = run(args.corpus, args.limit, args.processes, args.dask_workers)
    if args.dask_workers:
        print(f"(extraction on a Dask LocalCluster of {args.dask_workers} worker(s))", file=sys.stderr)
    print(f"{result.articles} articles in {result.seconds} s with {result.processes} process(es): "
          f"{result.articles_per_s} articles/s, {result.words_per_s} words/s, peak RSS {result.peak_rss_mb} MB; "
          f"bare spaCy NER {result.spacy_ner_articles_per_s} articles/s (ratio {result.ratio}); "
          f"pipeline loading before that {result.startup_seconds} s\n"
          f"CPU time per stage (summed over worker processes):\n{result.stages}", file=sys.stderr)
    summary = asdict(result)
    print(json.dumps({k: summary[k] for k in ("articles", "articles_per_s", "words_per_s", "peak_rss_mb",
                                              "spacy_ner_articles_per_s", "ratio")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
