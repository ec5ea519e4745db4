"""Word tables for the quantities stage (src/sitrep/data/quantities/), loaded once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sitrep.resources import read_lines, read_table


@dataclass(frozen=True)
class Trigger:
    """A word that reports casualties or captures: what kind, and where its people are."""

    kind: str
    patient: str  # "object" | "subject" | "of" | "head"
    with_prep: str | None = None  # e.g. "into" for 'taken into custody'
    with_object: str | None = None  # e.g. "custody"


@dataclass(frozen=True)
class MaterielWord:
    category: str
    item: str
    mass: bool = False  # a mass noun: 'the equipment' is no single item


@functools.lru_cache(maxsize=1)
def casualty_triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(lemma, pos) -> triggers; pos is 'verb', 'noun' or 'adj'."""
    table: dict[tuple[str, str], list[Trigger]] = {}
    for row in read_table("quantities/casualty_triggers.tsv"):
        prep, _, obj = row.get("with", "").partition(" ")
        trigger = Trigger(row["kind"], row["patient"], prep or None, obj or None)
        table.setdefault((row["lemma"], row["pos"]), []).append(trigger)
    return {key: tuple(value) for key, value in table.items()}


@functools.lru_cache(maxsize=1)
def not_people() -> frozenset[str]:
    return frozenset(read_lines("quantities/not_people.txt"))


@functools.lru_cache(maxsize=1)
def materiel_words() -> dict[str, MaterielWord]:
    return {row["word"]: MaterielWord(row["category"], row["item"], row["mass"] == "yes") for row in read_table("quantities/materiel.tsv")}


@functools.lru_cache(maxsize=1)
def materiel_actions() -> dict[str, str]:
    return {row["lemma"]: row["action"] for row in read_table("quantities/materiel_actions.tsv")}
