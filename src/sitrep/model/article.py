"""The input record: one news article."""

from __future__ import annotations

import hashlib
from datetime import date

from pydantic import BaseModel, Field


def content_id(text: str, outlet: str | None = None, url: str | None = None) -> str:
    """Content-hash id, so re-ingesting the same article is idempotent."""
    digest = hashlib.sha256()
    for part in (outlet or "", url or "", text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return "a" + digest.hexdigest()[:15]


class Article(BaseModel):
    """An article as read by ingest. ``text`` is what every span points into."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str = "en"
    source_path: str | None = Field(default=None, description="file (and line) the article came from")
    copy_of: str | None = Field(default=None, description="id of the earlier article this one copies (a wire "
                                "reprint, a near copy): stored as a report of that article's events, not extracted")

    @classmethod
    def from_text(cls, text: str, **fields: object) -> Article:
        """Make an article with a content-hash id unless ``id`` is given."""
        outlet = fields.get("outlet")
        url = fields.get("url")
        article_id = fields.pop("id", None) or content_id(
            text, outlet if isinstance(outlet, str) else None, url if isinstance(url, str) else None
        )
        return cls(id=str(article_id), text=text, **fields)
