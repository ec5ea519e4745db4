"""Mine the attribution cue lexicon from the PolNeAR *train* split (never dev).

For every lemma (by coarse part of speech) we count how often it heads a gold
Cue span and how often it occurs at all, so the finder can keep only words that
are usually cues. Writes src/sitrep/data/claims/cue_lexicon_mined.tsv.

    .venv/bin/python scripts/mine_cue_lexicon.py ../shared/data/polnear/train [--parses CACHE] [--limit N]

Each article counts once; a word heads a cue when any annotator's file says so.
Deterministic: files are read in sorted order and the output is sorted.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import DocBin

from sitrep.pipeline.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

OUT = Path(__file__).resolve().parents[1] / "src/sitrep/data/claims/cue_lexicon_mined.tsv"
POS = {"VERB", "NOUN", "ADP", "PUNCT", "AUX", "ADJ"}


def gold_cues(ann: Path) -> list[tuple[int, int]]:
    """Outer character ranges of the Cue spans of one brat file."""
    cues = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T") and parts[1].startswith("Cue "):
            ranges = [tuple(map(int, r.split())) for r in parts[1][4:].split(";")]
            cues.append((ranges[0][0], ranges[-1][1]))
    return cues


def annotation_files(train: Path) -> dict[str, list[Path]]:
    """The .ann files of each article (by text stem), in name order; brat names carry an annotator suffix."""
    by_text: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((train / "attributions").glob("*.ann")):
        by_text[re.sub(r"_[0-9a-f]+$", "", ann.stem)].append(ann)
    return dict(sorted(by_text.items()))


def parse(nlp: Language, texts: list[str], cache: Path | None) -> list[Doc]:
    """The parses of ``texts``, from ``cache`` when it holds them (parsing 900 articles takes minutes)."""
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


def cue_tokens(doc: Doc, anns: list[Path], whole_span: bool = False) -> set[int]:
    """Tokens heading a gold cue in any annotator's file (``whole_span``: every token inside one)."""
    tokens: set[int] = set()
    for ann in anns:
        for start, end in gold_cues(ann):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                tokens.update(t.i for t in span) if whole_span else tokens.add(span.root.i)
    return tokens


def count_cue_heads(articles: Iterable[tuple[list[Path], Doc]]) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(n_cue, n_seen) per (lemma, POS): how often a word heads a gold cue, and how often it occurs."""
    n_cue: Counter[tuple[str, str]] = Counter()
    n_seen: Counter[tuple[str, str]] = Counter()
    for anns, doc in articles:
        heads = cue_tokens(doc, anns)
        for tok in doc:
            if tok.pos_ not in POS:
                continue
            key = (tok.lemma_.lower(), tok.pos_)
            n_seen[key] += 1
            n_cue[key] += tok.i in heads
    return n_cue, n_seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    # One gold cue is enough to make a word a candidate: the cue model, not the count, decides (held-out
    # train articles 600-749: cue F1 by overlap .779 with at least 3, .787 with at least 1).
    parser.add_argument("--min-cue", type=int, default=1)
    parser.add_argument("--parses", type=Path, help="spaCy DocBin cache of the parsed articles (read if present, else written)")
    args = parser.parse_args()

    by_text = annotation_files(args.train)
    stems = list(by_text)[: args.limit or None]
    texts = [(args.train / "text" / f"{stem}.txt").read_text(encoding="utf-8") for stem in stems]
    docs = parse(load_nlp(), texts, args.parses)
    n_cue, n_seen = count_cue_heads((by_text[stem], doc) for stem, doc in zip(stems, docs, strict=True))

    rows = sorted(((k, c) for k, c in n_cue.items() if c >= args.min_cue), key=lambda kc: (-kc[1], kc[0]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# Attribution cue heads mined from PolNeAR train (Newell et al., LREC 2018), research use.\n")
        out.write(f"# Made by scripts/mine_cue_lexicon.py over {len(stems)} articles (any annotator's cue counts);"
                  " the dev split was not read.\n")
        out.write("# n_cue: times the lemma heads a gold Cue span; n_seen: times it occurs; precision = n_cue / n_seen.\n")
        out.write("lemma\tpos\tn_cue\tn_seen\tprecision\n")
        for (lemma, pos), count in rows:
            out.write(f"{lemma}\t{pos}\t{count}\t{n_seen[(lemma, pos)]}\t{count / n_seen[(lemma, pos)]:.3f}\n")
    print(f"wrote {len(rows)} lemmas to {OUT}")


if __name__ == "__main__":
    main()
