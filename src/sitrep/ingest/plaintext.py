"""Plain-text articles: a leading ``date YYYY-MM-DD`` (on its own line or not) sets the publication date."""

from __future__ import annotations

import re
from datetime import date

from sitrep.model import Article

_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})(?:\s+|\Z)")


def article_from_plain_text(text: str, source: str, published: date | None = None,
                            outlet: str | None = None) -> Article:
    """Make an Article; a leading ``date`` line is taken off the text and sets ``published``."""
    match = _DATE_LINE.match(text)
    if match:
        published = date(int(match[1]), int(match[2]), int(match[3]))
        text = text[match.end():]
    return Article.from_text(text, published=published, outlet=outlet, source_path=source)
