"""HTML pages: the main text via trafilatura, with title, date, outlet and URL from the page metadata."""

from __future__ import annotations

from datetime import date

import trafilatura

from sitrep.ingest.dating import dateline_date, parse_published
from sitrep.ingest.problems import Rejected
from sitrep.model import Article


def article_from_html(html: str, source: str, published: date | None = None) -> Article:
    """The article in an HTML page; raises :class:`Rejected` (E009) when no main text is found.

    The page's own date wins over a dateline in its text, which wins over the caller's ``published``.
    """
    try:
        page = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=False)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many types on odd markup
        raise Rejected("E009", source, f"HTML could not be parsed: {type(exc).__name__}: {exc}") from exc
    text = getattr(page, "text", None) if page is not None else None
    if not text or not text.strip():
        raise Rejected("E009", source, "HTML page has no main text that could be extracted")
    year_hint = published.year if published else None
    own_date = parse_published(getattr(page, "date", None))
    return Article.from_text(
        text,
        title=getattr(page, "title", None) or None,
        url=getattr(page, "url", None) or None,
        outlet=getattr(page, "sitename", None) or getattr(page, "hostname", None) or None,
        published=own_date or dateline_date(text, year_hint) or published,
        source_path=source,
    )
