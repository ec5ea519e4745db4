"""PolNeAR attribution relations: brat loader and scorer.

Layout: ``text/NAME.txt`` and ``attributions/NAME_xxxx.ann`` (``xxxx`` names the annotator).
Text-bound annotations ``T1<TAB>Source 89 106<TAB>The New York Post``; a span may be
discontinuous (``315 448;463 553``). Source, Cue and Content spans are scored; Attribution
events (``E``) only link them. Two dev articles have several annotators: the first .ann file
in name order is used. Offsets count characters of the text read with newlines untranslated.

Scores per role: ``p``, ``r``, ``f1`` (exact span: same start and end of the whole extent) and
``f1_overlap`` (any shared character), pooled over all articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluation.metrics import PRF, Extent, extent, span_prf
from sitrep.evaluation.processing import DatasetResult, DocumentRunner
from sitrep.evaluation.reading import malformed, missing_data
from sitrep.model import Article, Attribution

ROLES = ("source", "cue", "content")
_ANN_SUFFIX = re.compile(r"_[0-9A-Za-z]+$")


@dataclass(frozen=True)
class RoleSpans:
    """Gold or predicted extents per role, with the article they belong to."""

    source: list[Extent] = field(default_factory=list)
    cue: list[Extent] = field(default_factory=list)
    content: list[Extent] = field(default_factory=list)


@dataclass(frozen=True)
class PolnearItem:
    id: str
    text: str
    gold: RoleSpans


@dataclass(frozen=True)
class PolnearReport:
    source: PRF
    cue: PRF
    content: PRF
    n: int = 0
    failed: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def parse_ann(lines: Iterable[str], where: str = "") -> RoleSpans:
    """Source, Cue and Content spans of a brat .ann file."""
    spans = RoleSpans()
    for number, line in enumerate(lines, start=1):
        if not line.startswith("T"):
            continue
        parts = line.rstrip("\r\n").split("\t")
        if len(parts) < 2 or " " not in parts[1]:
            raise ValueError(f"{where}:{number}: not a text-bound annotation")
        label, offsets = parts[1].split(" ", 1)
        role = label.lower()
        if role not in ROLES:
            continue
        pairs = [fragment.split() for fragment in offsets.split(";")]
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError(f"{where}:{number}: bad offsets {offsets!r}")
        getattr(spans, role).append(Extent(tuple((int(start), int(end)) for start, end in pairs)))
    return spans


def split_folder(path: Path) -> Path:
    """``path`` when it holds ``text/``, else its ``dev/`` split."""
    if (path / "text").is_dir():
        return path
    if (path / "dev" / "text").is_dir():
        return path / "dev"
    raise missing_data(path, "PolNeAR folder (with text/ and attributions/)")


def annotation_file(text_file: Path, ann_files: list[Path]) -> Path | None:
    """The first .ann file whose name, less its annotator suffix, is the text file's stem."""
    matches = [a for a in ann_files if _ANN_SUFFIX.sub("", a.stem) == text_file.stem or a.stem == text_file.stem]
    return min(matches) if matches else None


def load_polnear(path: Path, limit: int | None = None) -> list[PolnearItem]:
    folder = split_folder(path)
    ann_files = sorted((folder / "attributions").glob("*.ann"))
    items: list[PolnearItem] = []
    for text_file in sorted((folder / "text").glob("*.txt")):
        if limit is not None and len(items) >= limit:
            break
        ann = annotation_file(text_file, ann_files)
        if ann is None:
            continue
        try:
            gold = parse_ann(ann.read_text(encoding="utf-8").splitlines(), str(ann))
        except ValueError as exc:
            raise malformed(ann, str(exc)) from exc
        text = text_file.open(encoding="utf-8", newline="").read()
        items.append(PolnearItem(text_file.stem, text, gold))
    if not items:
        raise malformed(folder, "no text file has a matching .ann file")
    return items


def predicted_spans(attributions: Iterable[Attribution]) -> RoleSpans:
    spans = RoleSpans()
    for attribution in attributions:
        for role in ROLES:
            span = getattr(attribution, role)
            if span is not None:
                getattr(spans, role).append(extent(span.start, span.end))
    return spans


def score_polnear(gold: list[RoleSpans], predicted: list[RoleSpans], failed: int = 0) -> PolnearReport:
    """Scores pooled over articles: each article's spans only match spans of the same article."""
    roles: dict[str, PRF] = {}
    for role in ROLES:
        roles[role] = span_prf(_pooled(gold, role), _pooled(predicted, role))
    return PolnearReport(source=roles["source"], cue=roles["cue"], content=roles["content"],
                         n=len(gold), failed=failed)


_ARTICLE_STRIDE = 1 << 32  # larger than any article: offsets of different articles never meet


def _pooled(spans: list[RoleSpans], role: str) -> list[Extent]:
    """Every article's extents of ``role``, moved apart so spans of different articles never match."""
    return [Extent(tuple((s + i * _ARTICLE_STRIDE, e + i * _ARTICLE_STRIDE) for s, e in extent_.fragments))
            for i, article_spans in enumerate(spans) for extent_ in getattr(article_spans, role)]


def article_details(item: PolnearItem, predicted: RoleSpans) -> dict[str, Any]:
    """Per role: gold spans no prediction matches exactly, and predictions matching no gold span."""
    details: dict[str, Any] = {"id": item.id}
    for role in ROLES:
        gold, found = getattr(item.gold, role), getattr(predicted, role)
        details[role] = {
            "missed": [item.text[g.start:g.end] for g in gold if not any(g.same_extent(p) for p in found)],
            "spurious": [item.text[p.start:p.end] for p in found if not any(p.same_extent(g) for g in gold)],
        }
    return details


def evaluate_polnear(path: Path, runner: DocumentRunner, limit: int | None = None) -> DatasetResult:
    items = load_polnear(path, limit)
    articles = [Article.from_text(item.text, id=f"polnear-{item.id}") for item in items]
    batch = runner.run("polnear", articles, lambda doc: predicted_spans(doc.attributions))
    predicted = [spans if spans is not None else RoleSpans() for spans in batch.predictions]
    report = score_polnear([item.gold for item in items], predicted, batch.failed)
    details = [article_details(item, p) for item, p in zip(items, predicted, strict=True)]
    return DatasetResult(report.to_json(), details)
