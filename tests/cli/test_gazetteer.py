"""`sitrep gazetteer import|info` and `sitrep setup`, on a gazetteer written here (no full build)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli.main import cli
from sitrep.geo.gazetteer import FILE_NAME, SCHEMA_VERSION, Gazetteer, create_file
from tests.geo.conftest import write_places


def test_import_and_info(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    create_file(db)
    places = write_places(tmp_path / "AF.txt")
    admin2 = tmp_path / "admin2Codes.txt"
    admin2.write_text("AF.42.3307\tRukhah\tRukhah\t9000099\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["gazetteer", "import", str(places), str(admin2), "--path", str(db)])
    assert result.exit_code == 0, result.output
    assert "21 places" in result.output
    gazetteer = Gazetteer(db)
    assert [h.entry.feature for h in gazetteer.lookup("Rukhah")] == ["admin2"]
    info = runner.invoke(cli, ["gazetteer", "info", "--path", str(db)])
    assert info.exit_code == 0 and f"schema\t{SCHEMA_VERSION}" in info.output


def test_info_without_gazetteer_fails_helpfully(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["gazetteer", "info", "--path", str(tmp_path / "none.sqlite")])
    assert result.exit_code != 0 and "sitrep gazetteer build" in result.output


def test_setup_is_idempotent_when_present(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_HOME", str(tmp_path))
    create_file(tmp_path / FILE_NAME)
    before = (tmp_path / FILE_NAME).stat().st_mtime_ns
    result = CliRunner().invoke(cli, ["setup"])
    assert result.exit_code == 0 and "present" in result.output
    assert (tmp_path / FILE_NAME).stat().st_mtime_ns == before
