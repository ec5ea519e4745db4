"""The hand-made article-level check set (data/events/snippets.tsv): are the right events reported?

Each snippet lists the ACLED sub-event types it reports (none for appeals, threats, plans, negations
and generic statements). A predicted event is right when it matches a listed event not yet matched, so
precision counts spurious events and mistyped ones, and recall the listed events that were found.
``python -m sitrep.events.checks`` runs the whole pipeline over the set and prints the figures.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sitrep.events import taxonomy
from sitrep.resources import read_table

NO_EVENT = "-"


@dataclass(frozen=True)
class Snippet:
    expect: tuple[frozenset[str], ...]  # one set of accepted codes per reported event
    kind: str
    text: str


@functools.lru_cache(maxsize=1)
def snippets() -> tuple[Snippet, ...]:
    rows = read_table("events/snippets.tsv")
    return tuple(Snippet(tuple(frozenset(e.split("|")) for e in r["expect"].split(";") if e != NO_EVENT),
                         r["kind"], r["text"]) for r in rows)


def matched(expect: Sequence[frozenset[str]], predicted: Sequence[str]) -> int:
    """How many predicted codes each take a different expected event."""
    free = list(expect)
    hits = 0
    for code in predicted:
        slot = next((e for e in free if code in e), None)
        if slot is not None:
            free.remove(slot)
            hits += 1
    return hits


@dataclass
class Score:
    predicted: int = 0
    expected: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)  # "kind: expected -> predicted: text"

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


def score(codes_of: Callable[[str], list[str]], items: Sequence[Snippet] | None = None) -> Score:
    """Figures for ``codes_of`` (text -> predicted sub-event codes) over the snippets."""
    result = Score()
    for item in items if items is not None else snippets():
        predicted = codes_of(item.text)
        right = matched(item.expect, predicted)
        result.predicted += len(predicted)
        result.expected += len(item.expect)
        result.right += right
        if right != len(predicted) or right != len(item.expect):
            wanted = ";".join("|".join(sorted(e)) for e in item.expect) or NO_EVENT
            result.wrong.append(f"{item.kind}: {wanted} -> {';'.join(predicted) or NO_EVENT}: {item.text[:90]}")
    return result


def pipeline_codes(text: str) -> list[str]:
    """Sub-event codes of the events the whole pipeline builds from ``text``."""
    from sitrep.api import extract

    by_name = {sub.name: sub.code for sub in taxonomy.sub_event_types().values()}
    return [by_name[event.sub_event_type] for event in extract(text)]


def main() -> None:
    result = score(pipeline_codes)
    print(json.dumps({"precision": round(result.precision, 4), "recall": round(result.recall, 4),
                      "predicted": result.predicted, "expected": result.expected, "right": result.right,
                      "wrong": result.wrong}, indent=1))


if __name__ == "__main__":
    main()
