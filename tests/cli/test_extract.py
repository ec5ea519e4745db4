import csv
import io
import json

from click.testing import CliRunner

from sitrep.cli.main import cli

REPORT = ("date 2024-04-06\nMilitants attacked an army checkpoint near Gao on Friday, killing four soldiers, "
          "the army said.\n")


def test_extract_writes_each_format(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text(REPORT)
    runner = CliRunner(mix_stderr=False)
    outputs = {}
    for fmt in ("jsonl", "json", "csv", "geojson"):
        result = runner.invoke(cli, ["extract", "--format", fmt, str(path)])
        assert result.exit_code == 0, result.output
        outputs[fmt] = result.stdout
    assert all(json.loads(line)["article_ids"] for line in outputs["jsonl"].splitlines())
    assert isinstance(json.loads(outputs["json"]), list)
    assert next(csv.reader(io.StringIO(outputs["csv"])))[0] == "event_id_cnty"
    assert json.loads(outputs["geojson"])["type"] == "FeatureCollection"


def test_missing_path_fails_but_good_input_still_comes_out(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text(REPORT)
    result = CliRunner(mix_stderr=False).invoke(cli, ["extract", str(path), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr and "E001" in result.stderr
    assert "1 article(s) processed" in result.stderr


def test_settings_and_schema_commands() -> None:
    runner = CliRunner(mix_stderr=False)
    assert "max_article_bytes" in runner.invoke(cli, ["settings"]).output
    assert json.loads(runner.invoke(cli, ["schema"]).output)["title"] == "Event"


def test_syndicated_copy_is_linked_not_processed_twice(tmp_path) -> None:  # type: ignore[no-untyped-def]
    body = " ".join(f"Paragraph {i} of the wire story repeats what the army told reporters about the attack."
                    for i in range(30))
    (tmp_path / "a.txt").write_text(REPORT + body)
    (tmp_path / "b.txt").write_text(REPORT + body + " Additional reporting by a partner agency.")
    result = CliRunner(mix_stderr=False).invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert "1 near-duplicate article(s) linked" in result.stderr
    assert "b.txt" in result.stderr


def test_stages_lists_the_pipeline_in_order() -> None:
    output = CliRunner().invoke(cli, ["stages"]).output
    names = [line.split()[0] for line in output.splitlines() if line and not line.startswith(" ")]
    assert names[0] == "parse" and names.index("events.assemble") < names.index("claims.assess")
