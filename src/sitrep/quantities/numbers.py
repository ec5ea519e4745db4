"""Number phrases in text: digits, number words, ranges, bounds and vague amounts.

``find_numbers`` scans a stretch of text with one compiled regex and returns each phrase with its
character offsets and value, so later steps (the parse-based casualty reader, materiel, dates) only
have to ask "which number phrase sits in this noun phrase?".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.resources import read_table


@dataclass(frozen=True)
class NumberPhrase:
    """A figure as written: ``value`` is the best reading, ``low``/``high`` its bounds."""

    start: int
    end: int
    value: int
    low: int
    high: int | None
    vague: bool = False


@dataclass(frozen=True)
class VagueAmount:
    value: int
    low: int


@functools.lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[int, str]]:
    return {row["word"]: (int(row["value"]), row["kind"]) for row in read_table("quantities/number_words.tsv")}


@functools.lru_cache(maxsize=1)
def vague_amounts() -> dict[str, VagueAmount]:
    return {row["phrase"]: VagueAmount(int(row["value"]), int(row["low"]))
            for row in read_table("quantities/vague_quantities.tsv")}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# What an ASCII letter matches under re.IGNORECASE (Unicode): its two cases, and for 'i', 'k' and 's' the
# characters Unicode folds to them too (dotted capital I, dotless i, the Kelvin sign, the long s).
_FOLDS = {"i": "iI\u0130\u0131", "k": "kK\u212a", "s": "sS\u017f"}


def _caseless(text: str) -> str:
    """A literal phrase as a pattern that matches what ``(?i:phrase)`` matches, a space as ``\\s+``, each
    letter a character class. The same language as under IGNORECASE, but the regex engine can skip an
    alternative whose first class misses the next character without entering it (it cannot for a
    case-insensitive literal): the number scan runs over every article's whole text."""
    parts = []
    for char in text:
        if char == " ":
            parts.append(r"\s+")
        elif char.isascii() and char.isalpha():
            parts.append("[" + _FOLDS.get(char.lower(), char.lower() + char.upper()) + "]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _caseless_alternation(words: Iterable[str]) -> str:
    return "|".join(_caseless(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Written without the IGNORECASE flag (see _caseless), matching what it would match.
    word = _caseless_alternation(number_words())
    # One figure: 1,870 | 1870 | 2.5 million | twenty-one | two hundred and fifty | a hundred.
    num = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s+(?:{'|'.join(map(_caseless, ('million', 'thousand')))}))?"
           rf"|(?:(?:{'|'.join(map(_caseless, ('a', 'one')))})\s+(?:{'|'.join(map(_caseless, ('hundred', 'thousand')))})"
           rf"|(?:{word}))(?:(?:\s+{_caseless('and')}\s+|[\s-]+)(?:{word}))*")
    leads = ["between", "at least", "more than", "over", "no fewer than", "no less than", "nearly", "almost",
             "about", "around", "approximately", "roughly", "some", "up to", "as many as", "fewer than",
             "less than", "an estimated"]
    # The optional lead is tried at every character of the text; a look at the first letter rules out most
    # places before the alternatives are tried ('(?:X|)' is 'X?': X first, else nothing).
    initials = "".join(sorted({_caseless(lead[0])[1:-1] for lead in leads}))
    figure = (
        rf"(?:(?=[{initials}])(?P<lead>{'|'.join(_caseless(lead) for lead in leads)})|)\s*"
        rf"\b(?P<a>{num})\b"
        rf"(?:\s*(?P<sep>-|–|{'|'.join(_caseless(w) for w in ('to', 'and', 'or'))})\s*\b(?P<b>{num})\b)?"
    )
    numbers = re.compile(figure)
    phrases = (p for p in vague_amounts() if not p.startswith("("))  # "(plural)" is no phrase: see the table
    vague = re.compile(rf"(?i)\b(?P<vague>{_alternation(phrases)})\b")
    return numbers, vague


def word_value(text: str) -> int | None:
    """The value of one figure: '1,870' -> 1870, 'twenty-one' -> 21, 'two hundred and five' -> 205."""
    cleaned = text.lower().replace(",", "")
    parts = cleaned.replace("-", " ").split()
    if not parts:
        return None
    if parts[0].replace(".", "", 1).isdigit():
        base = float(parts[0])
        scale = {"million": 1_000_000, "thousand": 1000}.get(parts[1], 1) if len(parts) > 1 else 1
        return int(base * scale)
    words = number_words()
    total, current = 0, 0
    for part in parts:
        if part in ("and",):
            continue
        if part in ("a",):
            current = 1
            continue
        if part not in words:
            return None
        value, kind = words[part]
        if kind == "scale":
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0
        else:
            current += value
    return total + current


def _is_code(text: str, start: int, end: int) -> bool:
    """Digits inside a code or identifier ('2012-12-S-028', 'AK-47', 'F-16s', 'B52') count nothing."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    return before.isalnum() or before == "-" or after.isalpha() or (after == "-" and after2.isalnum())


def _read(match: re.Match[str]) -> NumberPhrase | None:
    if match["a"][0].isdigit() and _is_code(match.string, match.start("a"), match.end()):
        return None
    a = word_value(match["a"])
    if a is None:
        return None
    b = word_value(match["b"]) if match["b"] else None
    lead = " ".join((match["lead"] or "").lower().split())
    start = match.start("lead") if match["lead"] else match.start("a")
    # "killed five and 10 others were hurt": "and" joins a range only after "between"; a falling pair
    # ("killed 10 - 2 of them civilians") is no range either. Then only the first figure is read.
    is_range = b is not None and b > a and (match["sep"].lower() != "and" or lead == "between")
    if b is not None and is_range:
        # ACLED: a range reports its lower bound as the figure.
        return NumberPhrase(start, match.end(), a, a, b)
    if b is not None:
        return _read_single(a, lead, start, match.end("a"))
    return _read_single(a, lead, start, match.end())


def _read_single(a: int, lead: str, start: int, end: int) -> NumberPhrase:
    if lead in ("more than", "over"):
        # "more than 30" is at least 31: the figure is the least the words allow.
        return NumberPhrase(start, end, a + 1, a + 1, None)
    if lead in ("at least", "no fewer than", "no less than"):
        return NumberPhrase(start, end, a, a, None)
    if lead in ("up to", "as many as", "fewer than", "less than"):
        # Only a ceiling is stated: the figure is the ceiling, the floor unknown (1).
        return NumberPhrase(start, end, a, 1, a, vague=True)
    if lead:
        # "about 20", "nearly 20": approximate, recorded as stated.
        return NumberPhrase(start, end, a, a, a, vague=lead not in ("some",))
    return NumberPhrase(start, end, a, a, a)


def find_numbers(text: str, offset: int = 0) -> list[NumberPhrase]:
    """Every number phrase in ``text``; offsets are shifted by ``offset`` (the text's place in the article)."""
    numbers, vague = _patterns()
    found: list[NumberPhrase] = []
    for vague_match in vague.finditer(text):
        amount = vague_amounts()[" ".join(vague_match["vague"].lower().split())]
        found.append(NumberPhrase(vague_match.start() + offset, vague_match.end() + offset, amount.value,
                                  amount.low, None, vague=True))
    taken = [(p.start - offset, p.end - offset) for p in found]
    position = 0
    while (match := numbers.search(text, position)) is not None:
        phrase = _read(match)
        # Resume right after what was read, not after the whole match: in 'killed five and 10 others' the
        # 'and 10' is no range, and '10' must still be found.
        position = max(phrase.end if phrase is not None else match.end("a"), match.start() + 1)
        if phrase is None or any(s < phrase.end and phrase.start < e for s, e in taken):
            continue
        found.append(NumberPhrase(phrase.start + offset, phrase.end + offset, phrase.value, phrase.low,
                                  phrase.high, phrase.vague))
    return sorted(found, key=lambda p: p.start)
