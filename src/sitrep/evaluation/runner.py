"""The `sitrep eval` runner: which scorer reads which data set, and `all` over a data folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.evaluation.acled import evaluate_acled
from sitrep.evaluation.case2021 import evaluate_case2021
from sitrep.evaluation.clusters import evaluate_clusters
from sitrep.evaluation.geo import evaluate_geo
from sitrep.evaluation.incidents import evaluate_incidents
from sitrep.evaluation.isaf import evaluate_isaf
from sitrep.evaluation.polnear import evaluate_polnear
from sitrep.evaluation.processing import DatasetResult, DocumentRunner
from sitrep.evaluation.reading import data_file, missing_data
from sitrep.evaluation.wikievents import evaluate_wikievents

DEFAULT_DATA = Path("../shared/data")

# function(path, runner, limit) -> the data set's scores and per-item details
Evaluator = Callable[[Path, DocumentRunner, int | None], DatasetResult]


@dataclass(frozen=True)
class DatasetSpec:
    """A data set: how to score it and where ``all`` finds it under a data folder."""

    name: str
    evaluate: Evaluator
    folder: str  # sub-folder of the data root that ``all`` looks for


def _case2021(path: Path, runner: DocumentRunner, limit: int | None) -> DatasetResult:
    return evaluate_case2021(data_file(path), runner, limit)


def _isaf(path: Path, runner: DocumentRunner, limit: int | None) -> DatasetResult:
    return evaluate_isaf(data_file(path), runner, limit)


DATASETS: dict[str, DatasetSpec] = {
    spec.name: spec for spec in (
        DatasetSpec("case2021", _case2021, "case2021"),
        DatasetSpec("isaf", _isaf, "isaf"),
        DatasetSpec("geo", evaluate_geo, "geo"),
        DatasetSpec("polnear", evaluate_polnear, "polnear"),
        DatasetSpec("acled", evaluate_acled, "acled"),
        DatasetSpec("incidents", evaluate_incidents, "clusters"),
        DatasetSpec("wikievents", evaluate_wikievents, "wikievents"),

        DatasetSpec("clusters", evaluate_clusters, "clusters"),
    )
}


def evaluate_dataset(name: str, path: Path, runner: DocumentRunner, limit: int | None = None) -> DatasetResult:
    """Scores of one data set (``.scores`` is what `sitrep eval NAME PATH --json` prints)."""
    spec = DATASETS.get(name)
    if spec is None:
        raise SitrepError("E012", f"unknown data set {name!r}", f"use one of: {', '.join([*DATASETS, 'all'])}")
    if not path.exists():
        raise missing_data(path, f"{name} data")
    return spec.evaluate(path, runner, limit)


def discover(root: Path) -> dict[str, Path]:
    """The data sets present under ``root`` (a folder laid out like ../shared/data)."""
    if not root.is_dir():
        raise missing_data(root, "evaluation data folder")
    return {name: root / spec.folder for name, spec in DATASETS.items() if (root / spec.folder).exists()}


def evaluate_all(root: Path, runner: DocumentRunner, limit: int | None = None) -> dict[str, DatasetResult]:
    """Results of every data set found under ``root``, keyed by data set name."""
    found = discover(root)
    if not found:
        raise missing_data(root, "any known data set (case2021/, isaf/, geo/, polnear/, acled/, clusters/, wikievents/)")
    return {name: evaluate_dataset(name, path, runner, limit) for name, path in found.items()}
