"""How many people (or things) a noun phrase counts: '200 of them', 'two suspected insurgents', 'a leader'.

Works on the spaCy parse. The figure is a number phrase inside the noun phrase (found by
:mod:`sitrep.quantities.numbers`), else what the determiner and grammatical number imply: 'a', 'an',
'another', 'the' + singular, a person's name or 'him' = 1; a bare plural is a vague plural (see
vague_quantities.tsv, row '(plural)').
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.pipeline.parse import parsed_text
from sitrep.quantities.lexicon import materiel_words, not_people
from sitrep.quantities.numbers import NumberPhrase, vague_amounts
from sitrep.resources import read_table

if TYPE_CHECKING:
    from spacy.tokens import Token

SINGULAR_DETERMINERS = frozenset({"a", "an", "another", "one", "the", "this", "that", "his", "her", "its", "each"})
SINGULAR_PRONOUNS = frozenset({"him", "her", "he", "she", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"them", "they", "those", "these"})
NEGATORS = frozenset({"no", "none", "nobody", "neither", "nor"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which"})
TOTAL_NOUNS = frozenset({"total"})
NON_COUNT_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


@dataclass(frozen=True)
class NounCount:
    value: int
    low: int
    high: int | None
    vague: bool
    start: int  # characters covered: from the figure (or the phrase's first word) to the noun
    end: int
    pronoun: bool = False  # 'them', '200 of them': whom it counts must come from an antecedent
    about_start: int = 0  # the words naming whom the count is about ('Taliban fighters', 'them')
    about_end: int = 0


class NumberIndex:
    """Number phrases of a text, searchable by character range."""

    def __init__(self, phrases: list[NumberPhrase]) -> None:
        self.phrases = phrases
        self.starts = [p.start for p in phrases]

    def first_within(self, start: int, end: int) -> NumberPhrase | None:
        """The first phrase starting in ``[start, end)``, or one that began before and reaches into it.

        A phrase may run past ``end``: 'dozens of' when the noun phrase is just 'Dozens'.
        """
        i = bisect.bisect_left(self.starts, start)
        # A phrase that began before ``start`` ('more than 30' where the noun phrase starts at '30').
        if i > 0 and self.phrases[i - 1].end > start:
            return self.phrases[i - 1]
        if i < len(self.phrases) and self.phrases[i].start < end:
            return self.phrases[i]
        return None


def is_negated(noun: Token) -> bool:
    """'no civilians', 'no women or children' (the negation reaches every conjunct), 'nobody'."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.left_edge.lower_ == "neither":
        return True  # 'Neither the driver nor the other passenger was injured'
    for token in {noun, first}:
        if token.lower_ in NEGATORS or token.lower_ in ("no-one", "nobody"):
            return True
        if any(c.dep_ in ("det", "neg") and c.lower_ in NEGATORS for c in token.children):
            return True
    return False


@functools.lru_cache(maxsize=1)
def ordinals() -> dict[str, int]:
    return {row["word"]: int(row["value"]) for row in read_table("quantities/ordinals.tsv")}


