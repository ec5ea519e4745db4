"""Score the attribution finder on the held-out PolNeAR *train* slice (articles 600-749, the model-selection
slice the cue model's threshold is chosen on), with the scorer of `sitrep eval polnear`.

    .venv/bin/python scripts/score_attribution_slice.py ../shared/data/polnear/train [--parses CACHE]
                                                         [--details FILE]

Articles are numbered in name order, as scripts/train_cue_model.py numbers them; gold is the first
annotator's file, as `sitrep eval polnear` reads it. Only claims.attribute runs on the parses (its spans
read nothing but the parse), so a DocBin cache of the parses makes a run take seconds.

The bundled cue model was refitted on all train articles, the slice included; so that the slice stays
held out, a model is fitted here on the other train articles exactly as scripts/train_cue_model.py fits
the one that chooses its threshold, and used with the bundled threshold (``--bundled``: the bundled one).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

# Run as a script, so its own folder is on sys.path: the brat reader and the fit are the trainer's.
from mine_cue_lexicon import annotation_files, count_cue_heads, parse
from sklearn.linear_model import LogisticRegression
from train_cue_model import HELD_OUT, cue_rows, design_matrix

import sitrep.claims.attribution as attribution
from sitrep.claims.attribution import AttributionFinder
from sitrep.claims.cue_model import CueModel, cue_model
from sitrep.claims.lexicon import CUE_POS, MIN_PRECISION, Lexicon, lexicon
from sitrep.evaluation.polnear import (
    PolnearItem,
    annotation_file,
    article_details,
    parse_ann,
    predicted_spans,
    score_polnear,
)
from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A few train files break an annotation's covered text over lines; only lines that open with an id are brat.
BRAT_LINE = re.compile(r"^[TERAN#]\d+\t")


def load_slice(train: Path) -> list[PolnearItem]:
    """The held-out articles with their first annotator's spans, read as `sitrep eval polnear` reads dev."""
    ann_files = sorted((train / "attributions").glob("*.ann"))
    items: list[PolnearItem] = []
    for text_file in sorted((train / "text").glob("*.txt")):
        ann = annotation_file(text_file, ann_files)
        if ann is None:
            continue
        lines = [line for line in ann.read_text(encoding="utf-8").splitlines() if BRAT_LINE.match(line)]
        text = text_file.open(encoding="utf-8", newline="").read()
        items.append(PolnearItem(text_file.stem, text, parse_ann(lines, str(ann))))
    return items[HELD_OUT.start:HELD_OUT.stop]


def held_out_lexicon(train: Path, docs: list[Doc]) -> Lexicon:
    """The lexicon as scripts/mine_cue_lexicon.py mines it (at least one gold cue), from the other articles."""
    pairs = zip(annotation_files(train).values(), docs, strict=True)
    n_cue, n_seen = count_cue_heads(pair for number, pair in enumerate(pairs) if number not in HELD_OUT)
    precision = {key: count / n_seen[key] for key, count in n_cue.items() if count >= 1}
    return dataclasses.replace(
        lexicon(),
        cues=frozenset(k for k, p in precision.items() if k[1] in CUE_POS and p >= MIN_PRECISION),
        mined=frozenset(lemma for lemma, pos in precision if pos == "VERB"),
        seen=frozenset(precision), precision=precision)


def held_out_model(train: Path, docs: list[Doc], lex: Lexicon, C: float) -> CueModel:
    """The cue model fitted on the train articles outside the slice, with the bundled threshold."""
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for number, (anns, doc) in enumerate(zip(annotation_files(train).values(), docs, strict=True)):
        if number in HELD_OUT:
            continue
        doc_rows, doc_labels = cue_rows(doc, anns, lex)
        rows += doc_rows
        labels += doc_labels
    fitted = LogisticRegression(C=C, solver="liblinear", random_state=0, max_iter=1000)
    fitted.fit(design_matrix(rows), np.array(labels))
    return CueModel(weights=fitted.coef_[0], bias=float(fitted.intercept_[0]), threshold=cue_model().threshold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--parses", type=Path, help="spaCy DocBin cache of the slice's parses (read if present, else written)")
    parser.add_argument("--bundled", action="store_true", help="score with the bundled cue model (it saw the slice)")
    parser.add_argument("--C", type=float, default=0.25, help="regularisation of the refitted model (the trainer's)")
    parser.add_argument("--details", type=Path, help="write one JSON line per article: missed and spurious spans")
    args = parser.parse_args()

    nlp = load_nlp()
    stems = list(annotation_files(args.train))
    texts = [(args.train / "text" / f"{stem}.txt").read_text(encoding="utf-8") for stem in stems]
    all_docs = parse(nlp, texts, args.parses)
    items = load_slice(args.train)
    docs = all_docs[HELD_OUT.start:HELD_OUT.stop]
    assert [d.text for d in docs] == [item.text for item in items], "article order differs"
    if not args.bundled:
        lex = held_out_lexicon(args.train, all_docs)
        model = held_out_model(args.train, all_docs, lex, args.C)
        # find_attributions and the finder ask for the bundled model and lexicon by these names
        attribution.cue_model = lambda: model
        attribution.lexicon = lambda: lex

    finder = AttributionFinder()
    predicted = []
    for item, parsed in zip(items, docs, strict=True):
        document = Document(article=Article.from_text(item.text, id=f"polnear-{item.id}"), parsed=parsed)
        document.sentences = [document.span(s.start_char, s.end_char) for s in parsed.sents]
        predicted.append(predicted_spans(finder.match(document)))
    report = score_polnear([item.gold for item in items], predicted)
    print(json.dumps(report.to_json(), indent=2))
    if args.details is not None:
        with args.details.open("w", encoding="utf-8") as out:
            for item, spans in zip(items, predicted, strict=True):
                out.write(json.dumps(article_details(item, spans)) + "\n")


if __name__ == "__main__":
    main()
