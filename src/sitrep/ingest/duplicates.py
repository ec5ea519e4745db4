"""Exact and near-duplicate articles (syndicated copies), found with word-shingle MinHash.

Each article's 5-word shingles are hashed; a 64-value MinHash signature split into 16 bands of 4 finds
candidate pairs (locality-sensitive hashing, so cost stays linear in the number of articles), and each
candidate is confirmed with the exact Jaccard similarity of the two shingle sets. With 16 bands of 4, a
pair at Jaccard 0.7 becomes a candidate with probability 0.99, so thresholds from 0.7 up are safe.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from sitrep.model import Article

SHINGLE_WORDS = 5
BANDS = 16
ROWS_PER_BAND = 4

_WORD = re.compile(r"\w+")
# Fixed seeds: XOR with a random 64-bit mask acts as one hash permutation of the shingle hashes.
_MASKS = np.random.default_rng(20210904).integers(0, 2**63 - 1, size=BANDS * ROWS_PER_BAND, dtype=np.uint64)

_ROLL = np.uint64(1_000_003)
Shingles = npt.NDArray[np.uint64]


@dataclass(frozen=True)
class DuplicateLink:
    """One article that was not processed because it copies an earlier one."""

    article_id: str
    source: str
    duplicate_of: str
    similarity: float  # Jaccard similarity of word shingles; 1.0 for exact copies
    exact: bool


def shingle_hashes(text: str) -> Shingles:
    """Sorted unique 64-bit hashes of the text's lower-cased 5-word shingles (one shingle if shorter)."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    codes = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    span = min(SHINGLE_WORDS, len(words))
    count = len(words) - span + 1
    # A polynomial rolling hash of the word hashes (uint64 arithmetic wraps, as intended).
    shingles = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(span):
            shingles = shingles * _ROLL + codes[offset:offset + count]
    return np.unique(shingles)


@functools.lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    # blake2b, not hash(): the same text must give the same shingles in every process.
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def jaccard(a: Shingles, b: Shingles) -> float:
    if not len(a) and not len(b):
        return 1.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


@dataclass
class DuplicateIndex:
    """Articles seen so far; :meth:`check` links a new one to an earlier copy, or remembers it."""

    threshold: float
    _exact: dict[bytes, str] = field(default_factory=dict)
    _bands: dict[tuple[int, bytes], list[str]] = field(default_factory=dict)
    _shingles: dict[str, Shingles] = field(default_factory=dict)

    def check(self, article: Article) -> DuplicateLink | None:
        """A link to the earlier article that ``article`` copies; else None, and ``article`` is indexed."""
        source = article.source_path or article.id
        normalised = " ".join(_WORD.findall(article.text.lower()))
        digest = hashlib.blake2b(normalised.encode(), digest_size=16).digest()
        if digest in self._exact:
            return DuplicateLink(article.id, source, self._exact[digest], 1.0, exact=True)
        shingles = shingle_hashes(article.text)
        keys = self._band_keys(shingles)
        best_id, best = None, 0.0
        for candidate in {c for key in keys for c in self._bands.get(key, ())}:
            similarity = jaccard(shingles, self._shingles[candidate])
            if similarity > best:
                best_id, best = candidate, similarity
        if best_id is not None and best >= self.threshold:
            return DuplicateLink(article.id, source, best_id, round(best, 3), exact=False)
        self._exact[digest] = article.id
        self._shingles[article.id] = shingles
        for key in keys:
            self._bands.setdefault(key, []).append(article.id)
        return None

    @staticmethod
    def _band_keys(shingles: Shingles) -> list[tuple[int, bytes]]:
        if not len(shingles):
            return []
        signature = (shingles[:, None] ^ _MASKS[None, :]).min(axis=0)
        bands = signature.reshape(BANDS, ROWS_PER_BAND)
        return [(i, band.tobytes()) for i, band in enumerate(bands)]
