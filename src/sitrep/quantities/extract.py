"""Casualty and capture figures, and materiel seized or destroyed (the quantities stage).

Numbers are found once per article with compiled regexes (:mod:`sitrep.quantities.numbers`); the parse
ties each to the word that says what happened (:mod:`~sitrep.quantities.casualties`,
:mod:`~sitrep.quantities.materiel`). ``Quantity.about`` is the canonical actor named in the counted noun
phrase ('200 Taliban fighters'); for a pronoun ('killed 200 of them') it is the nearest preceding actor
mention that is not the subject, or :data:`UNRESOLVED` when there is none.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from sitrep.model import ActorMention, Materiel, MaterielMention, Quantity, QuantityMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document
from sitrep.quantities.casualties import HIT, CasualtyFigure, read_casualties
from sitrep.quantities.headline import telegraphic_figures
from sitrep.quantities.materiel import read_materiel
from sitrep.quantities.noun_counts import NumberIndex
from sitrep.quantities.numbers import find_numbers
from sitrep.resources import read_lines

UNRESOLVED = "?unresolved"  # Quantity.about for a pronoun whose antecedent was not found


@dataclass
class Figures:
    quantities: list[QuantityMention] = field(default_factory=list)
    materiel: list[MaterielMention] = field(default_factory=list)
    headline: list[QuantityMention] = field(default_factory=list)


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


def _whom(figure: CasualtyFigure, actors: list[ActorMention]) -> str | None:
    """Whom a figure counts, a pronoun with no antecedent ('and himself') counting nobody named."""
    about = resolve_about(figure, actors)
    return None if about == UNRESOLVED else about


CIVILIANS = 7  # ACLED inter code


def _same_people(one: str | None, two: str | None, actors: list[ActorMention]) -> bool:
    """Two counts one word joins count the same people: the same group, or civilians beside people the text
    does not tie to a group ('a 17-year-old boy and three women were injured' = 4)."""
    if one == two:
        return True
    civilians = {a.actor.name for a in actors if a.actor.inter == CIVILIANS}
    return {one, two} - civilians == {None} or {one, two} <= civilians


# What joins two groups of people one word counts together: 'a man and his daughter'. Anything else between them
# (a comma of an apposition, a dateline's dash, a line break) is often the parser's misreading of one group.
# Tolls only: captures are kept per person, as the ISAF reading counts them (evaluation/isaf_counts.py), and so is
# a vague group beside a person ('the leader and several associates').
_TOLLS = frozenset({"killed", "injured"})
_JOINED = re.compile(r"[ \t]+(?:and|as well as|plus)[ \t]+"
                     # a list of names with ages: 'Juwan Edwards, 15, Leroy Shaw, 15, and Tamir Hamilton'
                     r"|,[ \t]*\d{1,3},(?:[ \t]*[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2},[ \t]*\d{1,3},)*[ \t]*(?:and[ \t]+)?")

# 'Lena Marsh was shot along with two others': the people 'along with' adds (casualties.ADDING_PREPS).
_ALONG = re.compile(r"[^.;:\n]*\b(?:along|together)[ \t]+with[ \t]+")

_LISTED = re.compile(r"[ \t]*,[ \t]*")


def _joined(figures: list[CasualtyFigure], i: int, text: str, last: CasualtyFigure) -> bool:
    """Whether the words join the people of ``figures[i]`` to those counted before it (``last``): 'and', a list of
    names with ages, 'along with' (people hit), or a comma in a list that goes on with 'and' ('a man, a woman and a
    boy were shot')."""
    figure = figures[i]
    gap = text[last.count.end:figure.count.start]
    if _JOINED.fullmatch(gap):
        return True
    if figure.kind != HIT:
        return False
    if _ALONG.fullmatch(gap):
        return True
    after = figures[i + 1] if i + 1 < len(figures) else None
    return bool(_LISTED.fullmatch(gap)) and after is not None and after.trigger == figure.trigger and bool(
        _JOINED.fullmatch(text[figure.count.end:after.count.start]))


def _together(figures: list[CasualtyFigure], actors: list[ActorMention], text: str) -> list[CasualtyFigure]:
    """People counted by one word are one figure: 'a boy and six other people were shot' = 7 hit, 'a man and his
    daughter were found dead' = 2 killed, 'killed four classmates and himself' = 5; figures of one word about
    different named groups ('5 soldiers and 3 civilians') stay apart, so that each keeps whom it counts. Only people
    the words join are added up: what the parser took for a second subject of 'shot' beside a dateline ('SAN ANTONIO –
    A girl was shot'), an apposition ('Sgt. Lee, the boy') or an alternative ('the girl or the driver') is no one
    more."""
    out: list[CasualtyFigure] = []
    for i, figure in enumerate(figures):
        last = out[-1] if out else None
        if last is not None and figure.kind == last.kind and last.trigger == figure.trigger and (
                last.perpetrator == figure.perpetrator) and _joined(figures, i, text, last) and (
                    figure.kind == HIT or (figure.kind in _TOLLS and not (last.count.vague or figure.count.vague)
                                           and _same_people(_whom(last, actors), _whom(figure, actors), actors))):
            a, b = last.count, figure.count
            count = replace(a, value=a.value + b.value, low=(a.low or a.value) + (b.low or b.value),
                            high=None if a.high is None or b.high is None else a.high + b.high,
                            vague=a.vague and b.vague, start=min(a.start, b.start), end=max(a.end, b.end),
                            about_start=min(a.about_start, b.about_start), about_end=max(a.about_end, b.about_end))
            out[-1] = replace(last, count=count)
        else:
            out.append(figure)
    return out


# Numbers of the page, not of people: a gallery's 'Image 33 of 33', a reference mark '[12]'.
_PAGE_NUMBERS = re.compile(r"\b(?:image|photo|slide|picture) \d+ of \d+\b|\[\d{1,3}\]", re.IGNORECASE)

HEADLINE = -1  # QuantityMention.sent of a figure the headline states
_DATE_IN_FIGURES = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")


def headline_figures(doc: Document) -> list[QuantityMention]:
    """Killed and injured figures the headline states ("One Dead, Four Wounded in Drive-By Shooting", "4 shot, 1
    killed"), read from its own parse, as spans of ``Article.title``. Captures are left to the body."""
    parsed = doc.parsed_title
    title = doc.article.title or ""
    if parsed is None or not title:
        return []
    # A date written in figures ('Raw video 05/12/13', 'DA: 9.9.15: Gang member convicted') counts no one.
    dates = [m.span() for m in _DATE_IN_FIGURES.finditer(parsed.text)]
    numbers = NumberIndex([n for n in find_numbers(parsed.text) if not any(a < n.end and n.start < b for a, b in dates)])
    # The telegraphic reading first: the parser often joins 'Three dead, one wounded' into one noun phrase.
    figures = telegraphic_figures(parsed, numbers)
    taken = [(f.count.start, f.count.end) for f in figures]
    words = {f.trigger for f in figures}
    figures += [f for sentence in parsed.sents for f in _together(read_casualties(sentence, numbers), [], parsed.text)
                if f.kind in (*_TOLLS, HIT) and f.trigger not in words
                and not any(a < f.count.end and f.count.start < b for a, b in taken)]
    found = []
    for figure in figures:
        count = figure.count
        quantity = Quantity(kind="killed" if figure.kind == "killed" else "injured", value=count.value,
                            low=count.low, high=count.high, vague=count.vague,
                            span=doc.title_span(count.start, count.end), perpetrator=figure.perpetrator)
        found.append(QuantityMention(HEADLINE, quantity, figure.kind == HIT))
    return found


@functools.lru_cache(maxsize=1)
def _attacker_words() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in read_lines("quantities/attacker_words.txt"))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def names_attacker(words: str) -> bool:
    """Whether ``words`` name the attacker ('the suspect', 'the gunman': data/quantities/attacker_words.txt)."""
    return bool(_attacker_words().search(words))


