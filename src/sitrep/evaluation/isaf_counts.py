"""min_killed / min_captured for an ISAF press release, from the quantities stage's figures.

Releases state the result in a lead sentence and then retell it ('killed an insurgent leader and
detained several others ... Two additional suspected insurgents were detained'). The annotation takes
the least number of people the release commits to. Per kind (killed; captured and arrested):

* every figure of the first sentence that reports one is counted (a sentence lists distinct people:
  'a commander and another militant');
* later, a definite phrase ('the leader', 'the two insurgents', 'him') retells people already counted
  and is skipped, as is a vague figure coordinated with one ('the leader and several associates');
* an indefinite one about the same kind of people (same head noun; unnamed people -- insurgents,
  suspects, individuals -- form one kind, generic_people.txt) refines the earlier figure: a precise
  figure replaces a vague one (unless the sentence says 'also'), else the larger stands, unless it says
  it adds people ('additional', 'other');
* an indefinite figure about other people ('a facilitator' ... 'Multiple suspected insurgents') adds;
* running totals ('since the first of the year') are not the release's event and are left out.
Vague amounts take the ISAF readings (several = 3, numerous = 4; isaf/vague_quantities.tsv).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.evaluation.isaf_labels import keyword_pattern
from sitrep.model import QuantityMention
from sitrep.pipeline.document import Document
from sitrep.resources import read_lines, read_table

KILLED = frozenset({"killed"})
CAPTURED = frozenset({"captured", "arrested"})
_ADDITIVE = re.compile(r"\b(?:also|additional|additionally|other|others|another|more)\b", re.IGNORECASE)
_ALSO = re.compile(r"\b(?:also|in addition)\b", re.IGNORECASE)
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "their", "its", "both", "him",
                       "them", "he", "they", "all"})


@dataclass
class _Figure:
    sent: int
    value: int
    vague: bool
    head: str
    words: str  # the figure's words, lower-cased: an identical phrase later is a retelling
    given: bool  # retells people already named (definite, pronoun)
    additive: bool
    also: bool  # the sentence says 'also': these people come on top of the ones before


@functools.lru_cache(maxsize=1)
def isaf_vague_values() -> dict[str, int]:
    return {row["phrase"]: int(row["value"]) for row in read_table("isaf/vague_quantities.tsv")}


@functools.lru_cache(maxsize=1)
def generic_people() -> frozenset[str]:
    return frozenset(read_lines("isaf/generic_people.txt"))


def _value(mention: QuantityMention) -> int:
    quantity = mention.quantity
    if quantity.vague:
        words = " ".join(quantity.span.text.lower().split())
        for phrase, value in isaf_vague_values().items():
            if re.search(rf"\b{re.escape(phrase)}\b", words):
                return value
    return quantity.value


def _figure(doc: Document, mention: QuantityMention) -> _Figure:
    span = mention.quantity.span
    words = span.text.lower().split()
    head, given = (words[-1] if words else ""), bool(words) and words[0] in _DEFINITE
    parsed = doc.parsed.char_span(span.start, span.end, alignment_mode="expand") if doc.parsed else None
    if parsed is not None and len(parsed):
        root = parsed.root
        head = root.lemma_.lower()
        first = root
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        # 'The leader and several associates were detained': a vague plural tagged onto a retold person.
        if first is not root and mention.quantity.vague and first.left_edge.lower_ in _DEFINITE:
            given = True
    if head in generic_people() or head.endswith("s") and head[:-1] in generic_people():
        head = "(people)"
    sentence = doc.sentences[mention.sent].text if 0 <= mention.sent < len(doc.sentences) else ""
    return _Figure(mention.sent, _value(mention), mention.quantity.vague, head, " ".join(words), given,
                   bool(_ADDITIVE.search(span.text)), bool(_ALSO.search(sentence)))


def _figures(doc: Document, kinds: frozenset[str], body_start: int) -> list[_Figure]:
    cumulative = keyword_pattern("cumulative")
    mentions = [m for m in doc.quantities if m.quantity.kind in kinds]
    mentions = [m for m in mentions
                if not (0 <= m.sent < len(doc.sentences) and cumulative.search(doc.sentences[m.sent].text))]
    in_body = [m for m in mentions if m.quantity.span.start >= body_start]
    # A headline retells the story ('Several Suspected Insurgents Detained in Helmand'): read the body.
    return [_figure(doc, m) for m in (in_body or mentions)]


def minimum_count(doc: Document, kinds: frozenset[str], body_start: int = 0) -> int:
    figures = _figures(doc, kinds, body_start)
    if not figures:
        return 0
    lead = figures[0].sent
    counted: list[_Figure] = []
    for figure in figures:
        if figure.sent == lead:
            counted.append(figure)
            continue
        if figure.given:
            continue
        same = [c for c in counted if c.head == figure.head]
        if not same:
            counted.append(figure)
        elif same[-1].vague and not figure.vague and not figure.also:
            same[-1].value, same[-1].vague = figure.value, False
        elif figure.additive and figure.words != same[-1].words:
            counted.append(figure)
        else:
            same[-1].value = max(same[-1].value, figure.value)
    return sum(c.value for c in counted)
