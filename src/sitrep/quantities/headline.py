"""Figures in a headline's telegraphic grammar, which drops the verb 'to be' ('4 shot on Columbus Street, 2 die',
'Four people shot outside nightclub', 'Man shot in Dayton'): the parser often reads such a figure as a noun
('4 shot') or an active subject ('people shot ...'), so the quantities stage also reads it from the words
(data/quantities/headline_words.tsv). Offsets are those of ``Article.title``.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from sitrep.quantities.casualties import FATAL_WORDS, HIT, CasualtyFigure, is_people, uncounted
from sitrep.quantities.noun_counts import NounCount, NumberIndex, count_noun, ordinals
from sitrep.resources import read_lines, read_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["states_a_number", "telegraphic_figures"]

# Words allowed between a figure and its closing word: '4 teens hurt', '2 young men shot', '4 others hurt'.
_BETWEEN = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
# What may follow the closing word: a preposition, a comma, a dash, the end ('4 shot in ...', '2 dead, 3 hurt').
# A noun or a number after it makes it an active verb with an object ('Police shot man'): not a figure.
_AFTER = frozenset({"ADP", "PUNCT", "CCONJ", "ADV", "SCONJ", "PART"})
MAX_BETWEEN = 2
MAX_ADVERBS = 2
_AGED = re.compile(r"olds?")
_AGE = re.compile(r"\d{1,3}-?(?:year|yr|month|week|day)s?-?old", re.IGNORECASE)  # '23-year-old', joined


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
    return after.pos_ in _AFTER or after.lower_ in FATAL_WORDS or after.is_space or after.lower_ in _openers()


@functools.lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Words opening a phrase of place that the tagger may take for an adjective ('shot outside bar'):
    data/quantities/headline_openers.txt."""
    return frozenset(read_lines("quantities/headline_openers.txt"))


@functools.lru_cache(maxsize=1)
def _multiples() -> tuple[dict[str, int], dict[str, str]]:
    return ({row["word"]: int(row["value"]) for row in read_table("quantities/headline_multiples.tsv")},
            {row["word"]: row["kind"] for row in read_table("quantities/headline_multiple_nouns.tsv")})


def multiple_figures(parsed: Doc) -> list[CasualtyFigure]:
    """'Double shooting in ...' (two hit), 'triple homicide' (three killed): data/quantities/headline_multiples.tsv."""
    values, nouns = _multiples()
    found = []
    for word in parsed:
        value = values.get(word.lower_)
        after = [t for t in parsed[word.i + 1:word.i + 3] if t.text not in ("-", "\u2013")]
        if value is None or not after or after[0].lower_ not in nouns:
            continue
        end = after[0].idx + len(after[0].text)
        found.append(CasualtyFigure(nouns[after[0].lower_], NounCount(value, value, value, False, word.idx, end,
                                                                       about_start=word.idx, about_end=end), word.i))
    return found


def telegraphic_figures(parsed: Doc, numbers: NumberIndex) -> list[CasualtyFigure]:
    """Figures closed by a headline word ('4 shot', 'Three hurt', 'Man killed'), and multiples ('double
    shooting', 'One dead in quadruple shooting') for a category no such figure gives."""
    found = _closed_figures(parsed, numbers)
    given = {"killed" if f.kind == "killed" else "injured" for f in found}
    return found + [f for f in multiple_figures(parsed) if ("killed" if f.kind == "killed" else "injured") not in given]


def states_a_number(words: str) -> bool:
    """Whether a headline's figure writes its number ('4 shot', 'One dead', 'double shooting'), rather than implying
    one from a noun ('Child shot': one; 'Kids hurt': a bare plural). A headline often names only the most salient
    victim ('Gunman kills mom, wounds baby' when five were shot), so an implied count does not overrule the body's."""
    from sitrep.quantities.numbers import find_numbers

    lowered = words.lower()
    return bool(find_numbers(words)) or any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in _multiples()[0])


