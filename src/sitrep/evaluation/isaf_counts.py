"""min_killed / min_captured for an ISAF press release, from the quantities stage's figures.

Releases state the result in a lead sentence and then retell it ('killed an insurgent leader and
detained several others ... Two additional suspected insurgents were detained'). The annotation takes
the least number of people the release commits to, so per kind:

* figures are summed within a sentence (one sentence lists distinct people: 'a commander and another
  militant');
* across sentences a retelling is not added: the larger total wins, unless the sentence says it adds
  people ('also', 'additional', 'in addition'), when it is added;
* a sentence with only vague figures ('several suspected insurgents') is ignored when some sentence
  gives a figure (a later 'Two ... were detained' makes 'several' precise); with only vague figures,
  they are read with the ISAF conventions (several = 3, numerous = 4).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from sitrep.model import QuantityMention
from sitrep.pipeline.document import Document
from sitrep.resources import read_table

KILLED = frozenset({"killed"})
CAPTURED = frozenset({"captured", "arrested"})
_ADDITIVE = re.compile(r"\b(?:also|additional|additionally|in addition|as well)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _SentenceTotal:
    sent: int
    value: int
    vague_only: bool
    additive: bool


@functools.lru_cache(maxsize=1)
def isaf_vague_values() -> dict[str, int]:
    return {row["phrase"]: int(row["value"]) for row in read_table("isaf/vague_quantities.tsv")}


def _value(mention: QuantityMention) -> int:
    quantity = mention.quantity
    if quantity.vague:
        words = " ".join(quantity.span.text.lower().split())
        for phrase, value in isaf_vague_values().items():
            if re.search(rf"\b{re.escape(phrase)}\b", words):
                return value
    return quantity.value


def _sentence_totals(doc: Document, kinds: frozenset[str]) -> list[_SentenceTotal]:
    by_sentence: dict[int, list[QuantityMention]] = defaultdict(list)
    for mention in doc.quantities:
        if mention.quantity.kind in kinds:
            by_sentence[mention.sent].append(mention)
    totals = []
    for sent, mentions in sorted(by_sentence.items()):
        text = doc.sentences[sent].text if 0 <= sent < len(doc.sentences) else ""
        totals.append(_SentenceTotal(sent, sum(_value(m) for m in mentions),
                                     all(m.quantity.vague for m in mentions), bool(_ADDITIVE.search(text))))
    return totals


def minimum_count(doc: Document, kinds: frozenset[str]) -> int:
    totals = _sentence_totals(doc, kinds)
    if any(not t.vague_only for t in totals):
        totals = [t for t in totals if not t.vague_only]
    result = 0
    for index, total in enumerate(totals):
        result = result + total.value if total.additive and index > 0 else max(result, total.value)
    return result
