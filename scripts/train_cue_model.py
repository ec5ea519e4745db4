"""Train the attribution cue model (src/sitrep/data/claims/cue_model.npz) on PolNeAR *train* only.

    .venv/bin/python scripts/train_cue_model.py ../shared/data/polnear/train [--limit N]

Each candidate word (sitrep.claims.cue_model.is_candidate) outside quotations is labelled 1
when it lies inside a gold Cue span in any annotator's file (not only its head: "released a
statement saying" teaches "saying" too, and PolNeAR scores cues by overlap). A logistic
regression over hashed parse features is fitted on the articles outside 600-749, its
decision threshold chosen on articles 600-749 (best cue F1 by overlap of the whole
attribution finder), then refitted on all of them. Deterministic: sorted files, liblinear
with random_state=0.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

# Run as a script, so its own folder is on sys.path: the brat reader is shared with the lexicon miner.
from mine_cue_lexicon import annotation_files, cue_tokens, gold_cues, parse
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from sitrep.claims.attribution import find_attributions
from sitrep.claims.cue_model import (
    MODEL,
    N_FEATURES,
    CueModel,
    features,
    hash_rows,
    is_candidate,
    quote_neighbourhood,
)
from sitrep.claims.lexicon import Lexicon, lexicon
from sitrep.claims.quotes import find_quotes, quote_at
from sitrep.pipeline.nlp import load_nlp
from sitrep.resources import data_path

if TYPE_CHECKING:
    from spacy.tokens import Doc

HELD_OUT = range(600, 750)  # train articles (in name order) that choose the threshold


def cue_rows(doc: Doc, anns: list[Path], lex: Lexicon) -> tuple[list[dict[str, float]], list[int]]:
    """Feature rows of one article's cue candidates outside quotes, labelled 1 inside a gold cue."""
    inside = cue_tokens(doc, anns, whole_span=True)
    quotes = find_quotes(doc.text)
    near = quote_neighbourhood(doc, quotes)
    candidates = [t for t in doc if is_candidate(t, lex) and quote_at(quotes, t.idx) is None]
    return [features(t, lex, near) for t in candidates], [int(t.i in inside) for t in candidates]


def design_matrix(rows: list[dict[str, float]]) -> csr_matrix:
    """The hashed features as a sparse matrix, hashed exactly as CueModel.scores hashes them."""
    hashed = hash_rows(rows)
    pointers = np.append(hashed.starts, len(hashed.indices))
    matrix = csr_matrix((hashed.values, hashed.indices, pointers), shape=(len(rows), N_FEATURES))
    matrix.sum_duplicates()  # two features hashed to one column add up, as in CueModel.scores
    return matrix


def overlap_f1(gold: list[list[tuple[int, int]]], pred: list[list[tuple[int, int]]]) -> float:
    """Span F1 by overlap, pooled over articles (the measure `sitrep eval polnear` reports as f1_overlap)."""
    def hits(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
        return sum(any(s < e2 and s2 < e for s2, e2 in b) for s, e in a)
    p_hits = sum(hits(p, g) for g, p in zip(gold, pred, strict=True))
    r_hits = sum(hits(g, p) for g, p in zip(gold, pred, strict=True))
    n_pred, n_gold = sum(map(len, pred)), sum(map(len, gold))
    precision, recall = p_hits / max(n_pred, 1), r_hits / max(n_gold, 1)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def best_threshold(weights: np.ndarray, bias: float, docs: list[Doc], gold: list[list[tuple[int, int]]]) -> float:
    """The threshold giving the best cue F1 (overlap) of the whole attribution finder on held-out articles."""
    lex = lexicon()
    quotes = [find_quotes(doc.text) for doc in docs]
    best, best_f1 = 0.5, -1.0
    for threshold in np.arange(0.3, 0.56, 0.02):
        model = CueModel(weights=weights, bias=bias, threshold=float(threshold))
        pred = [[(f.cue.start, f.cue.end) for f in find_attributions(doc, q, lex, model)]
                for doc, q in zip(docs, quotes, strict=True)]
        f1 = overlap_f1(gold, pred)
        print(f"  threshold {threshold:.2f}: held-out cue F1 (overlap) {f1:.3f}")
        if f1 > best_f1:
            best, best_f1 = float(threshold), f1
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--C", type=float, default=0.25)
    parser.add_argument("--threshold", type=float,
                        help="fixed decision threshold (default: best cue F1 by overlap on train articles 600-749"
                             " with a model fitted on the other train articles)")
    parser.add_argument("--parses", type=Path, help="spaCy DocBin cache of the parsed articles (read if present, else written)")
    args = parser.parse_args()

    by_text = annotation_files(args.train)
    stems = list(by_text)[: args.limit or None]
    texts = [(args.train / "text" / f"{stem}.txt").read_text(encoding="utf-8") for stem in stems]
    nlp, lex = load_nlp(), lexicon()

    rows: list[dict[str, float]] = []
    labels: list[int] = []
    doc_of: list[int] = []
    held_docs: list[Doc] = []
    held_gold: list[list[tuple[int, int]]] = []
    for number, (stem, doc) in enumerate(zip(stems, parse(nlp, texts, args.parses), strict=True)):
        if number in HELD_OUT:
            held_docs.append(doc)
            held_gold.append(gold_cues(by_text[stem][0]))  # `sitrep eval polnear` scores the first annotator
        doc_rows, doc_labels = cue_rows(doc, by_text[stem], lex)
        rows += doc_rows
        labels += doc_labels
        doc_of += [number] * len(doc_rows)
    x = design_matrix(rows)
    y = np.array(labels)
    held = np.isin(np.array(doc_of), np.array(HELD_OUT))
    print(f"{len(stems)} articles, {len(y)} candidates, {int(y.sum())} inside a gold cue")

    model = LogisticRegression(C=args.C, solver="liblinear", random_state=0, max_iter=1000)
    model.fit(x[~held], y[~held])
    threshold = args.threshold if args.threshold is not None else \
        best_threshold(model.coef_[0], float(model.intercept_[0]), held_docs, held_gold)
    model.fit(x, y)
    meta = {"threshold": threshold, "C": args.C, "articles": len(stems), "candidates": len(y),
            "n_features": N_FEATURES, "threshold_chosen_on": "train articles 600-749",
            "provenance": "PolNeAR train (Newell et al., LREC 2018; research use), scripts/train_cue_model.py"}
    np.savez_compressed(data_path(MODEL), weights=model.coef_[0].astype(np.float32),
                        bias=np.float32(model.intercept_[0]), meta=np.array(json.dumps(meta)))
    print(f"wrote {data_path(MODEL)}")


if __name__ == "__main__":
    main()
