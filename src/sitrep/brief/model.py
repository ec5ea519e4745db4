"""What a situation brief is made of: sections of sentences, each citing numbered events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = ["Brief", "Reference", "Section", "Sentence"]


@dataclass(frozen=True)
class Sentence:
    text: str
    citations: tuple[int, ...]  # reference numbers; never empty


@dataclass(frozen=True)
class Section:
    title: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Reference:
    n: int
    event_id: str
    url: str
    label: str


@dataclass(frozen=True)
class Brief:
    area: str
    date_from: dt.date
    date_to: dt.date
    previous_from: dt.date
    previous_to: dt.date
    sections: tuple[Section, ...]
    references: tuple[Reference, ...]
    notes: tuple[str, ...] = field(default=())  # unsourced remarks about the brief itself, never about events
