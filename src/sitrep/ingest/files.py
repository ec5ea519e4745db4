"""One file into Articles and problems: size and binary checks, decoding, format sniffing, dispatch."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO

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
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
        if head.startswith(_GZIP_MAGIC) and path.suffix.lower() in (".gz", ".gzip"):
            data, path = _gunzip(head + handle.read(), source), path.with_suffix("")
            head, size = data[:SNIFF_BYTES], len(data)
        else:
            data = b""
        if looks_binary(head):
            raise Rejected("E002", source, "binary file (not text); skipped")
        guess = sniff_format(path, head.decode("utf-8", errors="replace"))
        if guess in _SINGLE_ARTICLE and size > settings.max_article_bytes:
            yield too_large(source, size, settings.max_article_bytes)
            return
        data = data or head + handle.read()
    text = decode_bytes(data, source)
    if not text.strip():
        raise Rejected("E003", source, "file holds only white space")
    yield from items_from_text(text, path, guess, published)


def _gunzip(data: bytes, source: str) -> bytes:
    """The content of a gzip file (``news.jsonl.gz``); its inner name decides the format."""
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise Rejected("E002", source, f"damaged gzip file: {exc}") from exc


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
