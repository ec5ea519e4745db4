import json
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.evaluation.case2021 import load_case2021, score_case2021


def test_subtask1_keeps_only_acled_labels() -> None:
    gold = ["ARMED_CLASH", "ARMED_CLASH", "ORG_CRIME", "DIPLO"]
    predicted = ["ARMED_CLASH", "ATTACK", "ORG_CRIME", "ARMED_CLASH"]
    report = score_case2021(gold, predicted)
    assert report.all_labels.n == 4 and report.subtask1.n == 2
    assert report.all_labels.micro_f1 == 0.5
    assert report.subtask1.micro_f1 == 0.5
    assert set(report.per_label) == {"ARMED_CLASH", "ATTACK", "ORG_CRIME", "DIPLO"}
    payload = report.to_json()
    assert set(payload) >= {"all", "subtask1", "per_label"}
    assert set(payload["all"]) == {"n", "micro_f1", "macro_f1", "weighted_f1"}
    assert set(payload["per_label"]["DIPLO"]) == {"p", "r", "f1", "support"}


def test_loader_reads_jsonl_and_honours_limit(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    rows = [{"id": str(i), "text": f"Protesters marched in town {i}.", "label": "PEACE_PROTEST"} for i in range(3)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    assert [item.id for item in load_case2021(path)] == ["0", "1", "2"]
    assert len(load_case2021(path, limit=2)) == 2


def test_loader_reports_missing_and_malformed_data(tmp_path: Path) -> None:
    with pytest.raises(SitrepError) as missing:
        load_case2021(tmp_path / "absent.jsonl")
    assert missing.value.code == "E012"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "x", "label": "ATTACK"}\n{not json\n', encoding="utf-8")
    with pytest.raises(SitrepError, match="line 2") as malformed:
        load_case2021(bad)
    assert malformed.value.code == "E012"
    lacking = tmp_path / "lacking.jsonl"
    lacking.write_text('{"id": "1", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(SitrepError, match="label"):
        load_case2021(lacking)


def test_failed_articles_are_counted_and_scored_wrong(tmp_path: Path, stub_runner) -> None:
    from sitrep.evaluation.case2021 import evaluate_case2021
    from sitrep.model import EventMention

    path = tmp_path / "dev.jsonl"
    rows = [{"id": "1", "text": "Rebels clashed with troops.", "label": "ARMED_CLASH"},
            {"id": "2", "text": "FAIL", "label": "ARMED_CLASH"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    def annotate(doc) -> None:  # type: ignore[no-untyped-def]
        doc.event_mentions = [EventMention(sent=0, sub_event_type="ARMED_CLASH", event_type="Battles", score=1.0)]

    result = evaluate_case2021(path, stub_runner(annotate))
    assert result.scores["failed"] == 1
    assert result.scores["all"]["micro_f1"] == 0.5
    assert [item["correct"] for item in result.items] == [True, False]


def test_an_exception_while_predicting_is_a_failed_item(tmp_path: Path, stub_runner) -> None:
    from sitrep.evaluation.processing import DocumentRunner
    from sitrep.model import Article

    runner: DocumentRunner = stub_runner(lambda doc: None)
    seen = []
    runner.on_problem = seen.append

    def predict(doc):  # type: ignore[no-untyped-def]
        if "bad" in doc.text:
            raise RuntimeError("boom")
        return doc.text

    batch = runner.run("x", [Article.from_text("good"), Article.from_text("bad"), Article.from_text("FAIL")], predict)
    assert batch.predictions == ["good", None, None]
    assert batch.failed == 2 and "boom" in seen[0].reason


def test_report_says_when_the_scored_file_was_seen_in_training(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import hashlib
    import json

    from sitrep.evaluation import case2021
    from sitrep.evaluation.report import format_report

    scored = tmp_path / "dev.jsonl"
    scored.write_text('{"id": "1", "text": "Police arrested two men.", "label": "ARREST"}\n')
    model = tmp_path / "model.npz"
    model.write_bytes(b"")
    sidecar = tmp_path / "model.trained_on.json"
    sidecar.write_text(json.dumps({"trained_on": [{"name": "dev.jsonl",
                                                   "sha256": hashlib.sha256(scored.read_bytes()).hexdigest()}]}))
    monkeypatch.setenv("SITREP_EVENT_CLASSIFIER", str(model))
    assert case2021.file_seen_in_training(scored)
    sidecar.write_text(json.dumps({"trained_on": []}))
    assert not case2021.file_seen_in_training(scored)
    report = case2021.score_case2021(["ARREST"], ["ARREST"])
    text = format_report("case2021", {**report.to_json(), "seen_in_training": True})
    assert "trained on this file" in text
