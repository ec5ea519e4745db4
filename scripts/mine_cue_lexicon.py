"""Mine the attribution cue lexicon from the PolNeAR *train* split (never dev).

For every lemma (by coarse part of speech) we count how often it heads a gold
Cue span and how often it occurs at all, so the finder can keep only words that
are usually cues. Writes src/sitrep/data/claims/cue_lexicon_mined.tsv.

    .venv/bin/python scripts/mine_cue_lexicon.py ../shared/data/polnear/train [--limit N]

Deterministic: files are read in sorted order and the output is sorted.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from sitrep.pipeline.nlp import load_nlp

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--min-cue", type=int, default=3)
    args = parser.parse_args()

    anns = sorted((args.train / "attributions").glob("*.ann"))
    if args.limit:
        anns = anns[: args.limit]
    nlp = load_nlp()
    texts = []
    for ann in anns:
        stem = re.sub(r"_[0-9a-f]+$", "", ann.stem)  # brat names carry an annotator suffix
        texts.append((ann, (args.train / "text" / f"{stem}.txt").read_text(encoding="utf-8")))

    n_cue: Counter[tuple[str, str]] = Counter()
    n_seen: Counter[tuple[str, str]] = Counter()
    for (ann, _), doc in zip(texts, nlp.pipe([t for _, t in texts], batch_size=16), strict=True):
        heads = set()
        for start, end in gold_cues(ann):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                heads.add(span.root.i)
        for tok in doc:
            if tok.pos_ not in POS:
                continue
            key = (tok.lemma_.lower(), tok.pos_)
            n_seen[key] += 1
            if tok.i in heads:
                n_cue[key] += 1

    rows = sorted(((k, c) for k, c in n_cue.items() if c >= args.min_cue), key=lambda kc: (-kc[1], kc[0]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# Attribution cue heads mined from PolNeAR train (Newell et al., LREC 2018), research use.\n")
        out.write(f"# Made by scripts/mine_cue_lexicon.py over {len(anns)} annotation files; the dev split was not read.\n")
        out.write("# n_cue: times the lemma heads a gold Cue span; n_seen: times it occurs; precision = n_cue / n_seen.\n")
        out.write("lemma\tpos\tn_cue\tn_seen\tprecision\n")
        for (lemma, pos), count in rows:
            out.write(f"{lemma}\t{pos}\t{count}\t{n_seen[(lemma, pos)]}\t{count / n_seen[(lemma, pos)]:.3f}\n")
    print(f"wrote {len(rows)} lemmas to {OUT}")


if __name__ == "__main__":
    main()
