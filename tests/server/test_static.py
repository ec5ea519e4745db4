"""The static resolver serves files under its folder and nothing else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.server.errors import ApiError
from sitrep.server.static import resolve_static


@pytest.fixture()
def web(tmp_path: Path) -> Path:
    root = tmp_path / "web"
    (root / "js").mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html><title>t</title>")
    (root / "js" / "app.js").write_text("console.log(1)")
    (root / ".secret").write_text("no")
    (tmp_path / "outside.txt").write_text("secret")
    os.symlink(tmp_path / "outside.txt", root / "link.txt")
    return root


def test_files_under_the_root_resolve(web: Path) -> None:
    assert resolve_static(web, "index.html") == (web / "index.html").resolve()
    assert resolve_static(web, "js/app.js").read_text() == "console.log(1)"


@pytest.mark.parametrize("path", [
    "", "/etc/passwd", "../outside.txt", "js/../../outside.txt", "..", ".", "js/./app.js", ".secret",
    "link.txt", "js", "js\\..\\..\\outside.txt", "index.html\x00.js", "js//app.js", "missing.css",
])
def test_anything_else_is_not_found(web: Path, path: str) -> None:
    with pytest.raises(ApiError) as caught:
        resolve_static(web, path)
    assert caught.value.status == 404
