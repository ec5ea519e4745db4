"""Reading the bundled data files (src/sitrep/data), each of which states its provenance."""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources
from pathlib import Path


def data_path(relative: str) -> Path:
    """Absolute path of a bundled data file."""
    return Path(str(resources.files("sitrep").joinpath("data", relative)))


@functools.lru_cache(maxsize=64)
def read_table(relative: str) -> tuple[dict[str, str], ...]:
    """Rows of a bundled TSV file; ``#`` lines are provenance comments, the first other line the header."""
    with data_path(relative).open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader)


@functools.lru_cache(maxsize=64)
def read_lines(relative: str) -> tuple[str, ...]:
    """Non-comment, non-blank lines of a bundled text file."""
    with data_path(relative).open(encoding="utf-8") as handle:
        return tuple(line.strip() for line in handle if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=16)
def read_kinds(relative: str) -> dict[str, frozenset[str]]:
    """A bundled ``kind``/``lemma`` TSV as kind -> lower-cased lemmas (data/events/modality.tsv, instruments.tsv)."""
    kinds: dict[str, set[str]] = {}
    for row in read_table(relative):
        kinds.setdefault(row["kind"], set()).add(row["lemma"].lower())
    return {kind: frozenset(lemmas) for kind, lemmas in kinds.items()}


@functools.lru_cache(maxsize=16)
def read_patterns(relative: str, key: str) -> dict[str, re.Pattern[str]]:
    """A bundled TSV of regular expressions as ``key`` column -> one case-blind alternation of its ``pattern`` rows
    (data/events/other_senses.tsv, violence_kind.tsv)."""
    grouped: dict[str, list[str]] = {}
    for row in read_table(relative):
        grouped.setdefault(row[key], []).append(row["pattern"])
    return {name: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
            for name, patterns in grouped.items()}
