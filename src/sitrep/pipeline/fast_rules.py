"""spaCy's attribute ruler and rule lemmatizer, with the same output at a fraction of the cost.

In ``en_core_web_sm`` these two rule components cost more than the dependency
parser (~19 ms of ~55 ms per news article here): the attribute ruler runs a
179-pattern ``Matcher`` over every token and then sets attributes token by
token through Python objects, and the lemmatizer makes a ``Token`` and calls
``rule_lemmatize`` for every token. Both results depend on a few integer
attributes only, so this component works on ``Doc.to_array`` columns and
memoises per distinct key:

- the attribute ruler's patterns are all token tests on TAG, LOWER, DEP and
  IS_SPACE (a value, ``IN`` / ``NOT_IN`` lists or ``REGEX``). Which single-token patterns
  hold is a function of those four values; the few two-token patterns are
  checked at each position. As in ``AttributeRuler.match``, patterns apply in
  the order they were added, later ones winning, all tested on the attributes
  the tagger and parser set.
- the rule lemmatizer's lemma is a function of (ORTH, POS, MORPH) (its own cache
  key; ``is_base_form`` reads only POS and MORPH) and is set only where no rule
  set one, as the stock component (``overwrite=False``) does.

``FastRules.from_pipeline`` refuses (returns None) when a pattern uses anything
else, and ``pipeline/nlp.py`` then keeps the stock components. The output is
tested equal to the stock components' (tests/pipeline/test_fast_rules.py).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["FastRules"]

# A token's key: the values the attribute ruler's patterns test.
_KEY_ATTRS = (TAG, LOWER, DEP, IS_SPACE)
_KEY_NAMES = ("TAG", "LOWER", "DEP", "IS_SPACE")
# Columns written back, in this order.
_OUT_ATTRS = (POS, MORPH, LEMMA, TAG, DEP)

Test = Callable[[tuple[str, str, str, bool]], bool]


def _value_test(name: str, spec: Any) -> Test | None:
    """One attribute test of a Matcher token pattern, or None when unsupported."""
    at = _KEY_NAMES.index(name)
    if isinstance(spec, (str, bool)):
        return lambda key: key[at] == spec
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda key: key[at] in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            refused = frozenset(arg)
            return lambda key: key[at] not in refused
        if op == "REGEX" and isinstance(arg, str):
            pattern = re.compile(arg)
            return lambda key: isinstance(key[at], str) and pattern.search(str(key[at])) is not None
    return None


def _lowers(token_pattern: Mapping[str, Any]) -> frozenset[str] | None:
    """The words a token must be (its LOWER test as a set), or None when it is not a plain word test."""
    spec = token_pattern.get("LOWER")
    if isinstance(spec, str):
        return frozenset([spec])
    if isinstance(spec, dict) and list(spec) == ["IN"] and isinstance(spec["IN"], list):
        return frozenset(spec["IN"])
    return None


def _token_test(token_pattern: Mapping[str, Any]) -> Test | None:
    tests: list[Test] = []
    for name, spec in token_pattern.items():
        if name not in _KEY_NAMES:
            return None
        test = _value_test(name, spec)
        if test is None:
            return None
        tests.append(test)
    return lambda key: all(t(key) for t in tests)


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's attribute id: rules apply in this order
    tests: tuple[Test, ...]  # one per token of the pattern
    lowers: tuple[frozenset[str] | None, ...]  # per token: the words it must be, when the pattern says
    index: int  # which token of the match gets the attributes
    tests_word: bool  # some token test reads LOWER
    attrs: dict[int, int]  # output column -> value (string hash)

    @property
    def anchor(self) -> int | None:
        """A token of the pattern that must be one of a few words (to look the rule up by word)."""
        return next((k for k, lowers in enumerate(self.lowers) if lowers is not None), None)


def _with_set_index(lemmatizer: Any) -> Any:
    """A copy of the rule lemmatizer whose word index (per POS) is a frozenset instead of a list.
    ``rule_lemmatize`` tests ``form in index`` for every suffix rule that fits a word, a scan of up
    to 57,000 nouns each time (~4 ms per article); a set gives the same answers. The loaded
    component is left as it is (it stays serialisable)."""
    from spacy.lookups import Lookups

    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        source = lemmatizer.lookups.get_table(name)
        table = lookups.add_table(name)
        for key, value in source.items():
            table[key] = frozenset(value) if name == "lemma_index" and isinstance(value, list) else value
    fast = copy.copy(lemmatizer)
    fast.lookups = lookups
    fast.cache = {}
    return fast


@dataclass(frozen=True)
class _Row:
    """What the rules make of a token with one (TAG, LOWER, DEP, IS_SPACE) row."""

    key: tuple[str, str, str, bool]
    single: tuple[_Rule, ...]  # the single-token rules that hold
    anchored: tuple[tuple[_Rule, int], ...]  # longer rules anchored on this word (rule, anchor)
    id: int  # the row of _RowTable holding what ``single`` sets


class _RowTable:
    """Per memoised row: which output columns the rules set (mask), to what (values), and whether any
    rule holds at all; numpy arrays grown by doubling, so a document looks its tokens up at once."""

    def __init__(self) -> None:
        self.size = 0
        self.mask = np.zeros((64, len(_OUT_ATTRS)), dtype=bool)
        self.values = np.zeros((64, len(_OUT_ATTRS)), dtype=np.uint64)
        self.has_rules = np.zeros(64, dtype=bool)

    def add(self, settings: Mapping[int, int], has_rules: bool) -> int:
        if self.size == len(self.mask):
            self.mask = np.concatenate([self.mask, np.zeros_like(self.mask)])
            self.values = np.concatenate([self.values, np.zeros_like(self.values)])
            self.has_rules = np.concatenate([self.has_rules, np.zeros_like(self.has_rules)])
        for column, value in settings.items():
            self.mask[self.size, column] = True
            self.values[self.size, column] = value
        self.has_rules[self.size] = has_rules
        self.size += 1
        return self.size - 1

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self.mask, self.values, self.has_rules


class FastRules:
    """Attribute ruler + rule lemmatizer over ``Doc.to_array`` columns (see the module docstring)."""

    def __init__(self, rules: Sequence[_Rule], lemmatize: Callable[[Any], list[str]] | None,
                 nlp: Language) -> None:
        # Rules are looked up by a word they require; the rest (tag-map rules...) are tested on
        # every distinct (TAG, DEP, IS_SPACE), which does not depend on the word.
        self.by_word: dict[str, list[tuple[_Rule, int]]] = {}
        self.general: list[_Rule] = []
        self.general_multi: list[_Rule] = []
        for rule in rules:
            anchor = rule.anchor
            if anchor is None:
                # A word-dependent test (a LOWER regex) cannot be memoised without the word.
                by_position = len(rule.tests) > 1 or rule.tests_word
                (self.general_multi if by_position else self.general).append(rule)
                continue
            for word in rule.lowers[anchor] or ():
                self.by_word.setdefault(word, []).append((rule, anchor))
        # Rules of more than one token are tried position by position; the others depend on the token's
        # own (TAG, LOWER, DEP, IS_SPACE) alone, so what they set is memoised per such row (_Row).
        self.positional = [rule for rule in self.general_multi if len(rule.tests) > 1]
        self.lemmatize = lemmatize
        self.strings = nlp.vocab.strings
        self._general: dict[tuple[int, ...], tuple[_Rule, ...]] = {}
        self._keys: dict[tuple[int, ...], tuple[str, str, str, bool]] = {}
        self._rows: dict[tuple[int, ...], _Row] = {}
        self._table = _RowTable()
        self._lemmas: dict[tuple[int, int, int], int] = {}

    @classmethod
    def from_pipeline(cls, nlp: Language) -> FastRules | None:
        """Built from the loaded ``attribute_ruler`` and ``lemmatizer``; None if they are not the kind it knows."""
        if "attribute_ruler" not in nlp.pipe_names:
            return None
        ruler: Any = nlp.get_pipe("attribute_ruler")
        out_ids = dict(zip(_OUT_ATTRS, range(len(_OUT_ATTRS)), strict=True))
        rules: list[_Rule] = []
        for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            if not set(attrs) <= set(out_ids):
                return None
            # set_token_attrs gives MORPH through the morphology table: store the key that yields.
            columns = {out_ids[a]: (nlp.vocab.morphology.add(nlp.vocab.strings[v]) if a == MORPH else v)
                       for a, v in attrs.items()}
            for pattern in ruler.matcher.get(str(order))[1]:
                tests = [_token_test(t) for t in pattern]
                if any(t is None for t in tests) or not -len(tests) <= index < len(tests):
                    return None
                rules.append(_Rule(order, tuple(t for t in tests if t is not None),
                                   tuple(_lowers(t) for t in pattern), index % len(tests),
                                   any("LOWER" in t for t in pattern), columns))
        lemmatize = None
        if "lemmatizer" in nlp.pipe_names:
            lemmatizer = nlp.get_pipe("lemmatizer")
            if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
                return None
            lemmatize = _with_set_index(lemmatizer).rule_lemmatize
        return cls(rules, lemmatize, nlp)

    def _key(self, row: tuple[int, ...]) -> tuple[str, str, str, bool]:
        key = self._keys.get(row)
        if key is None:
            tag, lower, dep, space = row
            key = (self.strings[tag] if tag else "", self.strings[lower], self.strings[dep] if dep else "",
                   bool(space))
            self._keys[row] = key
        return key

    def _row(self, row: tuple[int, ...]) -> _Row:
        """The single-token rules that hold for a token of this row, what they set, and the longer
        rules anchored on its word."""
        key = self._key(row)
        general_key = (row[0], row[2], row[3])
        found = self._general.get(general_key)
        if found is None:
            found = tuple(r for r in self.general if r.tests[0](key))
            self._general[general_key] = found
        anchored = self.by_word.get(key[1], ())
        single = [*found, *(rule for rule, _ in anchored if len(rule.tests) == 1 and rule.tests[0](key)),
                  *(rule for rule in self.general_multi if len(rule.tests) == 1 and rule.tests[0](key))]
        settings: dict[int, int] = {}
        for rule in sorted(single, key=lambda r: r.order):  # later rules win, as in AttributeRuler
            settings.update(rule.attrs)
        memo = _Row(key, tuple(single), tuple((rule, anchor) for rule, anchor in anchored if len(rule.tests) > 1),
                    self._table.add(settings, bool(single)))
        self._rows[row] = memo
        return memo

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = [tuple(r) for r in doc.to_array(list(_KEY_ATTRS)).tolist()]
        memos = [self._rows.get(row) or self._row(row) for row in rows]
        # Longer rules (anchored on a word, or tried everywhere) are rare: their hits, per target token.
        extra: dict[int, list[_Rule]] = {}
        if self.positional or any(m.anchored for m in memos):
            keys = [m.key for m in memos]
            for i, memo in enumerate(memos):
                for rule, anchor in memo.anchored:
                    self._try(rule, i - anchor, keys, extra)
            for rule in self.positional:
                for start in range(len(rows)):
                    self._try(rule, start, keys, extra)
        ids = np.fromiter((m.id for m in memos), dtype=np.int64, count=len(memos))
        mask, values, has_rules = self._table.arrays()
        out = doc.to_array(list(_OUT_ATTRS))
        original = out.copy() if extra else out
        out = np.where(mask[ids], values[ids], out)
        for i, rules in extra.items():  # a token with both kinds: all its rules in their order, from scratch
            out[i] = original[i]
            for rule in sorted([*memos[i].single, *rules], key=lambda r: r.order):
                for column, value in rule.attrs.items():
                    out[i, column] = value
        if extra or has_rules[ids].any():
            doc.from_array(list(_OUT_ATTRS), out)  # type: ignore[arg-type]
        if self.lemmatize is not None:
            self._set_lemmas(doc)
        return doc

    @staticmethod
    def _try(rule: _Rule, start: int, keys: Sequence[tuple[str, str, str, bool]],
             hits: dict[int, list[_Rule]]) -> None:
        if start < 0 or start + len(rule.tests) > len(keys):
            return
        if all(test(keys[start + k]) for k, test in enumerate(rule.tests)):
            hits.setdefault(start + rule.index, []).append(rule)

    def _set_lemmas(self, doc: Doc) -> None:
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = self._lemmas.get(key)
            if value is None:
                value = self.strings.add(self.lemmatize(doc[i])[0])  # type: ignore[misc]
                self._lemmas[key] = value
            lemmas[i] = value
        doc.from_array([LEMMA], np.asarray(lemmas, dtype=np.uint64))  # type: ignore[arg-type]
