"""Independent origins: which reports are one source told several times.

A cluster's ``sources`` counts origins, not articles: a wire story reprinted by ten papers, an aggregator
reposting a paper's story and an archive copy of a page all count once. ``origin_key`` decides from the
article alone, in this order:

1. a news agency credited in the dateline or byline (data/cluster/wire_agencies.tsv) -> ``wire:<agency>``;
2. a repost: a text whose own lines are links to another site (aggregators list the story they copied) ->
   that site's domain;
3. the registered domain of the URL, archive wrappers (web.archive.org/web/<time>/<url>) unwrapped, so
   'www.', 'm.' and regional sub-sites of one outlet are one origin;
4. the outlet name, lower-cased; else the article id (an unknown origin is its own).

Exact and near copies never reach clustering: ingest links them to the article they copy.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol
from urllib.parse import urlsplit

from sitrep.resources import read_lines, read_table

__all__ = ["origin_key", "registered_domain", "unwrap_archive_url"]

_ARCHIVE = re.compile(r"^https?://(?:web\.)?archive\.org/web/[^/]*/(?P<inner>.+)$", re.IGNORECASE)
_ARCHIVE_HOSTS = ("archive.org", "archive.today", "archive.is", "archive.ph")
_LINK_LINE = re.compile(r"^\s*(?:source:\s*|via\s+)?(https?:/{1,2}\S+)\s*$", re.IGNORECASE | re.MULTILINE)
_CREDIT_WINDOW = 300


class _ArticleLike(Protocol):
    id: str
    url: str | None
    outlet: str | None


def unwrap_archive_url(url: str) -> str:
    """The original URL inside an archive.org copy ('.../web/2017.../https://site/page' -> 'https://site/page')."""
    match = _ARCHIVE.match(url.strip())
    if not match:
        return url.strip()
    inner = match.group("inner")
    if not re.match(r"^https?:/", inner, re.IGNORECASE):
        inner = "http://" + inner
    return re.sub(r"^(https?):/(?!/)", r"\1://", inner)


@functools.lru_cache(maxsize=1)
def _three_label_suffixes() -> frozenset[str]:
    return frozenset(read_lines("cluster/host_suffixes.txt"))


def registered_domain(url: str) -> str | None:
    """The outlet's domain of ``url``: 'http://losangeles.example.com:80/x' -> 'example.com'."""
    host = urlsplit(unwrap_archive_url(url)).hostname
    if not host:
        return None
    labels = host.lower().strip(".").split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in _three_label_suffixes():
        return ".".join(labels[-3:])
    return ".".join(labels[-2:]) if len(labels) >= 2 else host


@functools.lru_cache(maxsize=1)
def _wire_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = read_table("cluster/wire_agencies.tsv")
    return tuple((row["key"], re.compile(r"(?<![\w-])" + re.escape(row["pattern"]) + r"(?![\w-])"))
                 for row in rows)


def _wire_credit(text: str) -> str | None:
    window = text[:_CREDIT_WINDOW] + "\n" + text[-_CREDIT_WINDOW:]
    for key, pattern in _wire_patterns():
        if pattern.search(window):
            return key
    return None


def _reposted_from(text: str, own: str | None) -> str | None:
    for match in _LINK_LINE.finditer(text):
        domain = registered_domain(match.group(1))
        if domain and domain != own and domain not in _ARCHIVE_HOSTS:
            return domain
    return None


def origin_key(article: _ArticleLike, text: str | None = None) -> str:
    """The independent origin of ``article`` (an Article, or any object with id, url, outlet).

    ``text`` defaults to the article's own ``text`` attribute when it has one.
    """
    body = text if text is not None else getattr(article, "text", None) or ""
    return _origin(article.id, article.url, article.outlet, body)


# The store asks for a report's origin once for the article and once per event it holds.
@functools.lru_cache(maxsize=256)
def _origin(article_id: str, url: str | None, outlet: str | None, body: str) -> str:
    wire = _wire_credit(body) if body else None
    if wire:
        return f"wire:{wire}"
    domain = registered_domain(url) if url else None
    reposted = _reposted_from(body, domain) if body else None
    if reposted:
        return reposted
    if domain:
        return domain
    if outlet:
        return outlet.strip().lower()
    return f"article:{article_id}"
