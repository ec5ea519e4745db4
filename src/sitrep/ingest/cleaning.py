"""What of a news page is the report: page furniture left out before extraction, offsets kept.

A page read from the web carries more than the report: photo captions, bylines, "Please enable
JavaScript" notices, newsletter and notification prompts, share bars, lists of related stories,
station contact blocks, weather boxes, copyright lines. Their words make events out of nothing
("FILE - A police officer stands outside ..." made the police a bomber). :func:`report_text` blanks
those lines out with spaces, newlines kept, so the text parsed has the very offsets of
``Article.text`` and every span still points into the original. The line patterns are data
(data/ingest/boilerplate.tsv).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.resources import read_table

__all__ = ["Furniture", "furniture_lines", "report_text"]

# A line this long that ends like a sentence is a paragraph of the report (headlines end without a full
# stop): it ends a list of related stories.
PARAGRAPH_CHARS = 40
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s*$")


@dataclass(frozen=True)
class Furniture:
    """One line pattern: what it is, whether the lines after it go too (``rest``) or only the start of the line it
    matches (``prefix``), and the longest line (for a prefix: the longest start) it may take."""

    kind: str
    rest: bool
    max_len: int
    pattern: re.Pattern[str]
    prefix: bool = False


@functools.lru_cache(maxsize=1)
def furniture_patterns() -> tuple[Furniture, ...]:
    return tuple(Furniture(row["kind"], row["scope"] == "rest", int(row["max_len"]),
                           re.compile(row["pattern"], re.IGNORECASE), row["scope"] == "prefix")
                 for row in read_table("ingest/boilerplate.tsv"))


def _kind(line: str) -> Furniture | None:
    stripped = line.strip()
    if not stripped:
        return None
    for furniture in furniture_patterns():
        if not furniture.prefix and len(stripped) <= furniture.max_len and furniture.pattern.fullmatch(stripped):
            return furniture
    return None


def _furniture_prefix(line: str) -> tuple[int, str] | None:
    """(length, kind) of page furniture that opens a line of the report: a video player's controls, a headline
    copied with its time stamps ('Four shot downtown Posted: Monday, May 1, 2017 7:39 AM EDT Three men ...'). The
    rest of the line stays."""
    lead = len(line) - len(line.lstrip())
    for furniture in furniture_patterns():
        if not furniture.prefix:
            continue
        found = furniture.pattern.match(line, lead)
        if found is None or found.end() - lead > furniture.max_len or not line[found.end():].strip():
            continue
        return len(line[:found.end()].rstrip()), furniture.kind
    return None


def _is_paragraph(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= PARAGRAPH_CHARS and _SENTENCE_END.search(stripped) is not None


@functools.lru_cache(maxsize=64)
def furniture_lines(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of every line of ``text`` that is page furniture, not the report, and of the furniture
    that opens a line of the report (memoised: the parse stage asks again for its sentence spans)."""
    found: list[tuple[int, int, str]] = []
    listing: str | None = None  # kind of the heading whose list is being left out
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        furniture = _kind(line)
        prefix = _furniture_prefix(line) if furniture is None else None
        if prefix is not None:
            found.append((start, start + prefix[0], prefix[1]))
            listing = None
            continue
        if furniture is not None:
            found.append((start, end, furniture.kind))
            listing = furniture.kind if furniture.rest else listing
            continue
        if listing is not None and not _is_paragraph(line):
            found.append((start, end, listing))  # a headline in a list of related stories
            continue
        listing = None
    return tuple(found)


def report_text(text: str) -> str:
    """``text`` with its furniture lines blanked out (same length, newlines kept). A blanked line keeps one
    full stop at its end, so the parser still breaks the sentence there as the line did ('UPDATES:' above a
    time stamp is not the subject of the sentence below it)."""
    lines = furniture_lines(text)
    if not lines:
        return text
    chars = list(text)
    for start, end, _ in lines:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
        last = end - 1
        while last >= start and chars[last] in "\r\n":
            last -= 1
        if last >= start:
            chars[last] = "."
    return "".join(chars)
