"""`sitrep eval` on tiny hand-made data sets of each format (the real pipeline runs)."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli.main import cli

FIXTURES = Path(__file__).resolve().parents[1] / "evaluation" / "fixtures"

CASE = [
    {"id": "1", "text": "Police arrested three men in Alphaville on Monday.", "label": "ARREST"},
    {"id": "2", "text": "Floods swept through the valley, killing 12 people.", "label": "NATURAL_DISASTER"},
]
ISAF = {"id": "2012-05-S-001",
        "text": "2012-05-S-001\n\nKABUL, Afghanistan (May 2, 2012)\nAn Afghan and coalition force detained two "
                "suspected insurgents in Nad-e Ali district, Helmand province, yesterday.",
        "gold": {"start_date": "2012-05-01", "event_type": ["detention"], "province": ["helmand"],
                 "target_group": [""], "min_killed": 0, "min_captured": 2}}
GEO = {"id": "g1", "text": "Storms hit Paris and London on Tuesday.", "toponyms": [
    {"start": 11, "end": 16, "name": "Paris", "lat": 48.85, "lon": 2.35, "geonameid": "2988507"},
    {"start": 21, "end": 27, "name": "London", "lat": 51.51, "lon": -0.13, "geonameid": "2643743"}]}
POLNEAR_TEXT = "The mayor said that the bridge was closed."
POLNEAR_ANN = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 41\tthat the bridge was closed\n"


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture()
def data_root(tmp_path: Path) -> Path:
    write_jsonl(tmp_path / "case2021" / "dev.jsonl", CASE)
    write_jsonl(tmp_path / "isaf" / "dev.jsonl", [ISAF])
    write_jsonl(tmp_path / "geo" / "tiny.jsonl", [GEO])
    polnear = tmp_path / "polnear" / "dev"
    (polnear / "text").mkdir(parents=True)
    (polnear / "attributions").mkdir()
    (polnear / "text" / "story.txt").write_text(POLNEAR_TEXT, encoding="utf-8")
    (polnear / "attributions" / "story_ab12.ann").write_text(POLNEAR_ANN, encoding="utf-8")
    (tmp_path / "acled").mkdir()
    shutil.copy(FIXTURES / "acled_sample.csv", tmp_path / "acled" / "export.csv")
    return tmp_path


def run_json(*args: str) -> dict:
    result = CliRunner(mix_stderr=False).invoke(cli, ["eval", *args, "--json"])
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)


def in_unit_range(*values: float) -> bool:
    return all(0.0 <= v <= 1.0 for v in values)


@pytest.mark.slow
def test_eval_all_prints_one_object_keyed_by_dataset(data_root: Path) -> None:
    scores = run_json("all", str(data_root))
    assert set(scores) == {"case2021", "isaf", "geo", "polnear", "acled"}
    case = scores["case2021"]
    assert case["all"]["n"] == 2 and case["subtask1"]["n"] == 1
    assert in_unit_range(*(case[k][m] for k in ("all", "subtask1") for m in ("micro_f1", "macro_f1", "weighted_f1")))
    assert "ARREST" in case["per_label"]
    isaf = scores["isaf"]
    assert isaf["n"] == 1 and in_unit_range(*isaf["accuracy"].values())
    assert set(isaf["accuracy"]) == {"event_type", "province", "start_date", "target_group", "min_killed",
                                     "min_captured"}
    geo = scores["geo"]["tiny"]
    assert geo["n_toponyms"] == 2
    assert in_unit_range(geo["recall"], geo["precision"], geo["acc_161km"], geo["auc"])
    assert 0 <= geo["median_km"] <= 20039
    for role in ("source", "cue", "content"):
        assert in_unit_range(*(scores["polnear"][role][k] for k in ("p", "r", "f1", "f1_overlap")))
    acled = scores["acled"]
    assert acled["n"] == 3
    assert in_unit_range(*(acled[k] for k in ("event_type_acc", "sub_event_type_acc", "actor1_acc",
                                               "fatalities_exact", "date_exact", "acc_161km")))


@pytest.mark.slow
def test_single_dataset_json_limit_and_text_report(data_root: Path) -> None:
    assert run_json("case2021", str(data_root / "case2021" / "dev.jsonl"), "--limit", "1")["all"]["n"] == 1
    assert set(run_json("geo", str(data_root / "geo" / "tiny.jsonl"))) >= {"n_toponyms", "auc"}
    assert run_json("polnear", str(data_root / "polnear" / "dev"))["n"] == 1
    assert run_json("acled", str(FIXTURES / "acled_sample.jsonl"))["n"] == 2
    details = data_root / "details.jsonl"
    result = CliRunner(mix_stderr=False).invoke(cli, ["eval", "isaf", str(data_root / "isaf"),
                                                      "--details", str(details)])
    assert result.exit_code == 0
    assert "accuracy.province" in result.stdout
    assert "isaf: 1/1" in result.stderr
    [line] = details.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["dataset"] == "isaf" and record["gold"]["min_captured"] == 2 and "predicted" in record


def test_missing_data_is_an_error_with_its_code(tmp_path: Path) -> None:
    result = CliRunner(mix_stderr=False).invoke(cli, ["eval", "isaf", str(tmp_path / "absent"), "--json"])
    assert result.exit_code == 1
    assert "E012" in result.stderr
    empty = CliRunner(mix_stderr=False).invoke(cli, ["eval", "all", str(tmp_path)])
    assert empty.exit_code == 1 and "E012" in empty.stderr


def test_unknown_dataset_is_a_usage_error() -> None:
    result = CliRunner(mix_stderr=False).invoke(cli, ["eval", "nonsense"])
    assert result.exit_code == 2