def _closed_figures(parsed: Doc, numbers: NumberIndex) -> list[CasualtyFigure]:
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
        # An adverb between the people and the word: 'Toddler accidentally shot'; a fatal one makes them killed
        # ('Teen fatally shot', 'Man mortally wounded').
        start = word.i
        while start > 0 and parsed[start - 1].pos_ == "ADV" and start > word.i - MAX_ADVERBS:
            start -= 1
        if kind in (HIT, "injured") and any(t.lower_ in FATAL_WORDS for t in parsed[start:word.i]):
            kind = "killed"
        before = _group_before(parsed, start)
        count = _group_count(before, numbers)
        if count is None:
            continue
        # A list of groups: '2 adults, 2 children killed', 'Pregnant woman, 2 others shot' (a number in the
        # earlier group, or 'others' in the later one, says it is a list of people, not a place or a name).
        paired = False  # people joined one by one ('Man, woman and boy wounded')
        while before and before[0].i >= 2 and parsed[before[0].i - 1].lower_ in (",", "and"):
            earlier = _group_before(parsed, before[0].i - 1)
            more = _group_count(earlier, numbers)
            # 'Man, 3 girls shot': a person named before a counted group is one more.
            counted_later = numbers.first_within(before[0].idx, before[-1].idx + len(before[-1].text)) is not None
            # '3-year-old girl and 23-year-old woman wounded': two people 'and' joins; 'Man, woman and boy wounded':
            # a list of them.
            joiner = parsed[before[0].i - 1].lower_
            pair = (more is not None and more.value == 1 and not (more.vague or count.vague) and not counted_later
                    and ((joiner == "and" and count.value == 1) or (joiner == "," and paired)))
            paired = paired or pair
            if more is None or not (pair or numbers.first_within(more.start, more.end) or
                                    any(t.lower_ in ("other", "others") for t in before) or
                                    (counted_later and more.value == 1 and not more.vague
                                     and not all(t.like_num for t in before)
                                     and (earlier[0].i == 0 or parsed[earlier[0].i - 1].is_punct))):
                break
            if all(t.like_num for t in before) and not all(t.like_num for t in earlier):
                # A bare number after a counted noun is no second group of people: '17 scenes, 7 dead' (things
                # beside the toll), '3 children, 2 killed' (two of the three), not 24 or 5.
                break
            count = NounCount(count.value + more.value, count.low + more.low, None, False, more.start, count.end,
                              about_start=more.about_start, about_end=count.about_end)
            before = earlier
        found.append(CasualtyFigure(kind, count, word.i))
        found.extend(_fatal_after(parsed, last, numbers) if kind == HIT else [])
    return found


def _group_before(parsed: Doc, i: int) -> list[Token]:
    """The words naming people just before token ``i``: '4', 'Four people', '2 young men'."""
    before: list[Token] = []
    for token in reversed(parsed[max(i - MAX_BETWEEN - 1, 0):i]):
        if _AGED.fullmatch(token.lower_) and before == [] and token.i >= 4:
            return list(parsed[token.i - 4:token.i + 1])  # '16-year-old dies': one person given an age
        if token.pos_ not in _BETWEEN or token.is_punct or token.lower_ in headline_words():
            break
        before.insert(0, token)
    if before and before[0].lower_ == "old" and before[0].i >= 4 and _AGE.fullmatch(
            "".join(t.text for t in parsed[before[0].i - 4:before[0].i + 1]).lower()):
        return [*parsed[before[0].i - 4:before[0].i], *before]  # '23-year-old woman': the age with the person
    return before


def _group_count(before: list[Token], numbers: NumberIndex) -> NounCount | None:
    if not before:
        return None
    start, end = before[0].idx, before[-1].idx + len(before[-1].text)
    number = numbers.first_within(start, end)
    if number is not None and not _AGED.fullmatch(before[-1].lower_):
        return NounCount(number.value, number.low, number.high, number.vague, number.start, end,
                         about_start=start, about_end=end)
    noun = before[-1]
    nth = ordinals().get(before[0].lower_) if len(before) > 1 else None
    if nth is not None and is_people(noun):
        # 'Third person dies': headlines drop the article of 'a third victim died', a toll of three.
        return NounCount(nth, nth, nth, False, start, end, about_start=start, about_end=end)
    if _AGED.fullmatch(noun.lower_):
        return count_noun(noun, numbers)  # '16-year-old': the number is an age, the count is one
    if noun.pos_ not in ("NOUN", "PROPN") or not is_people(noun) or uncounted(noun):
        return None
    count = count_noun(noun, numbers)
    return None if count is None or count.vague else count  # 'Teens shot' says people were hit, not how many


def _fatal_after(parsed: Doc, word: Token, numbers: NumberIndex) -> list[CasualtyFigure]:
    """'5 shot, 1 fatally': the dead among those hit."""
    after = parsed[word.i + 1:word.i + 4]
    if len(after) == 3 and after[0].lower_ == "," and after[1].like_num and after[2].lower_ in FATAL_WORDS:
        number = numbers.first_within(after[1].idx, after[1].idx + len(after[1].text))
        if number is not None:
            return [CasualtyFigure("killed", NounCount(number.value, number.low, number.high, number.vague,
                                                       number.start, number.end), word.i)]
    return []