def ordinal_place(noun: Token) -> int | None:
    """The place 'a third victim' gives its noun (with 'a' or 'another' only: 'the second man' names one)."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children):
        return None
    return next((ordinals()[c.lower_] for c in noun.children if c.dep_ == "amod" and c.lower_ in ordinals()), None)


def _plural() -> tuple[int, int]:
    amount = vague_amounts().get("(plural)")
    return (amount.value, amount.low) if amount else (2, 2)


# A number that gives someone's age: '14 year old Jacob', 'a 6-year-old', 'Talitha Bowman, 20,'.
# 'his 12- and 10-year-old sons': the first age shares the second one's 'year-old'.
_AGE_AFTER = re.compile(r"^\s*[-\u2013]?\s*(?:(?:and|or|to)\s+\d{1,3}\s*[-\u2013]?\s*)?(?:(?:year|yr|month|week|day)s?\s*[-\u2013]?\s*old|yo|y/o)\b",
                        re.IGNORECASE)


def _is_age(noun: Token, start: int, end: int) -> bool:
    text = parsed_text(noun.doc)
    if _AGE_AFTER.match(text[end:end + 32]):
        return True
    # A bare number after a name and a comma ('Talitha Bowman, 20, of Chattanooga').
    return start > noun.idx and noun.pos_ == "PROPN" and text[max(start - 3, 0):start].rstrip().endswith(",")


# An age written before the noun ('a 17-year-old', '15-year-old Trinity Gay'); the number reader skips it.
_AGED = re.compile(r"\b\d{1,3}\s*[-\u2013]?\s*(?:year|yr|month|week|day)s?\s*[-\u2013]?\s*olds?\b", re.IGNORECASE)


def _singular(noun: Token) -> bool:
    """Not a plural ('two 16-year-olds', 'teens')."""
    return noun.tag_ not in ("NNS", "NNPS") and not noun.lower_.endswith("olds")


def count_noun(noun: Token, numbers: NumberIndex) -> NounCount | None:
    """The count a noun phrase states or implies, or None if it counts nothing we can read."""
    if is_negated(noun) or (noun.ent_type_ in NON_COUNT_ENTITIES and noun.lower_ not in ("old", "olds")):
        return None  # 'a 16-year-old' is tagged as a date: its head 'old' is left to the age test below
    left = noun.left_edge.idx
    end = noun.idx + len(noun.text)
    about_start, about_end = left, end
    of_object = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
    pronoun = False
    if noun.lower_ in TOTAL_NOUNS and of_object is not None:
        # 'A total of 50 people were killed': the count is that of the 'of' object, not one 'total' ('a total of five
        # rounds' counts no one).
        things = {*not_people(), *materiel_words()}
        return None if of_object.lower_ in things or of_object.lemma_.lower() in things else count_noun(of_object, numbers)
    if (noun.like_num or noun.pos_ == "NUM") and of_object is not None:
        # '200 of them', 'three of his associates': the count is the number, about its 'of' object.
        about_start, about_end = of_object.left_edge.idx, of_object.right_edge.idx + len(of_object.right_edge)
        end = about_end
        pronoun = of_object.lower_ in PLURAL_PRONOUNS
    number = numbers.first_within(left, noun.idx + len(noun.text))
    if number is not None and number.start > 0 and parsed_text(noun.doc)[number.start - 1] in "/=#":
        number = None  # part of a web address or a reference ('wral.com/13334346', 'case #3'): no count
    if number is not None and "\n" in parsed_text(noun.doc)[number.end:noun.idx]:
        number = None  # a number on the line before ('Photo: 21 Pro Video' above 'A man died') counts nothing here
    if number is not None and _is_age(noun, number.start, number.end):
        number = None
        if _singular(noun):
            return NounCount(1, 1, 1, False, left, end, False, about_start, about_end)  # 'Talitha Bowman, 20,'
    if noun.lower_ in ("old", "olds") and not _AGED.search(parsed_text(noun.doc), left, end):
        return None
    if number is None and _AGED.search(parsed_text(noun.doc), left, end) and _singular(noun):
        # 'a 17-year-old', '15-year-old Trinity Gay': a person given an age is one person.
        return NounCount(1, 1, 1, False, left, end, False, about_start, about_end)
    if number is not None:
        return NounCount(number.value, number.low, number.high, number.vague, min(number.start, left), end,
                         pronoun, about_start, about_end)
    lower = noun.lower_
    if lower in SINGULAR_PRONOUNS:
        return NounCount(1, 1, 1, False, noun.idx, end, True, noun.idx, end)
    if lower in PLURAL_PRONOUNS:
        value, low = _plural()
        return NounCount(value, low, None, True, noun.idx, end, True, noun.idx, end)
    if lower == "another":
        return NounCount(1, 1, 1, False, noun.idx, end, False, noun.idx, end)  # 'wounded another'
    if noun.pos_ == "PRON":
        return None
    determiners = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "nummod")}
    # 'a commander and facilitator': a bare singular in a coordination shares the first one's article.
    # Headline style drops the article ('killed Taliban leader Wali'): a singular count noun is one person.
    # A name that is not a group's or a place's ('killed Rostum') is one person.
    singular = noun.tag_ == "NN" or (noun.tag_ == "NNP" and (
        bool(determiners & SINGULAR_DETERMINERS) or noun.dep_ == "conj"
        or noun.ent_type_ not in ("ORG", "NORP", "GPE", "LOC", "FAC")))
    if singular:
        nth = ordinal_place(noun)
        if nth is not None:
            # 'a third victim died': the toll is now three (the third counts the two before it).
            return NounCount(nth, nth, nth, False, left, end, False, about_start, about_end)
        return NounCount(1, 1, 1, False, left, end, False, about_start, about_end)
    if noun.tag_ in ("NNS", "NNPS") and any(c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj")
                                            for c in noun.children):
        return NounCount(2, 2, 2, False, left, end, False, about_start, about_end)  # 'both victims'
    if noun.tag_ in ("NNS", "NNPS") or (noun.tag_ == "NNP" and noun.ent_type_ == "NORP"):
        value, low = _plural()
        return NounCount(value, low, None, True, left, end, False, about_start, about_end)
    return None
