"""The headline: the page title without the outlet's name after it, and a form of it the parser reads well.

"Four shot in Dayton - WHIO TV | Dayton, OH News" has the headline "Four shot in Dayton". Both functions keep
offsets, so a value read from the headline is a span of ``Article.title`` (``Span.field == "title"``).
"""

from __future__ import annotations

import re

from sitrep.resources import read_lines

__all__ = ["headline", "headline_end", "sentence_case"]

_TITLE_PARTS = re.compile(r"\s+[-|\u2013\u2014]\s+")
_CALL_LETTERS = re.compile(r"\b(?:[KW][A-Z]{2,3}|[A-Z]{3,})\b|\.com\b")
_WORD = re.compile(r"[A-Za-z]+")


def headline_end(title: str) -> int:
    """Where the headline ends in ``title``: the parts from the first one that names an outlet are cut (words in
    data/events/outlet_words.txt, call letters, a domain, after ' - ', ' | ' or a dash), the first part always
    kept."""
    words = set(read_lines("events/outlet_words.txt"))
    end = None
    for separator in _TITLE_PARTS.finditer(title):
        part_end = next((m.start() for m in _TITLE_PARTS.finditer(title, separator.end())), len(title))
        part = title[separator.end():part_end]
        if end is None:
            end = separator.start()
        if _CALL_LETTERS.search(part) or words & set(_WORD.findall(part)):
            return end
        end = part_end
    return len(title)


def headline(title: str | None) -> str:
    """The headline of a page title (the whole title when no outlet's name follows it)."""
    title = title or ""
    return title[:headline_end(title)]


def sentence_case(text: str) -> str:
    """A Title Cased Headline ("One Dead, Four Wounded In Drive-By Shooting") in lower case but for its first
    letter, so the tagger reads its verbs as verbs ("One dead, four wounded in drive-by shooting"); words in
    capitals (NYE, ATM) stay. A headline in sentence case is returned as it is. Same length, same offsets."""
    words = _WORD.findall(text)
    titled = [w for w in words if w[0].isupper() and not w.isupper()]
    lower = [w for w in words if w.islower()]
    if len(words) < 3 or len(titled) <= 2 * len(lower):
        return text

    def fold(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if word.isupper() and len(word) > 1 else word.lower()

    folded = _WORD.sub(fold, text)
    if text[:1].isupper():
        folded = text[0] + folded[1:]  # the first letter as written
    return folded if len(folded) == len(text) else text
