"""min_killed / min_captured for an ISAF press release, from the quantities stage's figures.

Releases state the result in a lead sentence and then retell it ('a patrol shot a bomb maker and
held three men ... Two more suspects were held'). The annotation takes
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

import datetime as dt
import functools
import re
from dataclasses import dataclass

from sitrep.evaluation.isaf_labels import keyword_pattern
from sitrep.model import QuantityMention
from sitrep.pipeline.document import Document
from sitrep.quantities.numbers import find_numbers
from sitrep.resources import read_lines, read_table

KILLED = frozenset({"killed"})
CAPTURED = frozenset({"captured", "arrested"})
# 'other(s)' is left out: 'killed two and detained several others' contrasts, it does not add.
_ADDITIVE = re.compile(r"\b(?:also|additional|additionally|another|more)\b", re.IGNORECASE)
_BARE_AMOUNTS = frozenset({"several", "multiple", "numerous", "few", "many", "some", "others"})
_AMOUNT_NOUNS = frozenset({"number", "dozen", "dozens", "hundreds", "scores", "tens", "thousands", "group", "handful",
                           "couple"})
_ATTACK_NOUNS = frozenset({"attack", "bombing", "ambush", "explosion", "blast", "assault", "raid", "attacks"})
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
    inclusive: bool  # 'several insurgents, including the commander': a total over people already counted
    bare: bool  # a plural with no figure ('killing insurgent fighters'): after the lead it counts no one new
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
    inclusive = False
    parsed = doc.parsed.char_span(span.start, span.end, alignment_mode="expand") if doc.parsed else None
    if parsed is not None and len(parsed):
        root = parsed.root
        # 'a number of suspected insurgents', 'dozens of fighters': the people are the 'of' object.
        of_object = next((g for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
        if of_object is not None and (root.lower_ in _AMOUNT_NOUNS or root.lower_ in _BARE_AMOUNTS
                                      or root.pos_ == "NUM"):
            root = of_object  # 'three of his associates' are associates, new people unless definite
        head = root.lemma_.lower()
        inclusive = any(c.dep_ == "prep" and c.lower_ in ("including", "include")
                        for holder in (root, root.head) for c in holder.children)
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        # 'The leader and several associates were detained': a vague plural tagged onto a retold person.
        if first.i != root.i and mention.quantity.vague and first.left_edge.lower_ in _DEFINITE:
            given = True
        # 'three died', 'killing several': a figure with no noun points back at people already named.
        if root.pos_ == "NUM" or root.lower_ in _BARE_AMOUNTS:
            given = given or not _ADDITIVE.search(span.text)
    if head in generic_people() or head.endswith("s") and head[:-1] in generic_people():
        head = "(people)"
    sentence = doc.sentences[mention.sent].text if 0 <= mention.sent < len(doc.sentences) else ""
    # (The span of 'a number of insurgents' may stop at 'a number': look a word past it.)
    bare = mention.quantity.vague and not find_numbers(doc.text[span.start:span.end + 4])
    also = bool(_ALSO.search(sentence))
    return _Figure(mention.sent, _value(mention), mention.quantity.vague, head, " ".join(words), given, inclusive, bare,
                   also or bool(_ADDITIVE.search(span.text)), also)


def _is_background(doc: Document, mention: QuantityMention, event_date: dt.date | None) -> bool:
    """A running total, the releasing side's own losses, or a figure dated away from the operation
    ('In June, insurgents engaged the force ... killing more than 30')."""
    if not 0 <= mention.sent < len(doc.sentences):
        return False
    if keyword_pattern("cumulative").search(doc.sentences[mention.sent].text):
        return True
    if mention.quantity.kind == "killed" and keyword_pattern("security_forces").search(mention.quantity.span.text):
        return True
    if _past_attack(doc, mention):
        return True
    dates = [d.value for d in doc.dates if d.sent == mention.sent and d.kind != "dateline"]
    return event_date is not None and bool(dates) and all(abs((d - event_date).days) > 3 for d in dates)


def _past_attack(doc: Document, mention: QuantityMention) -> bool:
    """'an IED attack that killed four soldiers', 'responsible for kidnapping Afghan citizens': a target's
    record, told to say who he was. ISAF forces detain; insurgents kidnap and murder."""
    span = mention.quantity.span
    parsed = doc.parsed.char_span(span.start, span.end, alignment_mode="expand") if doc.parsed else None
    if parsed is None or not len(parsed):
        return False
    root = parsed.root
    crimes = ("kidnap", "abduct", "kidnapping", "abduction", "murder")
    if any(t.lemma_.lower() in crimes for t in (root.head, root.head.head)) or any(
            c.dep_ == "amod" and c.lemma_.lower() in crimes for c in root.children):
        return True
    verb = root.head
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() in _ATTACK_NOUNS


def event_figures(doc: Document, kinds: frozenset[str], body: range,
                  event_date: dt.date | None) -> list[QuantityMention]:
    """Figures of ``kinds`` that tell of the release's own operation."""
    return [m for m in doc.quantities if m.quantity.kind in kinds and m.quantity.span.start in body
            and not _is_background(doc, m, event_date)]


def _figures(doc: Document, kinds: frozenset[str], body: range, event_date: dt.date | None) -> list[_Figure]:
    mentions = [m for m in doc.quantities if m.quantity.kind in kinds and not _is_background(doc, m, event_date)
                and m.quantity.span.start < body.stop]
    in_body = [m for m in mentions if m.quantity.span.start >= body.start]
    # A headline retells the story ('Several Suspected Insurgents Detained in Helmand'): read the body.
    return [_figure(doc, m) for m in (in_body or mentions)]


def minimum_count(doc: Document, kinds: frozenset[str], body: range | None = None,
                  event_date: dt.date | None = None) -> int:
    """The least number of people of ``kinds`` the release commits to; ``body`` is the story's characters."""
    figures = _figures(doc, kinds, body or range(0, len(doc.text)), event_date)
    if not figures:
        return 0
    lead = figures[0].sent
    counted: list[_Figure] = []
    for figure in figures:
        if figure.sent == lead:
            counted.append(figure)
            continue
        if figure.given or figure.bare:
            continue
        if figure.inclusive:
            # The figure covers everyone so far plus, perhaps, others: keep whichever is larger.
            total = sum(c.value for c in counted)
            counted = [figure] if figure.value >= total else counted
            continue
        same = [c for c in counted if c.head == figure.head]
        if not same:
            counted.append(figure)
        elif same[-1].vague and not figure.vague and not figure.also:
            same[-1].value, same[-1].vague = figure.value, False
        elif figure.vague and not same[-1].vague and not figure.also:
            continue  # 'Several men were detained' after 'detained a leader and another associate': retold
        elif figure.additive and figure.words != same[-1].words and not (figure.vague and same[-1].vague):
            counted.append(figure)
        else:
            same[-1].value = max(same[-1].value, figure.value)
    return sum(c.value for c in counted)
