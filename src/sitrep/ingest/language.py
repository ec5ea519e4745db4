"""Is this article English? A stopword-ratio test: cheap, and good enough to keep other languages out.

English running text is 30-55% function words ("the", "of", "and"...); other languages written in the
Latin alphabet score far lower against the English list. Terse wire English (names, numbers, few "the"s)
can also score low, so a text under ``min_english_ratio`` is only refused when it holds at least as many
function words of other languages (data/ingest/other_function_words.tsv) as English ones. Text in
another script has few Latin letters. Short texts (a headline) carry too few words for a ratio, so they
are only refused when they are mostly in another script.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from sitrep.resources import read_lines, read_table

MIN_WORDS_FOR_RATIO = 20  # below this, one missing "the" swings the ratio by 5 points or more
MIN_LATIN_SHARE = 0.5  # a text with fewer Latin letters than this is in another script
SAMPLE_CHARS = 20_000  # the start of an article says which language it is in

_WORD = re.compile(r"[^\W\d_]+")
_NON_LATIN = re.compile("[^\u0000-\u024f]")  # beyond Basic Latin .. Latin Extended-B


@dataclass(frozen=True)
class LanguageCheck:
    """The verdict on one text and the figures behind it (shown in the E008 message)."""

    is_english: bool
    english_ratio: float
    latin_share: float
    words: int
    likely_language: str | None = None  # ISO 639-1 code when other function words point to one

    def reason(self, min_ratio: float) -> str:
        supported = "only English articles are supported"
        if self.latin_share < MIN_LATIN_SHARE:
            return f"not English: only {self.latin_share:.0%} of its letters are Latin; {supported}"
        guess = f" (looks like '{self.likely_language}')" if self.likely_language else ""
        return (f"not English{guess}: {self.english_ratio:.0%} of its {self.words} words are English "
                f"function words, below min_english_ratio={min_ratio}; {supported}")


@functools.lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    return frozenset(read_lines("ingest/english_function_words.txt"))


@functools.lru_cache(maxsize=1)
def other_function_words() -> dict[str, tuple[str, ...]]:
    """Word -> the languages it is a function word of."""
    languages: dict[str, list[str]] = {}
    for row in read_table("ingest/other_function_words.tsv"):
        languages.setdefault(row["word"], []).append(row["language"])
    return {word: tuple(codes) for word, codes in languages.items()}


def check_english(text: str, min_ratio: float) -> LanguageCheck:
    """Whether ``text`` reads as English, judged on its first ``SAMPLE_CHARS`` characters."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    joined = "".join(words)
    letters = len(joined)
    latin_share = 1.0 - len(_NON_LATIN.findall(joined)) / letters if letters else 1.0
    english = english_function_words()
    english_hits = sum(1 for w in words if w in english)
    ratio = english_hits / len(words) if words else 0.0
    if latin_share < MIN_LATIN_SHARE and letters >= 10:
        return LanguageCheck(False, ratio, latin_share, len(words))
    if len(words) < MIN_WORDS_FOR_RATIO or ratio >= min_ratio:
        return LanguageCheck(True, ratio, latin_share, len(words))
    foreign = _foreign_language_hits(words)
    if english_hits > max(foreign.values(), default=0):
        return LanguageCheck(True, ratio, latin_share, len(words))
    likely = foreign.most_common(1)[0][0] if foreign else None
    return LanguageCheck(False, ratio, latin_share, len(words), likely)


def _foreign_language_hits(words: list[str]) -> Counter[str]:
    """How many of ``words`` are function words of each other language."""
    table = other_function_words()
    hits: Counter[str] = Counter()
    for word in words:
        for language in table.get(word, ()):
            hits[language] += 1
    return hits
