"""Figures in a headline's telegraphic grammar, which drops the verb 'to be' ('4 shot on Columbus Street, 2 die',
'Four people shot outside nightclub', 'Man shot in Dayton'): the parser often reads such a figure as a noun
('4 shot') or an active subject ('people shot ...'), so the quantities stage also reads it from the words
(data/quantities/headline_words.tsv). Offsets are those of ``Article.title``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from sitrep.quantities.casualties import FATAL_WORDS, HIT, CasualtyFigure, is_people
from sitrep.quantities.noun_counts import NounCount, NumberIndex, count_noun
from sitrep.resources import read_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["telegraphic_figures"]

# Words allowed between a figure and its closing word: '4 teens hurt', '2 young men shot', '4 others hurt'.
_BETWEEN = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
# What may follow the closing word: a preposition, a comma, a dash, the end ('4 shot in ...', '2 dead, 3 hurt').
# A noun or a number after it makes it an active verb with an object ('Police shot man'): not a figure.
_AFTER = frozenset({"ADP", "PUNCT", "CCONJ", "ADV", "SCONJ", "PART"})
MAX_BETWEEN = 2


@functools.lru_cache(maxsize=1)
def headline_words() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in read_table("quantities/headline_words.tsv")}


def _kind(word: Token) -> str | None:
    kind = headline_words().get(word.lower_)
    if kind != HIT or word.i + 1 >= len(word.doc):
        return kind
    after = word.doc[word.i + 1:word.i + 3]
    if after[0].lower_ in FATAL_WORDS or (len(after) == 2 and after[0].lower_ == "to" and after[1].lower_ == "death"):
        return "killed"  # '3 shot dead', '2 shot to death'
    return kind


def _closes(word: Token) -> bool:
    """Nothing after the word makes it an active verb with an object."""
    if word.i + 1 >= len(word.doc):
        return True
    after = word.doc[word.i + 1]
    return after.pos_ in _AFTER or after.lower_ in FATAL_WORDS or after.is_space


def telegraphic_figures(parsed: Doc, numbers: NumberIndex) -> list[CasualtyFigure]:
    """Figures closed by a headline word ('4 shot', 'Three hurt', 'Man killed')."""
    found = []
    chained: set[int] = set()
    for word in parsed:
        kind = _kind(word)
        if kind is None or word.i in chained or (word.i > 0 and word.lower_ in FATAL_WORDS
                                                  and headline_words().get(parsed[word.i - 1].lower_) == HIT):
            continue  # 'dead' of '3 shot dead' was read with 'shot'
        last = word
        # 'shot and killed', 'stabbed and wounded': one figure; the dead among them counted once, as killed.
        while last.i + 2 < len(parsed) and parsed[last.i + 1].pos_ == "CCONJ" and _kind(parsed[last.i + 2]):
            last = parsed[last.i + 2]
            chained.add(last.i)
            kind = "killed" if "killed" in (kind, _kind(last)) else _kind(last)
        if kind is None or not _closes(last):
            continue
        before = []
        for token in reversed(parsed[max(word.i - MAX_BETWEEN - 1, 0):word.i]):
            if token.pos_ not in _BETWEEN or token.is_punct:
                break
            before.insert(0, token)
        if not before:
            continue
        start, end = before[0].idx, before[-1].idx + len(before[-1].text)
        number = numbers.first_within(start, end)
        count: NounCount | None
        if number is not None:
            count = NounCount(number.value, number.low, number.high, number.vague, number.start, end,
                              about_start=start, about_end=end)
        else:
            noun = before[-1]
            if noun.pos_ not in ("NOUN", "PROPN") or not is_people(noun):
                continue
            count = count_noun(noun, numbers)
            if count is None or count.vague:
                continue  # 'Teens shot' says people were hit, not how many
        found.append(CasualtyFigure(kind, count, word.i))
    return found