def attacker_counted(doc: Document, figures: list[QuantityMention]) -> bool:
    """Whether a toll already counts the attacker whose own death a figure tells ('Two bailiffs, shooter dead' beside
    'then turned the gun on himself'): a figure of the dead whose words name him, or whose sentence says the toll
    includes him ('5 dead, including the gunman'). Data: data/quantities/attacker_words.txt."""
    if not any(q.quantity.perpetrator for q in figures):
        return False
    for q in figures:
        if q.quantity.kind != "killed" or q.quantity.perpetrator or q.hit:
            continue
        words = _attacker_words()
        if words.search(q.quantity.span.text):
            return True
        sentence = doc.article.title or "" if q.sent == HEADLINE else doc.sentences[q.sent].text
        if any(words.match(sentence, m.end()) for m in _INCLUDING.finditer(sentence)):
            return True
    return False


_INCLUDING = re.compile(r"\bincluding\s+(?:the\s+|a\s+)?(?:\w+\s+)?", re.IGNORECASE)


def _as_victims(q: QuantityMention) -> QuantityMention:
    if not q.quantity.perpetrator:
        return q
    return replace(q, quantity=q.quantity.model_copy(update={"perpetrator": False}))


class QuantityExtractor(Component[Figures]):
    """Finds killed/injured/captured figures and materiel, in the text and (killed and injured) in the headline."""

    name = "quantities.extract"
    reads = ("parsed", "sentences", "actors", "dates", "parsed_title")
    writes = ("quantities", "materiel", "title_quantities")

    def match(self, doc: Document) -> Figures:
        found = Figures(headline=headline_figures(doc))
        if doc.parsed is None:
            return found
        # A year or day inside a date ('Dec. 31, 2012') is no count of anything, nor is a gallery's or a note's number.
        marks = [m.span() for m in _PAGE_NUMBERS.finditer(doc.text)]
        numbers = NumberIndex([n for n in find_numbers(doc.text)
                               if not any(d.span.start < n.end and n.start < d.span.end for d in doc.dates)
                               and not any(a < n.end and n.start < b for a, b in marks)])
        for index, sentence in enumerate(doc.parsed.sents):
            for figure in _together(read_casualties(sentence, numbers), doc.actors, doc.text):
                count = figure.count
                hit = figure.kind == HIT
                quantity = Quantity(kind="injured" if hit else figure.kind, value=count.value, low=count.low, high=count.high,
                                    vague=count.vague, about=resolve_about(figure, doc.actors),
                                    span=doc.span(count.start, count.end), perpetrator=figure.perpetrator)
                found.quantities.append(QuantityMention(index, quantity, hit, figure.after_wounds))
            for item in read_materiel(sentence, numbers):
                materiel = Materiel(category=item.word.category, item=item.word.item, count=item.count,
                                    action=item.action, span=doc.span(item.start, item.end))
                found.materiel.append(MaterielMention(index, materiel))
        return found

    def set_annotations(self, doc: Document, found: Figures) -> None:
        if attacker_counted(doc, [*found.quantities, *found.headline]):
            found.quantities = [_as_victims(q) for q in found.quantities]
            found.headline = [_as_victims(q) for q in found.headline]
        doc.quantities = found.quantities
        doc.materiel = found.materiel
        doc.title_quantities = found.headline
