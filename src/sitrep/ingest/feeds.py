"""RSS and Atom feeds: each item is an article; its content (or summary) is stripped of HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from sitrep.errors import InputProblem
from sitrep.ingest.dating import dateline_date
from sitrep.model import Article

Item = Article | InputProblem

_UTF8_XML = "application/xml; charset=utf-8"
_DROPPED = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")


def html_to_text(fragment: str) -> str:
    """Readable text of an HTML fragment: block ends become line breaks, tags go, entities are decoded."""
    # Line breaks in HTML source are only spaces; block ends are the real breaks.
    text = _BREAK.sub("\n", _DROPPED.sub(" ", fragment).replace("\n", " "))
    text = html.unescape(_TAG.sub(" ", text))
    return _BLANK_LINES.sub("\n", _SPACES.sub(" ", text)).strip()


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks and summary, as plain text."""
    candidates = [block.get("value", "") for block in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    longest = max(candidates, key=len)
    return html_to_text(longest) if longest else ""


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def items_from_feed(text: str, path: str, published: date | None = None) -> Iterator[Item]:
    """One article per feed item; an unreadable feed, or one without items, is an E009 problem."""
    # Bytes, never a str: feedparser fetches a str that looks like a URL and opens one that names a file.
    # The text is already decoded, so its UTF-8 bytes are declared as such, whatever the XML prolog says.
    feed = feedparser.parse(text.encode("utf-8"), response_headers={"content-type": _UTF8_XML})
    if not feed.entries:
        reason = f"feed could not be parsed: {feed.get('bozo_exception')}" if feed.bozo else "feed has no items"
        yield InputProblem("E009", path, reason)
        return
    outlet = feed.feed.get("title") or None
    year_hint = published.year if published else None
    for number, entry in enumerate(feed.entries, start=1):
        source = f"{path}#item{number}"
        title = html_to_text(entry.get("title", "")) or None
        body = _entry_text(entry) or title  # a headline-only item is still a (short) article
        if not body:
            yield InputProblem("E006", source, "feed item has neither content, summary nor title")
            continue
        yield Article.from_text(
            body, title=title, url=entry.get("link") or None, outlet=outlet, source_path=source,
            published=_entry_date(entry) or dateline_date(body, year_hint) or published,
        )
