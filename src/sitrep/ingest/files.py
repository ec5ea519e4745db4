"""One file into Articles and problems: size and binary checks, decoding, format sniffing, dispatch."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from sitrep.errors import InputProblem
from sitrep.ingest.decoding import SNIFF_BYTES, decode_bytes, looks_binary
from sitrep.ingest.feeds import items_from_feed
from sitrep.ingest.html import article_from_html
from sitrep.ingest.plaintext import article_from_plain_text
from sitrep.ingest.problems import Rejected
from sitrep.ingest.records import items_from_csv, items_from_json, items_from_jsonl
from sitrep.ingest.sniffing import Format, sniff_format
from sitrep.model import Article
from sitrep.settings import Settings

Item = Article | InputProblem

_GZIP_MAGIC = b"\x1f\x8b"
# Formats holding one article per file: the file size is the article size, checked before reading.
_SINGLE_ARTICLE = (Format.TEXT, Format.HTML)
# A compressed file may expand to at most this many articles of the largest size allowed.
GZIP_EXPANSION_ARTICLES = 40


def too_large(source: str, size: int, limit: int) -> InputProblem:
    return InputProblem("E007", source, f"article is {size / 1e6:.1f} MB ({size} bytes), over the limit of "
                                        f"{limit} bytes; raise it with --setting max_article_bytes=N")


def items_from_file(path: Path, settings: Settings, published: date | None) -> Iterator[Item]:
    """Articles in one file, and problems for what in it cannot be used."""
    source = str(path)
    try:
        yield from _read_file(path, source, settings, published)
    except Rejected as rejected:
        yield rejected.problem
    except OSError as exc:
        yield InputProblem("E001", source, f"could not read file: {exc.strerror or exc}")


def _read_file(path: Path, source: str, settings: Settings, published: date | None) -> Iterator[Item]:
    size = path.stat().st_size
    if size == 0:
        raise Rejected("E003", source, "file is empty")
    with path.open("rb") as raw:
        handle: IO[bytes] = raw
        head = raw.read(SNIFF_BYTES)
        if head.startswith(_GZIP_MAGIC) and path.suffix.lower() in (".gz", ".gzip"):
            raw.seek(0)
            handle = io.BufferedReader(_Bounded(gzip.GzipFile(fileobj=raw), source, _decompressed_limit(settings)))
            head, path, size = _read_gzip(handle, SNIFF_BYTES, source), path.with_suffix(""), -1
        if looks_binary(head):
            raise Rejected("E002", source, "binary file (not text); skipped")
        guess = sniff_format(path, head.decode("utf-8", errors="replace"))
        if guess in _SINGLE_ARTICLE and size > settings.max_article_bytes:
            yield too_large(source, size, settings.max_article_bytes)
            return
        if guess is Format.JSONL:
            yield from _jsonl_items(head, handle, source, settings, published)
            return
        data = head + _read_gzip(handle, -1, source)
    text = decode_bytes(data, source)
    if not text.strip():
        raise Rejected("E003", source, "file holds only white space")
    yield from items_from_text(text, path, guess, published)


def _decompressed_limit(settings: Settings) -> int:
    """The most a compressed file may expand to: room for many articles, never a gzip bomb."""
    return max(GZIP_EXPANSION_ARTICLES * settings.max_article_bytes, 1)


class _Bounded(io.RawIOBase):
    """A stream that refuses (E002) to give more than ``limit`` bytes: decompression stays bounded."""

    def __init__(self, inner: IO[bytes] | gzip.GzipFile, source: str, limit: int) -> None:
        self.inner, self.source, self.limit, self.given = inner, source, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(min(len(buffer), self.limit + 1 - self.given))
        self.given += len(data)
        if self.given > self.limit:
            raise Rejected("E002", self.source, f"compressed file expands to more than {self.limit} bytes "
                                                "(a gzip bomb?); skipped. Raise max_article_bytes if it is real")
        buffer[:len(data)] = data
        return len(data)


def _read_gzip(handle: IO[bytes], size: int, source: str) -> bytes:
    """``handle.read(size)``, a damaged gzip stream reported as E002."""
    try:
        return handle.read(size)
    except (OSError, EOFError, zlib.error) as exc:
        raise Rejected("E002", source, f"damaged gzip file: {exc}") from exc


def _jsonl_items(head: bytes, handle: IO[bytes], source: str, settings: Settings,
                 published: date | None) -> Iterator[Item]:
    """JSON lines read one line at a time, so memory stays flat however long the file is.

    A line is decoded on its own (UTF-8, else as a whole file would be); a line over the size limit
    is an E007 problem for that line, and the rest of the file goes on.
    """
    limit = 2 * settings.max_article_bytes + 65536  # JSON escapes can double an article's bytes
    lines = io.BufferedReader(_Prefixed(head, handle), buffer_size=1 << 16)
    number = 0
    while True:
        try:
            line = lines.readline(limit + 1)
            if len(line) > limit and not line.endswith(b"\n"):
                number += 1
                yield too_large(f"{source}:{number}", len(line), limit)
                while line and not line.endswith(b"\n"):  # skip the rest of the long line
                    line = lines.readline(1 << 20)
                continue
        except Rejected as rejected:
            yield rejected.problem
            return
        except (OSError, EOFError, zlib.error) as exc:
            yield InputProblem("E002", source, f"damaged gzip file after line {number}: {exc}")
            return
        if not line:
            return
        number += 1
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            text = decode_bytes(line, where)
        except Rejected as rejected:
            yield rejected.problem
            continue
        for item in items_from_jsonl(text, source, published):
            yield _renumber(item, where)


def _renumber(item: Item, where: str) -> Item:
    """An item read from one line names that line (``items_from_jsonl`` numbered it 1)."""
    if isinstance(item, InputProblem):
        return InputProblem(item.code, where, item.reason)
    return item.model_copy(update={"source_path": where})


class _Prefixed(io.RawIOBase):
    """``head`` (already read to sniff the format) followed by the rest of ``handle``."""

    def __init__(self, head: bytes, handle: IO[bytes]) -> None:
        self.head, self.handle = head, handle

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.handle.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def items_from_stdin(stream: IO[str], settings: Settings, published: date | None) -> Iterator[Item]:
    """Standard input, read as one plain-text article (decoded like a file when raw bytes are at hand)."""
    try:
        raw = getattr(stream, "buffer", None)
        text = decode_bytes(raw.read(), "-") if raw is not None else stream.read()
    except Rejected as rejected:
        yield rejected.problem
        return
    yield article_from_plain_text(text, "-", published)


def items_from_text(text: str, path: Path, fmt: Format, published: date | None) -> Iterator[Item]:
    """Dispatch decoded ``text`` of ``path`` to the reader of its format."""
    source = str(path)
    if fmt is Format.JSONL:
        yield from items_from_jsonl(text, source, published)
    elif fmt is Format.JSON:
        yield from items_from_json(text, source, published)
    elif fmt is Format.CSV:
        yield from items_from_csv(text, source, published, "\t" if path.suffix.lower() == ".tsv" else None)
    elif fmt is Format.FEED:
        yield from items_from_feed(text, source, published)
    elif fmt is Format.HTML:
        yield article_from_html(text, source, published)
    else:
        yield article_from_plain_text(text, source, published)
