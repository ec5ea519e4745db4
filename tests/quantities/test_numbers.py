"""Number phrases: digits, words, ranges, bounds and ACLED's vague amounts (no spaCy needed)."""

from __future__ import annotations

import pytest

from sitrep.quantities.numbers import NumberPhrase, find_numbers, word_value


def only(text: str) -> NumberPhrase:
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "value"), [
    ("five", 5), ("twenty-one", 21), ("1,870", 1870), ("1870", 1870), ("two hundred and fifty", 250),
    ("a hundred", 100), ("2.5 million", 2_500_000), ("Fourteen", 14), ("two dozen", 24),
])
def test_word_values(text: str, value: int) -> None:
    assert word_value(text) == value


def test_ranges_report_the_low_figure() -> None:
    between = only("between 10 and 15 soldiers")
    assert (between.value, between.low, between.high) == (10, 10, 15)
    to = only("10 to 15 soldiers")
    assert (to.value, to.low, to.high) == (10, 10, 15)


def test_bounds() -> None:
    at_least = only("at least 7 people")
    assert (at_least.value, at_least.low, at_least.high) == (7, 7, None)
    more_than = only("more than 30 insurgents")
    assert (more_than.value, more_than.low) == (31, 31)
    dozens = only("more than two dozen guards")
    assert (dozens.value, dozens.low) == (25, 25)


@pytest.mark.parametrize(("text", "value"), [
    ("tens of people", 10), ("dozens of people", 12), ("hundreds of people", 100), ("several people", 3),
    ("a number of people", 3),
])
def test_vague_amounts_follow_acled(text: str, value: int) -> None:
    found = only(text)
    assert found.vague and found.value == value


def test_and_joins_a_range_only_after_between() -> None:
    found = find_numbers("killed five and wounded 10")
    assert [p.value for p in found] == [5, 10]


def test_offsets_point_into_the_text() -> None:
    text = "Rebels seized 1,870 vehicles."
    found = only(text)
    assert text[found.start:found.end] == "1,870"


def test_codes_and_model_names_are_no_counts() -> None:
    assert find_numbers("Release 2012-12-S-028 mentions an AK-47 and F-16s.") == []


def test_a_number_after_a_non_range_and_is_still_found() -> None:
    assert [p.value for p in find_numbers("killed five and 10 others")] == [5, 10]
