import json
from pathlib import Path

import pytest

from sitrep.evaluation.isaf import gold_fields, load_isaf, score_isaf, set_overlap, value_set
from sitrep.evaluation.isaf_adapter import IsafFields


def test_value_set_splits_joined_values_and_drops_empty() -> None:
    assert value_set(["hig;taliban"]) == {"hig", "taliban"}
    assert value_set([""]) == frozenset()
    assert value_set([" Ghazni "]) == {"ghazni"}


def test_set_overlap_is_share_of_gold() -> None:
    assert set_overlap(["taliban"], ["hig;taliban"]) == 0.5
    assert set_overlap(["taliban", "haqqani"], ["taliban"]) == 1.0
    assert set_overlap([], ["taliban"]) == 0.0
    assert set_overlap([], [""]) == 1.0
    assert set_overlap(["taliban"], [""]) == 0.0


def test_score_isaf_on_two_releases() -> None:
    gold = [
        gold_fields({"start_date": "2012-05-01", "event_type": ["detention"], "province": ["ghazni"],
                     "target_group": ["taliban"], "min_killed": 0, "min_captured": 2}),
        gold_fields({"start_date": "2012-05-02", "event_type": ["airstrike;detention"], "province": ["helmand"],
                     "target_group": [""], "min_killed": 3, "min_captured": 0}),
    ]
    predicted = [
        IsafFields(start_date="2012-05-01", event_type=["detention"], province=["ghazni"],
                   target_group=["taliban"], min_killed=0, min_captured=2),
        IsafFields(start_date="2012-05-03", event_type=["airstrike"], province=[], target_group=[],
                   min_killed=1, min_captured=0),
    ]
    report = score_isaf(predicted, gold)
    assert report.n == 2
    acc = report.accuracy
    assert acc.start_date == 0.5
    assert acc.event_type == pytest.approx(0.75)
    assert acc.province == 0.5
    assert acc.target_group == 1.0
    assert acc.min_killed == 0.5
    assert acc.min_captured == 1.0
    assert set(report.to_json()["accuracy"]) == {"event_type", "province", "start_date", "target_group",
                                                  "min_killed", "min_captured"}


def test_load_isaf(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    record = {"id": "2012-05-S-001", "text": "2012-05-S-001\nKABUL, Afghanistan (May 2, 2012)\nA force detained two.",
              "gold": {"start_date": "2012-05-01", "event_type": ["detention"], "province": ["kabul"],
                       "target_group": [""], "min_killed": 0, "min_captured": 2}}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [item] = load_isaf(path)
    assert item.gold.min_captured == 2 and item.gold.start_date == "2012-05-01"
