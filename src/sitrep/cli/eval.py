"""`sitrep eval DATASET PATH`: scores sitrep against annotated data (see sitrep.evaluation)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sitrep.errors import InputProblem, SitrepError
from sitrep.evaluation.processing import DatasetResult, DocumentRunner
from sitrep.evaluation.report import format_all, format_report
from sitrep.evaluation.runner import DATASETS, DEFAULT_DATA, evaluate_all, evaluate_dataset

DATASET_CHOICES = [*DATASETS, "all"]


def _progress(name: str, done: int, total: int) -> None:
    click.echo(f"\r{name}: {done}/{total}", err=True, nl=done == total)


def _problem(problem: InputProblem) -> None:
    click.echo(f"\nwarning: {problem}", err=True)


def write_details(path: Path, results: dict[str, DatasetResult]) -> None:
    """One JSON line per scored item, tagged with its data set."""
    with path.open("w", encoding="utf-8") as handle:
        for name, result in results.items():
            for item in result.items:
                handle.write(json.dumps({"dataset": name, **item}, ensure_ascii=False, default=str) + "\n")


@click.command("eval")
@click.argument("dataset", type=click.Choice(DATASET_CHOICES))
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), default=None, help="score only the first N items of each set")
@click.option("--json", "as_json", is_flag=True, help="print one JSON object (the scores contract)")
@click.option("--details", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="also write one JSON line per item (gold, prediction) to this file, for error analysis")
@click.option("--quiet", is_flag=True, help="no progress on stderr")
def eval_command(dataset: str, path: Path | None, limit: int | None, as_json: bool, details: Path | None,
                 quiet: bool) -> None:
    """Score sitrep on DATASET (case2021, isaf, geo, polnear, acled, incidents, wikievents, clusters, all) read from PATH.

    PATH defaults to ../shared/data (for a single data set, its folder there).
    """
    runner = DocumentRunner(progress=None if quiet else _progress, on_problem=_problem)
    try:
        if dataset == "all":
            results = evaluate_all(path or DEFAULT_DATA, runner, limit)
            scores = {name: result.scores for name, result in results.items()}
            text = json.dumps(scores, indent=2) if as_json else format_all(scores)
        else:
            result = evaluate_dataset(dataset, path or DEFAULT_DATA / DATASETS[dataset].folder, runner, limit)
            results = {dataset: result}
            text = json.dumps(result.scores, indent=2) if as_json else format_report(dataset, result.scores)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    if details:
        write_details(details, results)
    click.echo(text)
