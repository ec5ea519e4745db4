"""The claim lexicons: cue words with their commitment, hedges, framing terms (data/claims/*.tsv)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sitrep.model.records import Stance
from sitrep.resources import read_table

# A mined word is a cue candidate only if it heads a gold cue at least this often when it occurs
# (PolNeAR train). Below this, words like "call" or "show" cost more precision than they bring recall.
MIN_PRECISION = 0.25
# Parts of speech a cue head may have; nouns ("statement", "claims") head cues too.
CUE_POS = ("VERB", "NOUN", "AUX", "ADJ")


@dataclass(frozen=True)
class CueClass:
    name: str
    commitment: float
    stance: Stance


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, CueClass]
    cue_class: dict[str, str]  # lemma -> class name (hand list)
    cues: frozenset[tuple[str, str]]  # (lemma, coarse POS) accepted as cue heads
    mined: frozenset[str]  # every verb lemma the corpus has evidence on, accepted or not
    seen: frozenset[tuple[str, str]]  # every (lemma, POS) that heads a gold cue at least a few times
    precision: dict[tuple[str, str], float]  # how often each of those heads a cue when it occurs
    hedges: dict[str, float]  # hedge word -> commitment ceiling
    evidential: frozenset[str]  # hedges that report someone else's words ("reportedly", "allegedly")

    def class_of(self, lemma: str) -> CueClass:
        """Class of a cue lemma; mined words outside the hand list are 'other' (attitudes, intentions)."""
        return self.classes[self.cue_class.get(lemma, "other")]

    def is_cue(self, lemma: str, pos: str) -> bool:
        # Where the corpus has evidence on a word, it decides; the hand list only fills words it never saw
        # (e.g. "deny" in war reporting is common, in PolNeAR rare).
        return (lemma, pos) in self.cues or (pos == "VERB" and lemma in self.cue_class and lemma not in self.mined)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    classes = {
        row["class"]: CueClass(row["class"], float(row["commitment"]), row["stance"])  # type: ignore[arg-type]
        for row in read_table("claims/commitment.tsv")
    }
    cue_class = {row["lemma"]: row["class"] for row in read_table("claims/cue_classes.tsv")}
    rows = read_table("claims/cue_lexicon_mined.tsv")
    mined = {
        (row["lemma"], row["pos"]) for row in rows if row["pos"] in CUE_POS and float(row["precision"]) >= MIN_PRECISION
    }
    hedge_rows = read_table("claims/hedges.tsv")
    hedges = {row["term"]: float(row["commitment"]) for row in hedge_rows}
    evidential = frozenset(row["term"] for row in hedge_rows if row["kind"] == "evidential")
    precision = {(row["lemma"], row["pos"]): float(row["precision"]) for row in rows}
    return Lexicon(classes=classes, cue_class=cue_class, cues=frozenset(mined),
                   mined=frozenset(row["lemma"] for row in rows if row["pos"] == "VERB"),
                   seen=frozenset(precision), precision=precision, hedges=hedges,
                   evidential=evidential)


@functools.lru_cache(maxsize=1)
def framing_terms() -> dict[str, str]:
    """Lower-case phrase -> framing kind."""
    return {row["term"]: row["kind"] for row in read_table("claims/framing_terms.tsv")}
