"""Reading inputs into Articles, collecting problems instead of stopping.

Every article, whatever its format, passes the same gate before it is yielded: size limit (E007),
English check (E008), and duplicate check (exact or near copies are linked, not yielded).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sitrep.errors import InputProblem
from sitrep.ingest.duplicates import DuplicateIndex, DuplicateLink
from sitrep.ingest.files import items_from_file, items_from_stdin, too_large
from sitrep.ingest.language import check_english
from sitrep.model import Article
from sitrep.settings import Settings

Item = Article | InputProblem


@dataclass
class Reading:
    """A lazy read of many inputs. ``problems`` and ``duplicates`` fill up while ``articles()`` is consumed."""

    paths: list[Path]
    settings: Settings = field(default_factory=Settings)
    published: date | None = None
    problems: list[InputProblem] = field(default_factory=list)
    duplicates: list[DuplicateLink] = field(default_factory=list)
    # also yield each copy, marked ``copy_of`` (the store files it as another report of the article it copies)
    keep_copies: bool = False

    def articles(self) -> Iterator[Article]:
        """Each usable, first-seen article once, in input order (files in a folder sorted by path); with
        ``keep_copies`` each copy too, after the article it copies."""
        index = DuplicateIndex(self.settings.near_duplicate_threshold)
        for path in self.paths:
            for item in self._items(path):
                if isinstance(item, InputProblem):
                    self.problems.append(item)
                    continue
                problem = self._refusal(item)
                if problem is not None:
                    self.problems.append(problem)
                    continue
                link = index.check(item)
                if link is not None:
                    self.duplicates.append(link)
                    if self.keep_copies:
                        yield item.model_copy(update={"copy_of": link.duplicate_of})
                    continue
                yield item

    def _items(self, path: Path) -> Iterator[Item]:
        if str(path) == "-":
            yield from items_from_stdin(sys.stdin, self.settings, self.published)
        elif path.is_dir():
            for child in files_under(path):
                yield from items_from_file(child, self.settings, self.published)
        elif path.exists():
            yield from items_from_file(path, self.settings, self.published)
        else:
            yield InputProblem("E001", str(path), "no such file or folder")

    def _refusal(self, article: Article) -> InputProblem | None:
        """Why ``article`` must not be processed, or None."""
        source = article.source_path or article.id
        if not article.text.strip():
            return InputProblem("E003", source, "article text is empty")
        size = len(article.text.encode("utf-8"))
        if size > self.settings.max_article_bytes:
            return too_large(source, size, self.settings.max_article_bytes)
        language = check_english(article.text, self.settings.min_english_ratio)
        if not language.is_english:
            return InputProblem("E008", source, language.reason(self.settings.min_english_ratio))
        return None


def files_under(folder: Path) -> list[Path]:
    """Files in ``folder`` and its subfolders, sorted; hidden files and folders (``.git``, ``.DS_Store``) skipped."""
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def read_paths(paths: list[Path], settings: Settings | None = None, published: date | None = None,
               keep_copies: bool = False) -> Reading:
    """Start reading ``paths``; iterate ``.articles()``, then look at ``.problems`` and ``.duplicates``.

    ``keep_copies``: copies are yielded too, marked with ``copy_of`` (else only linked in ``duplicates``)."""
    return Reading(paths=paths, settings=settings or Settings(), published=published, keep_copies=keep_copies)
