"""Which reader a file needs: by extension first, then by its first bytes."""

from __future__ import annotations

import json
import re
from enum import StrEnum
from pathlib import Path


class Format(StrEnum):
    TEXT = "text"
    JSONL = "jsonl"
    JSON = "json"
    CSV = "csv"
    HTML = "html"
    FEED = "feed"


_BY_EXTENSION: dict[str, Format] = {
    ".txt": Format.TEXT, ".text": Format.TEXT, ".md": Format.TEXT,
    ".jsonl": Format.JSONL, ".ndjson": Format.JSONL, ".json": Format.JSON,
    ".csv": Format.CSV, ".tsv": Format.CSV,
    ".html": Format.HTML, ".htm": Format.HTML, ".xhtml": Format.HTML,
    ".rss": Format.FEED, ".atom": Format.FEED,
}

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def sniff_format(path: Path, head: str) -> Format:
    """The format of a file named ``path`` whose text starts with ``head``.

    Content decides for ``.xml`` and unknown extensions; an ``.html`` file holding a feed is read as a feed.
    """
    by_extension = _BY_EXTENSION.get(path.suffix.lower())
    if by_extension in (Format.JSONL, Format.JSON, Format.CSV, Format.TEXT):
        return by_extension
    start = head.lstrip()[:2000]
    if start.startswith("<"):
        if _FEED_ROOT.search(start):
            return Format.FEED
        if _HTML_ROOT.search(start):
            return Format.HTML
    if by_extension is not None:
        return by_extension
    if start.startswith("{") and _first_line_is_json(head.lstrip()):
        return Format.JSONL
    return Format.TEXT


def _first_line_is_json(start: str) -> bool:
    first = start.split("\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False
