"""The number scan is written without re.IGNORECASE (quicker to scan) and must match what it matched with it."""

import re
import sys

from sitrep.quantities.numbers import _caseless, _patterns, find_numbers


def test_each_letter_matches_what_ignorecase_matches() -> None:
    folding = [chr(i) for i in range(sys.maxunicode + 1) if re.fullmatch("(?i)[a-z]", chr(i))]
    for letter in "abcdefghijklmnopqrstuvwxyz":
        caseless = re.compile(_caseless(letter))
        assert [c for c in folding if caseless.fullmatch(c)] == [c for c in folding if re.fullmatch(f"(?i){letter}", c)]


def test_phrases_read_in_any_case() -> None:
    lower = find_numbers("at least twenty-one people were hurt near Brackenford")
    upper = find_numbers("AT LEAST TWENTY-ONE PEOPLE WERE HURT NEAR BRACKENFORD")
    assert [(n.start, n.end, n.value, n.low, n.high) for n in lower] == [(0, 19, 21, 21, None)]
    assert [(n.start, n.end, n.value, n.low, n.high) for n in upper] == [(0, 19, 21, 21, None)]
    # the long s folds to 's' under IGNORECASE: the scan matches 'ſeven' as it did (a word with no value, so
    # no figure), and a later figure is found after it as before
    assert _patterns()[0].search("ſeven were wounded") is not None
    assert [n.value for n in find_numbers("ſeven were wounded, 3 of them badly")] == [3]


def test_a_lead_inside_a_word_still_counts() -> None:
    # 'over' at the end of 'moreover' was read as a lead before the look at its first letter was added
    found = find_numbers("moreover 12 - 3 or 4 fled Dunmarsh")
    assert [(n.start, n.end, n.value, n.low, n.high) for n in found] == [(4, 11, 13, 13, None), (14, 20, 3, 3, 4)]
