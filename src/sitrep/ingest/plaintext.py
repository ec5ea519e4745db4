"""Plain-text articles.

The publication date comes from, in order: a leading ``date YYYY-MM-DD`` (on its own line or not; it is
taken off the text), a wire dateline near the top (``KABUL, Afghanistan (Jan. 25, 2013)``; kept in the
text, its place is evidence), then the ``published`` the caller gives (``--published``).
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.ingest.dating import dateline_date
from sitrep.model import Article

_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})(?:\s+|\Z)")


def article_from_plain_text(text: str, source: str, published: date | None = None,
                            outlet: str | None = None) -> Article:
    """Make an Article; a leading ``date`` line is taken off the text and sets ``published``."""
    match = _DATE_LINE.match(text)
    if match:
        published = date(int(match[1]), int(match[2]), int(match[3]))
        text = text[match.end():]
    else:
        published = dateline_date(text, year_hint=published.year if published else None) or published
    return Article.from_text(text, published=published, outlet=outlet, source_path=source)
