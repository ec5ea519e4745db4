"""Which words head an attribution cue: a linear model over parse features (data/claims/cue_model.npz).

Candidates are words the cue lexicons know (mined or hand-listed) and colons; the
model decides from the parse around each one whether it reports speech or belief
here ("said that ..." yes, "said" in "the so-called" no; "think" with a clausal
complement yes, "think" alone no). Features are hashed (CRC-32 into 2^18 columns),
so the bundled file holds only weights: trained by scripts/train_cue_model.py on
PolNeAR train with a fixed seed.
"""

from __future__ import annotations

import functools
import json
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from sitrep.claims.lexicon import Lexicon
from sitrep.claims.quotes import Quote
from sitrep.resources import data_path

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL = "claims/cue_model.npz"
N_FEATURES = 2**18
CANDIDATE_POS = ("VERB", "NOUN", "AUX", "ADJ")
# Dependents that tell reported speech apart: a clause, an infinitive, an object, a colon.
KEY_DEPS = frozenset({"nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "prep", "agent", "poss", "acl", "attr"})
CLAUSAL = ("ccomp", "xcomp", "dobj", "attr", "oprd", "acl", "prep", "advcl", "parataxis", "conj")


def is_candidate(token: Token, lex: Lexicon) -> bool:
    return _candidate(token.text, token.pos_, token.lemma_, token.lower_, lex)


def _candidate(text: str, pos: str, lemma: str, lower: str, lex: Lexicon) -> bool:
    if text == ":":
        return True
    if pos not in CANDIDATE_POS:
        return False
    lemma = lemma.lower()
    return (lemma, pos) in lex.seen or lemma in lex.cue_class or lower == "according"


def candidate_indices(doc: Doc, lex: Lexicon) -> list[int]:
    """Indices of the tokens :func:`is_candidate` accepts. Read from the doc's arrays with a memo per
    (word, POS, lemma): a Token and its strings for every word cost ~2.5x more."""
    from spacy.attrs import LEMMA, LOWER, ORTH, POS
    from spacy.parts_of_speech import NAMES

    memo = _candidate_memo(lex)
    strings = doc.vocab.strings
    found: list[int] = []
    for i, (orth, pos, lemma, lower) in enumerate(doc.to_array([ORTH, POS, LEMMA, LOWER]).tolist()):
        accepted = memo.get((orth, pos, lemma))
        if accepted is None:
            accepted = memo[(orth, pos, lemma)] = _candidate(strings[orth], NAMES[pos], strings[lemma],
                                                             strings[lower], lex)
        if accepted:
            found.append(i)
    return found


# Per lexicon (held here, so its id cannot be reused while its memo lives): (ORTH, POS, LEMMA) -> accepted.
_CANDIDATE_MEMOS: dict[int, tuple[Lexicon, dict[tuple[int, int, int], bool]]] = {}


def _candidate_memo(lex: Lexicon) -> dict[tuple[int, int, int], bool]:
    held = _CANDIDATE_MEMOS.get(id(lex))
    if held is None or len(held[1]) > 200_000:
        if len(_CANDIDATE_MEMOS) >= 4:
            _CANDIDATE_MEMOS.clear()
        held = _CANDIDATE_MEMOS[id(lex)] = (lex, {})
    return held[1]


def quote_neighbourhood(doc: Doc, quotes: Sequence[Quote], window: int = 3) -> Callable[[int], bool]:
    """Whether a token sits within ``window`` tokens of a quotation's edge (the '"...," he said' shape)."""
    near: set[int] = set()
    for quote in quotes:
        for offset in (quote.start, quote.end - 1):
            span = doc.char_span(offset, offset + 1, alignment_mode="expand")
            if span is not None:
                near.update(range(span.start - window, span.end + window))
    return near.__contains__


def _bucket(precision: float | None) -> str:
    if precision is None:
        return "none"
    return "hi" if precision >= 0.5 else "mid" if precision >= 0.25 else "lo" if precision >= 0.1 else "vlo"


def features(token: Token, lex: Lexicon, near_quote: Callable[[int], bool]) -> dict[str, float]:
    """Sparse binary features of a candidate cue head (the order of the keys is the order the weights are
    summed in: keep it)."""
    # Each attribute is read once: a spaCy attribute read builds a new string, a child a new Token.
    lemma = token.lemma_.lower()
    pos, tag, dep, i = token.pos_, token.tag_, token.dep_, token.i
    head = token.head
    head_lemma, head_pos = head.lemma_.lower(), head.pos_
    feats = {
        "bias": 1.0, f"lemma={lemma}": 1.0, f"pos={pos}": 1.0, f"tag={tag}": 1.0,
        f"dep={dep}": 1.0, f"lemma_dep={lemma}|{dep}": 1.0, f"lemma_tag={lemma}|{tag}": 1.0,
        f"head={head_lemma}|{head_pos}": 1.0, f"head_dep={head.dep_}": 1.0,
        f"prec={_bucket(lex.precision.get((lemma, pos)))}": 1.0,
        f"class={lex.cue_class.get(lemma, '-')}": 1.0,
    }
    doc = token.doc
    prev_tok = doc[i - 1].lower_ if i > 0 else "<s>"
    next_tok = doc[i + 1].lower_ if i + 1 < len(doc) else "</s>"
    feats[f"prev={prev_tok}"] = 1.0
    feats[f"next={next_tok}"] = 1.0
    feats[f"lemma_next={lemma}|{next_tok}"] = 1.0
    children = [(child, child.dep_) for child in token.children]
    deps = set()
    for child, child_dep in children:
        deps.add(child_dep)
        if child_dep in ("nsubj", "nsubjpass", "csubj"):
            kind = child.lower_ if child.pos_ == "PRON" else child.ent_type_ or child.pos_
            feats[f"subj={kind}"] = 1.0
            feats[f"lemma_subj={lemma}|{kind}"] = 1.0
        elif child_dep in ("aux", "neg", "prt", "mark", "prep", "auxpass"):
            feats[f"c={child_dep}|{child.lower_}"] = 1.0
        if child_dep in CLAUSAL:
            feats[f"lemma_c={lemma}|{child_dep}"] = 1.0
            marks = [g.lower_ for g in child.children if g.dep_ == "mark"]
            if marks:
                feats[f"mark={marks[0]}"] = 1.0
    for child_dep in deps:
        feats[f"cdep={child_dep}"] = 1.0
    key_deps = "+".join(sorted(deps & KEY_DEPS))
    feats[f"frame={key_deps}"] = 1.0
    feats[f"lemma_frame={lemma}|{key_deps}"] = 1.0
    if not deps & {"nsubj", "nsubjpass", "csubj"}:
        feats["no_subj"] = 1.0
        feats[f"lemma_nosubj={lemma}"] = 1.0
    if near_quote(i):
        feats["near_quote"] = 1.0
        feats[f"lemma_near_quote={lemma}"] = 1.0
    if _near_sentence_start(token, 4):
        feats["sent_start"] = 1.0
    # The words around the candidate: its governor, the words before it, its prepositions and subject.
    prev2 = doc[i - 2].lower_ if i > 1 else "<s>"
    feats[f"lemma_head={lemma}|{head_lemma}"] = 1.0
    feats[f"lemma_dep_head={lemma}|{dep}|{head_pos}"] = 1.0
    feats[f"prev2={prev2}"] = 1.0
    feats[f"lemma_prev={lemma}|{prev_tok}"] = 1.0
    for child, child_dep in children:
        if child_dep in ("prep", "dobj", "nsubj", "ccomp", "xcomp", "acomp", "attr"):
            feats[f"lemma_child={lemma}|{child_dep}|{child.lemma_.lower()}"] = 1.0
    if dep == "relcl" or head.dep_ == "relcl":
        feats["in_relcl"] = 1.0
    return feats


def _near_sentence_start(token: Token, window: int) -> bool:
    """``token.i - token.sent.start <= window``: a sentence starts at one of the ``window`` tokens before it
    or at it. ``Token.sent`` also walks to the sentence's end, ~4x the cost."""
    doc, i = token.doc, token.i
    if not doc.has_annotation("SENT_START"):
        return i - token.sent.start <= window  # raises as before: no sentence boundaries
    return i <= window or any(doc[j].is_sent_start for j in range(i - window, i + 1))


@dataclass(frozen=True)
class CueModel:
    weights: np.ndarray
    bias: float
    threshold: float

    def scores(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """Probability that each candidate heads a cue (rows are never empty: every one has 'bias')."""
        if not rows:
            return np.zeros(0)
        hashed = hash_rows(rows)
        contributions = self.weights[hashed.indices] * hashed.values
        logits = np.add.reduceat(contributions, hashed.starts) + self.bias
        return 1.0 / (1.0 + np.exp(-logits))


def feature_index(name: str) -> int:
    """Column of a feature: CRC-32 is stable across runs and platforms and in the standard library, so
    scoring needs no scikit-learn import (which costs more than a second at start-up). Memoised: most
    names ('bias', 'pos=VERB', 'lemma=say') come back in every article."""
    column = _COLUMNS.get(name)
    if column is None:
        column = zlib.crc32(name.encode("utf-8")) % N_FEATURES
        if len(_COLUMNS) < MAX_MEMOISED_COLUMNS:
            _COLUMNS[name] = column
    return column


MAX_MEMOISED_COLUMNS = 200_000  # ~25 MB at most
_COLUMNS: dict[str, int] = {}


@dataclass(frozen=True)
class HashedRows:
    """Rows of hashed features in compressed form: ``starts[i]`` is where row ``i`` begins."""

    indices: np.ndarray
    values: np.ndarray
    starts: np.ndarray


def hash_rows(rows: Sequence[dict[str, float]]) -> HashedRows:
    indices: list[int] = []
    values: list[float] = []
    starts: list[int] = []
    columns = _COLUMNS
    for row in rows:
        starts.append(len(indices))
        # the memo read inline (feature_index for the names not in it): ~30 names per candidate
        for name in row:
            column = columns.get(name)
            indices.append(column if column is not None else feature_index(name))
        values.extend(row.values())
    return HashedRows(np.array(indices, dtype=np.int64), np.array(values), np.array(starts, dtype=np.int64))


@functools.lru_cache(maxsize=1)
def cue_model() -> CueModel | None:
    """The bundled model, or None when it has not been trained (the lexicon alone decides then)."""
    path = data_path(MODEL)
    if not path.exists():
        return None
    with np.load(path) as data:
        meta = json.loads(str(data["meta"]))
        return CueModel(weights=data["weights"].astype(np.float64), bias=float(data["bias"]),
                        threshold=float(meta["threshold"]))
