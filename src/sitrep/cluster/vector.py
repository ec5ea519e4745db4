"""The text vector of a mention: a hashed, TF-IDF-like bag of words, cheap enough to make per article.

Reports of one incident share the words no other report has: the victim's and the suspect's names, the
street, the business, the weapon. So the vector weights words by how much they say: spaCy's English stop
words count nothing, a capitalised word inside a sentence (a name) counts double, a number counts one and a
half, every other word one; repeats add sub-linearly (1 + log tf). Words are hashed (stable blake2b, not
Python's salted hash) into ``DIM`` buckets and the vector is L2-normalised, so cosine is a dot product.
It is sparse: a tuple of (bucket, weight) pairs sorted by bucket, small to store in a JSON column.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence

from sitrep.resources import read_table

__all__ = ["DIM", "NAME_MIN_IDF", "SparseVector", "centroid", "cosine", "name_keys", "text_vector", "words"]

DIM = 1 << 20
NAME_WEIGHT = 2.0
NUMBER_WEIGHT = 1.5

SparseVector = tuple[tuple[int, float], ...]
# A name pair counts when both its words are this rare in general news (IDF; 'police chief' is not a name,
# 'Kalif Goens' is): about a third of the capitalised pairs of a report pass.
NAME_MIN_IDF = 5.0

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|\d[\d,.]*\d|\d")
_SENTENCE_END = re.compile(r"[.!?\n]\s*$")
# Two capitalised words in a row, an initial allowed between them: a person's or a business's name.
_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\b")


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.lru_cache(maxsize=200_000)
def _bucket(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big") % DIM


def _word(token: str) -> str:
    return token.lower().replace("'s", "").strip("'-")


def words(text: str) -> list[str]:
    """The content words of ``text``, lower case, in order (stop words and single letters left out)."""
    stop = _stop_words()
    found = []
    for match in _TOKEN.finditer(text):
        word = _word(match.group())
        if (len(word) >= 2 or word.isdigit()) and word not in stop:
            found.append(word)
    return found


@functools.lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    """Word -> inverse document frequency in general news (data/cluster/idf.tsv), and the unseen word's."""
    rows = read_table("cluster/idf.tsv")
    df = {row["word"]: int(row["df"]) for row in rows}
    documents = df.pop("__documents__", 1)
    unseen = math.log((documents + 1) / 1) + 1.0
    return {word: math.log((documents + 1) / (n + 1)) + 1.0 for word, n in df.items()}, unseen


# token as matched -> its content word, or "" when it counts nothing (a stop word, a single letter): words
# repeat across reports, and this is the same test ``_weights`` made per token. Cleared when it grows large.
_CONTENT: dict[str, str] = {}
_CONTENT_MAX = 200_000


def _content_word(token: str) -> str:
    word = _CONTENT.get(token)
    if word is None:
        if len(_CONTENT) >= _CONTENT_MAX:
            _CONTENT.clear()
        word = _word(token)
        if (len(word) < 2 and not word.isdigit()) or word in _stop_words():
            word = ""
        _CONTENT[token] = word
    return word


def _weights(text: str) -> Counter[str]:
    idf, unseen = _idf()
    counts: dict[str, int] = {}
    shape: dict[str, float] = {}
    for match in _TOKEN.finditer(text):
        token = match.group()
        word = _content_word(token)
        if not word:
            continue
        counts[word] = counts.get(word, 0) + 1
        if word[0].isdigit():
            weight = NUMBER_WEIGHT
        elif token[0].isupper() and match.start() > 0 \
                and not _SENTENCE_END.search(text[max(0, match.start() - 3):match.start()]):
            weight = NAME_WEIGHT
        else:
            weight = 1.0
        if weight > shape.get(word, 0.0):
            shape[word] = weight
    return Counter({word: (1.0 + math.log(n)) * shape[word] * idf.get(word, unseen) for word, n in counts.items()})


def text_vector(text: str) -> SparseVector:
    """The unit-norm sparse vector of ``text`` (empty when it holds no content word)."""
    buckets: dict[int, float] = {}
    for word, weight in _weights(text).items():
        index = _bucket(word)
        buckets[index] = buckets.get(index, 0.0) + weight
    norm = math.sqrt(sum(v * v for v in buckets.values()))
    if not norm:
        return ()
    return tuple((index, round(value / norm, 6)) for index, value in sorted(buckets.items()))


# Bucket -> weight tables of recent vectors, by the vector's identity (the vector is kept with its table, so
# an id is never reused while its entry lives). The store compares a new report's vector with every member
# of every candidate cluster, and members' vectors (cached Mentions) recur from article to article: building
# the larger vector's table on each comparison was most of the cost of a cosine.
_TABLES: dict[int, tuple[Sequence[tuple[int, float]], dict[int, float]]] = {}
_TABLES_MAX = 4096


def _table(vector: Sequence[tuple[int, float]]) -> dict[int, float]:
    entry = _TABLES.get(id(vector))
    if entry is not None and entry[0] is vector:
        return entry[1]
    if len(_TABLES) >= _TABLES_MAX:
        _TABLES.clear()
    table = dict(vector)
    _TABLES[id(vector)] = (vector, table)
    return table


def cosine(a: Sequence[tuple[int, float]] | None, b: Sequence[tuple[int, float]] | None) -> float:
    """Cosine of two unit-norm sparse vectors (0.0 when either is missing or empty)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    get = _table(b).get
    return float(sum(value * get(index, 0.0) for index, value in a))


def centroid(vectors: Sequence[Sequence[tuple[int, float]] | None]) -> SparseVector:
    """The unit-norm mean of sparse vectors (empty when none has a word)."""
    total: dict[int, float] = {}
    for vector in vectors:
        for index, value in vector or ():
            total[index] = total.get(index, 0.0) + value
    norm = math.sqrt(sum(v * v for v in total.values()))
    return tuple((i, v / norm) for i, v in sorted(total.items())) if norm else ()


# The store asks for the names of one report once per event it holds (the same title and body each time).
@functools.lru_cache(maxsize=256)
def name_keys(text: str, min_idf: float = NAME_MIN_IDF) -> tuple[str, ...]:
    """The rare names of ``text``: pairs of capitalised words ('mondale goens') whose words are both rare
    in general news, lower case, sorted. Reports of one incident name the same victims, suspects and
    businesses, and keep naming them in follow-ups weeks later, when their other words have changed."""
    stop = _stop_words()
    idf, unseen = _idf()
    found: set[str] = set()
    for match in _NAME_PAIR.finditer(text):
        first, last = match.group(1).lower(), match.group(2).lower()
        if first in stop or last in stop:
            continue
        if min(idf.get(first, unseen), idf.get(last, unseen)) >= min_idf:
            found.add(f"{first} {last}")
    return tuple(sorted(found))
