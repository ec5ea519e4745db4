"""Geoparsing (LGL, GeoVirus): loader and scorer.

Data: JSONL with ``id``, ``text`` and ``toponyms`` (start, end, name, lat, lon). Gold toponyms
without coordinates are left out, and predictions overlapping only such toponyms are ignored.

- recall: share of gold toponyms overlapped by some predicted toponym; precision: share of
  predicted toponyms overlapping some gold toponym.
- For each gold toponym, the resolved prediction (``Toponym.place`` with lat/lon) whose span
  overlaps it supplies the point (the one nearest in text span when several do); a gold toponym
  with none counts as a miss at the maximal error, 20039 km, in acc_161km, median_km and auc.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sitrep.evaluation.metrics import MAX_ERROR_KM, geo_error_summary, haversine_km, ratio
from sitrep.evaluation.processing import DatasetResult, DocumentRunner
from sitrep.evaluation.reading import malformed, read_jsonl
from sitrep.model import Article, Toponym


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class GeoItem:
    id: str
    text: str
    toponyms: list[GoldToponym]


@dataclass(frozen=True)
class GeoReport:
    n_toponyms: int
    recall: float
    precision: float
    acc_161km: float
    median_km: float
    auc: float
    n_articles: int = 0
    failed: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ArticleMatches:
    """What one article contributes: detection counts and one error (km) per gold toponym."""

    gold_found: int
    predicted: int
    predicted_correct: int
    errors_km: list[float]


def _coordinate(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


def load_geo(path: Path, limit: int | None = None) -> list[GeoItem]:
    items = []
    for record in read_jsonl(path, ("id", "text", "toponyms"), limit):
        try:
            toponyms = [GoldToponym(int(t["start"]), int(t["end"]), str(t.get("name", "")),
                                    _coordinate(t.get("lat")), _coordinate(t.get("lon")))
                        for t in record["toponyms"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise malformed(path, f"item {record['id']}: bad toponym ({exc})") from exc
        items.append(GeoItem(str(record["id"]), str(record["text"]), toponyms))
    return items


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _span_distance(gold: GoldToponym, predicted: Toponym) -> int:
    return abs(gold.start - predicted.span.start) + abs(gold.end - predicted.span.end)


def point_error_km(gold: GoldToponym, predicted: Sequence[Toponym]) -> float:
    """Error of the resolved prediction overlapping ``gold`` (nearest in span), else the maximum."""
    candidates = [t for t in predicted
                  if t.place is not None and t.place.lat is not None and t.place.lon is not None
                  and _overlaps(gold.start, gold.end, t.span.start, t.span.end)]
    if not candidates or gold.lat is None or gold.lon is None:
        return MAX_ERROR_KM
    best = min(candidates, key=lambda t: _span_distance(gold, t))
    assert best.place is not None and best.place.lat is not None and best.place.lon is not None
    return haversine_km(gold.lat, gold.lon, best.place.lat, best.place.lon)


def match_article(gold: Sequence[GoldToponym], predicted: Sequence[Toponym]) -> ArticleMatches:
    scored = [g for g in gold if g.has_point]
    unscored = [g for g in gold if not g.has_point]
    found = sum(1 for g in scored if any(_overlaps(g.start, g.end, t.span.start, t.span.end) for t in predicted))
    counted = [t for t in predicted
               if not any(_overlaps(g.start, g.end, t.span.start, t.span.end) for g in unscored)
               or any(_overlaps(g.start, g.end, t.span.start, t.span.end) for g in scored)]
    correct = sum(1 for t in counted if any(_overlaps(g.start, g.end, t.span.start, t.span.end) for g in scored))
    return ArticleMatches(gold_found=found, predicted=len(counted), predicted_correct=correct,
                          errors_km=[point_error_km(g, predicted) for g in scored])


def score_geo(matches: Sequence[ArticleMatches], failed: int = 0) -> GeoReport:
    errors = [e for m in matches for e in m.errors_km]
    summary = geo_error_summary(errors)
    return GeoReport(
        n_toponyms=len(errors),
        recall=ratio(sum(m.gold_found for m in matches), len(errors)),
        precision=ratio(sum(m.predicted_correct for m in matches), sum(m.predicted for m in matches)),
        acc_161km=summary.acc_161km,
        median_km=summary.median_km,
        auc=summary.auc,
        n_articles=len(matches),
        failed=failed,
    )


def article_details(item: GeoItem, predicted: Sequence[Toponym]) -> dict[str, Any]:
    """One article's gold toponyms with their errors, and the predictions matching no gold toponym."""
    matches = match_article(item.toponyms, predicted)
    scored = [g for g in item.toponyms if g.has_point]
    return {
        "id": item.id,
        "toponyms": [{"name": g.name, "start": g.start, "end": g.end, "error_km": round(error, 1),
                      "detected": any(_overlaps(g.start, g.end, t.span.start, t.span.end) for t in predicted)}
                     for g, error in zip(scored, matches.errors_km, strict=True)],
        "spurious": [t.span.text for t in predicted
                     if not any(_overlaps(g.start, g.end, t.span.start, t.span.end) for g in item.toponyms)],
    }


def evaluate_geo_file(path: Path, runner: DocumentRunner, limit: int | None = None) -> DatasetResult:
    items = load_geo(path, limit)
    articles = [Article.from_text(item.text, id=item.id) for item in items]
    batch = runner.run(f"geo/{path.stem}", articles, lambda doc: doc.toponyms)
    predicted = [toponyms or [] for toponyms in batch.predictions]
    report = score_geo([match_article(item.toponyms, p) for item, p in zip(items, predicted, strict=True)],
                       batch.failed)
    details = [{"file": path.stem, **article_details(item, p)} for item, p in zip(items, predicted, strict=True)]
    return DatasetResult(report.to_json(), details)


def geo_files(path: Path) -> list[Path]:
    """The JSONL files to score: ``path`` itself, or every ``*.jsonl`` in the folder."""
    return sorted(path.glob("*.jsonl")) if path.is_dir() else [path]


def evaluate_geo(path: Path, runner: DocumentRunner, limit: int | None = None) -> DatasetResult:
    """One report for a file; for a folder, one report per file keyed by its stem."""
    if not path.is_dir():
        return evaluate_geo_file(path, runner, limit)
    files = geo_files(path)
    if not files:
        raise malformed(path, "no .jsonl files in this folder")
    results = {file.stem: evaluate_geo_file(file, runner, limit) for file in files}
    return DatasetResult({stem: r.scores for stem, r in results.items()},
                         [item for r in results.values() for item in r.items])
