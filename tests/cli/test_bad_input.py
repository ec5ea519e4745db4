"""End to end: `sitrep extract` on a folder of good and bad files reports each problem and goes on."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli.main import cli

GOOD = ("date 2024-04-06\nMilitants attacked an army checkpoint near the border town on Friday, killing four "
        "soldiers and wounding six, the army said in a statement. The attackers fled on motorbikes.")
GOOD_RECORD = ("Police fired tear gas at hundreds of protesters who gathered outside the governor's office on "
               "Tuesday to demand the release of detained activists, witnesses said.")
FRENCH = ("Des hommes armés ont attaqué un poste de l'armée près de la frontière vendredi, tuant quatre "
          "soldats et en blessant six autres, a indiqué l'armée dans un communiqué. Les assaillants ont fui.")


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    (folder / "good.txt").write_text(GOOD)
    (folder / "copy.txt").write_text(GOOD + " (AP)")
    (folder / "records.jsonl").write_text("\n".join([
        json.dumps({"id": "r1", "published": "2024-04-09T10:00:00Z", "text": GOOD_RECORD}),
        '{"id": "r2", "text": "unterminated',
    ]) + "\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (folder / "broken.txt").write_bytes("Café ".encode() + b"\xff\xfe attack")
    (folder / "columns.csv").write_text("id,headline\n1,Something happened\n")
    (folder / "french.txt").write_text(FRENCH)
    (folder / "huge.txt").write_text(GOOD * 200)
    return folder


@pytest.fixture(scope="module")
def run(bad_folder: Path):  # type: ignore[no-untyped-def]
    runner = CliRunner(mix_stderr=False)
    return runner.invoke(cli, ["extract", "-s", "max_article_bytes=10000", str(bad_folder),
                               str(bad_folder / "missing.txt")])


@pytest.mark.parametrize(("name", "code"), [
    ("missing.txt", "E001"), ("image.png", "E002"), ("empty.txt", "E003"), ("broken.txt", "E004"),
    ("records.jsonl:2", "E005"), ("columns.csv", "E006"), ("huge.txt", "E007"), ("french.txt", "E008"),
])
def test_each_problem_is_on_stderr_with_its_file(run, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    lines = [line for line in run.stderr.splitlines() if f"{name}: [{code}]" in line]
    assert len(lines) == 1, run.stderr


def test_exit_code_says_something_failed(run) -> None:  # type: ignore[no-untyped-def]
    assert run.exit_code == 1


def test_good_articles_were_processed_and_the_copy_was_not(run) -> None:  # type: ignore[no-untyped-def]
    # good.txt and records.jsonl:1; copy.txt is a near-duplicate of good.txt and is not processed again.
    assert "2 article(s) processed" in run.stderr
    for line in run.stdout.splitlines():
        assert json.loads(line)["article_ids"]


def test_only_good_input_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    result = CliRunner(mix_stderr=False).invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.stderr


def test_stdin_dash(tmp_path: Path) -> None:
    result = CliRunner(mix_stderr=False).invoke(cli, ["extract", "-"], input=GOOD)
    assert result.exit_code == 0, result.stderr


def test_non_english_on_stdin_fails(tmp_path: Path) -> None:
    result = CliRunner(mix_stderr=False).invoke(cli, ["extract", "-"], input=FRENCH)
    assert result.exit_code == 1 and "-: [E008]" in result.stderr
