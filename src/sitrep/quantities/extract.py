"""Casualty and capture figures, and materiel seized or destroyed (the quantities stage).

Numbers are found once per article with compiled regexes (:mod:`sitrep.quantities.numbers`); the parse
ties each to the word that says what happened (:mod:`~sitrep.quantities.casualties`,
:mod:`~sitrep.quantities.materiel`). ``Quantity.about`` is the canonical actor named in the counted noun
phrase ('200 Taliban fighters'); for a pronoun ('killed 200 of them') it is the nearest preceding actor
mention that is not the subject, or :data:`UNRESOLVED` when there is none.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sitrep.model import ActorMention, Materiel, MaterielMention, Quantity, QuantityMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document
from sitrep.quantities.casualties import HIT, CasualtyFigure, read_casualties
from sitrep.quantities.materiel import read_materiel
from sitrep.quantities.noun_counts import NumberIndex
from sitrep.quantities.numbers import find_numbers

UNRESOLVED = "?unresolved"  # Quantity.about for a pronoun whose antecedent was not found


@dataclass
class Figures:
    quantities: list[QuantityMention] = field(default_factory=list)
    materiel: list[MaterielMention] = field(default_factory=list)


def resolve_about(figure: CasualtyFigure, actors: list[ActorMention]) -> str | None:
    count = figure.count
    named = [a for a in actors if a.span.start < count.about_end and count.about_start < a.span.end]
    if named:
        return named[0].actor.name
    if not count.pronoun:
        return None
    subject = figure.subject
    subject_names = {a.actor.name for a in actors
                     if subject is not None and a.span.start < subject.end and subject.start < a.span.end}
    before = [a for a in actors if a.span.end <= count.about_start and a.actor.name not in subject_names]
    return max(before, key=lambda a: a.span.start).actor.name if before else UNRESOLVED


def _hit_together(figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """People hit by one 'shot' are one figure: 'a boy and six other people were shot' = 7 hit."""
    out: list[CasualtyFigure] = []
    for figure in figures:
        last = out[-1] if out else None
        if last is not None and figure.kind == HIT and last.kind == HIT and last.trigger == figure.trigger:
            a, b = last.count, figure.count
            count = replace(a, value=a.value + b.value, low=(a.low or a.value) + (b.low or b.value),
                            high=None if a.high is None or b.high is None else a.high + b.high,
                            vague=a.vague and b.vague, start=min(a.start, b.start), end=max(a.end, b.end),
                            about_start=min(a.about_start, b.about_start), about_end=max(a.about_end, b.about_end))
            out[-1] = replace(last, count=count)
        else:
            out.append(figure)
    return out


class QuantityExtractor(Component[Figures]):
    """Finds killed/injured/captured figures and materiel."""

    name = "quantities.extract"
    reads = ("parsed", "sentences", "actors", "dates")
    writes = ("quantities", "materiel")

    def match(self, doc: Document) -> Figures:
        found = Figures()
        if doc.parsed is None:
            return found
        # A year or day inside a date ('Dec. 31, 2012') is no count of anything.
        numbers = NumberIndex([n for n in find_numbers(doc.text)
                               if not any(d.span.start < n.end and n.start < d.span.end for d in doc.dates)])
        for index, sentence in enumerate(doc.parsed.sents):
            for figure in _hit_together(read_casualties(sentence, numbers)):
                count = figure.count
                hit = figure.kind == HIT
                quantity = Quantity(kind="injured" if hit else figure.kind, value=count.value, low=count.low, high=count.high,
                                    vague=count.vague, about=resolve_about(figure, doc.actors),
                                    span=doc.span(count.start, count.end))
                found.quantities.append(QuantityMention(index, quantity, hit))
            for item in read_materiel(sentence, numbers):
                materiel = Materiel(category=item.word.category, item=item.word.item, count=item.count,
                                    action=item.action, span=doc.span(item.start, item.end))
                found.materiel.append(MaterielMention(index, materiel))
        return found

    def set_annotations(self, doc: Document, found: Figures) -> None:
        doc.quantities = found.quantities
        doc.materiel = found.materiel
