"""Reading inputs into Articles, collecting problems instead of stopping."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sitrep.errors import InputProblem
from sitrep.ingest.plaintext import article_from_plain_text
from sitrep.model import Article
from sitrep.settings import Settings


@dataclass
class Reading:
    """A lazy read of many inputs. ``problems`` fills up while ``articles()`` is consumed."""

    paths: list[Path]
    settings: Settings = field(default_factory=Settings)
    published: date | None = None
    problems: list[InputProblem] = field(default_factory=list)

    def articles(self) -> Iterator[Article]:
        for path in self.paths:
            yield from self._read(path)

    def _read(self, path: Path) -> Iterator[Article]:
        if str(path) == "-":
            yield article_from_plain_text(sys.stdin.read(), source="-", published=self.published)
            return
        if not path.exists():
            self.problems.append(InputProblem("E001", str(path), "no such file or folder"))
            return
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from self._read(child)
            return
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            self.problems.append(InputProblem("E003", str(path), "file is empty"))
            return
        yield article_from_plain_text(text, source=str(path), published=self.published)


def read_paths(paths: list[Path], settings: Settings | None = None, published: date | None = None) -> Reading:
    """Start reading ``paths``; iterate ``.articles()``, then look at ``.problems``."""
    return Reading(paths=paths, settings=settings or Settings(), published=published)
