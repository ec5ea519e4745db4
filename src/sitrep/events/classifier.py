"""The trained event-type classifier: linear heads over embeddings, cue flags and lemma tf-idf.

Two heads share one feature scheme and one artifact (data/events/event_classifier.npz,
built by ``make train``, plain arrays so it loads without pickle):

- ``full``: [MiniLM embedding | cue flags | lemma tf-idf] -> code. Best, but the
  embedding costs ~8 ms a sentence, so it is used for snippets and for the few
  most event-like sentences of an article.
- ``lexical``: [cue flags | lemma tf-idf] -> code. Cheap; types every other
  candidate sentence and ranks which ones deserve the full head.

Classes are the 30 CASE 2021 codes plus ``NONE`` ("not an event").
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from sitrep.events.triggers import CueFeatures, CueHit, find_cues
from sitrep.resources import data_path

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

Matrix = npt.NDArray[np.float32]

NONE = "NONE"
MODEL_FILE = "events/event_classifier.npz"
# Another artifact can stand in for the bundled one, e.g. a model trained without the CASE dev split
# (``train_event_classifier.py --no-dev --out PATH``) so that `sitrep eval case2021` scores unseen data.
MODEL_ENV = "SITREP_EVENT_CLASSIFIER"


@dataclass(frozen=True)
class Unit:
    """What the classifier sees: a text (one sentence or a snippet) with its cues and lemma terms."""

    text: str
    cues: CueFeatures
    terms: tuple[str, ...]
    hits: tuple[CueHit, ...]


def lemma_terms(sents: Sequence[SpacySpan]) -> tuple[str, ...]:
    """Lower-cased lemmas of the words, and their bigrams (within a sentence)."""
    terms: list[str] = []
    for sent in sents:
        words = [t.lemma_.lower() for t in sent if not (t.is_punct or t.is_space)]
        terms.extend(words)
        terms.extend(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return tuple(terms)


def make_unit(sents: Sequence[SpacySpan]) -> Unit:
    """The classifier input for consecutive sentences of one spaCy doc."""
    hits_per_sent = [find_cues(s) for s in sents]
    # The span's own text: ``Doc.text`` is rebuilt from every token on each access.
    text = sents[0].doc[sents[0].start:sents[-1].end].text if sents else ""
    return Unit(text, CueFeatures.from_sentences(sents, hits_per_sent), lemma_terms(sents),
                tuple(h for hits in hits_per_sent for h in hits))


@dataclass(frozen=True)
class TermSpace:
    """Lemma tf-idf: sublinear tf, smoothed idf, L2-normalised (the same formula in training and use)."""

    vocab: dict[str, int]
    idf: Matrix

    @classmethod
    def fit(cls, documents: Sequence[Sequence[str]], min_df: int = 1) -> TermSpace:
        df: Counter[str] = Counter()
        for terms in documents:
            df.update(set(terms))
        kept = sorted(t for t, n in df.items() if n >= min_df)
        n = len(documents)
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in kept], dtype=np.float32)
        return cls({t: i for i, t in enumerate(kept)}, idf)

    def sparse(self, terms: Sequence[str]) -> tuple[npt.NDArray[np.int64], Matrix]:
        """Indices and tf-idf values of the known terms (the nonzero entries of the row)."""
        counts = Counter(self.vocab[t] for t in terms if t in self.vocab)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[index]
        return index, (values / np.linalg.norm(values)).astype(np.float32)


@dataclass(frozen=True)
class Head:
    """A multinomial logistic-regression head: rows of ``weights`` follow the feature layout."""

    weights: Matrix  # (n_features, n_classes)
    bias: Matrix  # (n_classes,)


@dataclass(frozen=True)
class EventClassifier:
    classes: tuple[str, ...]
    cue_names: tuple[str, ...]
    terms: TermSpace
    cue_scale: float
    term_scale: float
    full: Head  # rows: embedding (384), cues, terms
    lexical: Head  # rows: cues, terms

    def _cue_matrix(self, units: Sequence[Unit]) -> Matrix:
        rows = [[1.0 if name in u.cues.names else 0.0 for name in self.cue_names] for u in units]
        return np.array(rows, dtype=np.float32).reshape(len(units), len(self.cue_names)) * self.cue_scale

    def _logits(self, head: Head, units: Sequence[Unit], dense: Matrix) -> Matrix:
        offset = dense.shape[1]
        logits = dense @ head.weights[:offset] + head.bias
        term_rows = head.weights[offset:]
        for i, unit in enumerate(units):
            index, values = self.terms.sparse(unit.terms)
            if len(index):
                logits[i] += (values * self.term_scale) @ term_rows[index]
        return logits

    def lexical_proba(self, units: Sequence[Unit]) -> Matrix:
        return _softmax(self._logits(self.lexical, units, self._cue_matrix(units)))

    def full_proba(self, units: Sequence[Unit], embeddings: Matrix) -> Matrix:
        dense = np.hstack([embeddings.astype(np.float32), self._cue_matrix(units)])
        return _softmax(self._logits(self.full, units, dense))

    def save(self, path: Path) -> None:
        vocab = sorted(self.terms.vocab, key=self.terms.vocab.__getitem__)
        np.savez_compressed(
            path, classes=np.array(self.classes), cue_names=np.array(self.cue_names), vocab=np.array(vocab),
            idf=self.terms.idf, scales=np.array([self.cue_scale, self.term_scale], dtype=np.float32),
            full_w=self.full.weights.astype(np.float16), full_b=self.full.bias,
            lexical_w=self.lexical.weights.astype(np.float16), lexical_b=self.lexical.bias)

    @classmethod
    def load(cls, path: Path) -> EventClassifier:
        with np.load(path, allow_pickle=False) as z:
            vocab = [str(t) for t in z["vocab"]]
            return cls(
                classes=tuple(str(c) for c in z["classes"]), cue_names=tuple(str(c) for c in z["cue_names"]),
                terms=TermSpace({t: i for i, t in enumerate(vocab)}, z["idf"].astype(np.float32)),
                cue_scale=float(z["scales"][0]), term_scale=float(z["scales"][1]),
                full=Head(z["full_w"].astype(np.float32), z["full_b"].astype(np.float32)),
                lexical=Head(z["lexical_w"].astype(np.float32), z["lexical_b"].astype(np.float32)))


def _softmax(logits: Matrix) -> Matrix:
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


def model_path() -> Path:
    """The bundled classifier's file, or the one ``$SITREP_EVENT_CLASSIFIER`` names."""
    override = os.environ.get(MODEL_ENV)
    return Path(override) if override else data_path(MODEL_FILE)


def training_record_path(model: Path) -> Path:
    """The sidecar that lists the SHA-256 of every file a model was trained on."""
    return model.with_suffix(".trained_on.json")


def trained_on_hashes() -> frozenset[str]:
    """SHA-256 digests of the files the current model saw, so a scorer can say when it is not blind."""
    record = training_record_path(model_path())
    if not record.exists():
        return frozenset()
    return frozenset(entry["sha256"] for entry in json.loads(record.read_text(encoding="utf-8"))["trained_on"])


@functools.lru_cache(maxsize=1)
def get_classifier() -> EventClassifier:
    """The bundled classifier (or the one ``$SITREP_EVENT_CLASSIFIER`` names), loaded once per process."""
    return EventClassifier.load(model_path())
