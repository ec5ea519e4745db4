"""Build src/sitrep/data/cluster/idf.tsv: document frequencies of words in general English news.

The clustering text vector (sitrep/cluster/vector.py) weights each word by its inverse document frequency
in news unrelated to the clusters corpus: PolNeAR train (US political news), LGL (US local news) and
GeoVirus (WikiNews). Only words seen in at least ``MIN_DF`` documents are written; an unseen word gets the
highest weight (it is as rare as a name). Usage: scripts/build_cluster_idf.py [DATA_ROOT]
(default ../shared/data).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from sitrep.cluster.vector import words
from sitrep.resources import data_path

MIN_DF = 3


def documents(root: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "polnear/train/text").glob("*.txt"))]
    for name in ("geo/lgl.jsonl", "geo/geovirus.jsonl"):
        with (root / name).open(encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    return texts


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    texts = documents(root)
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(words(text)))
    out = data_path("cluster/idf.tsv")
    with out.open("w", encoding="utf-8") as handle:
        handle.write("# Document frequency of words (lower case, vector.py tokens) in general news: PolNeAR train,\n"
                     "# LGL and GeoVirus from ../shared/data, built by scripts/build_cluster_idf.py; words in fewer\n"
                     f"# than {MIN_DF} documents left out. `documents` row: the number of documents read.\n")
        handle.write("word\tdf\n")
        handle.write(f"__documents__\t{len(texts)}\n")
        for word, n in sorted(df.items(), key=lambda item: (-item[1], item[0])):
            if n >= MIN_DF:
                handle.write(f"{word}\t{n}\n")
    print(f"{len(texts)} documents, {sum(1 for n in df.values() if n >= MIN_DF)} words -> {out}")


if __name__ == "__main__":
    main()
