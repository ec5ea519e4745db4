"""The attacker's own death adds to his victims' toll, a lone self-inflicted wound does not (issue #9; spaCy model)."""

from __future__ import annotations

import pytest

from sitrep.events.fields import summarise
from sitrep.model import Article, Quantity, make_span
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser
from sitrep.quantities.extract import QuantityExtractor


def figures(nlp, text: str, title: str | None = None) -> list[tuple[str, int, bool]]:  # type: ignore[no-untyped-def]
    doc = QuantityExtractor()(Parser(nlp)(Document(article=Article.from_text(text, title=title))))
    return [(m.quantity.kind, m.quantity.value, m.quantity.perpetrator) for m in [*doc.title_quantities, *doc.quantities]]


@pytest.mark.slow
def test_a_gunman_who_kills_others_then_himself(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("killed", 1, True) in figures(nlp, "The woman killed her husband and then killed herself on Sunday.")
    # 'before killing herself' hangs below the verb of her victims and has no subject of its own in the parse.
    assert ("killed", 1, True) in figures(nlp, "Police said a Riverton woman appears to have shot and killed her two "
                                               "sons before killing herself.")
    found = figures(nlp, "A man shot and killed his wife and two sons before turning the gun on himself.")
    assert ("killed", 1, True) in found and sum(v for k, v, p in found if k == "killed" and not p) == 3


@pytest.mark.slow
def test_a_lone_self_inflicted_wound_or_death_is_the_victims(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "A girl accidentally shot herself with a pistol she found.") == [("injured", 1, False)]
    assert all(not p for _, _, p in figures(nlp, "The teenager killed himself at home, police said."))
    assert all(not p for _, _, p in figures(nlp, "He turned the gun on himself in the garage."))
    # A passive beside it says nothing of who shot the friend.
    assert all(not p for _, _, p in figures(nlp, "The teenager killed himself after his friend was shot."))


@pytest.mark.slow
def test_a_toll_that_names_the_shooter_already_counts_him(nlp) -> None:  # type: ignore[no-untyped-def]
    found = figures(nlp, "The shooter killed two guards before killing himself.", title="Two guards, shooter dead in mall")
    assert all(not p for _, _, p in found)


def test_the_attackers_death_adds_to_the_victims_toll() -> None:
    text = "killed three people then himself; three dead"
    def q(words: str, value: int, perpetrator: bool = False) -> Quantity:
        start = text.index(words)
        return Quantity(kind="killed", value=value, span=make_span(text, start, start + len(words)),
                        perpetrator=perpetrator)
    count = summarise([q("three people", 3), q("himself", 1, True), q("three dead", 3)])
    assert (count.low, count.best, count.high) == (4, 4, 4)
    assert len(count.reported) == 3
    assert summarise([q("himself", 1, True)]).best == 1


def test_the_claims_stage_keeps_the_attackers_death_in_the_best_figure() -> None:
    from sitrep.claims.figures import best_fatalities
    from sitrep.model import Count, Event

    text = "killed three people then himself"
    victims = Quantity(kind="killed", value=3, span=make_span(text, 7, 19))
    himself = Quantity(kind="killed", value=1, span=make_span(text, 25, 32), perpetrator=True)
    event = Event(id="e1", article_ids=["a"], event_type="Violence against civilians", sub_event_type="Attack",
                  fatalities=Count(best=4, reported=[victims, himself]))
    assert best_fatalities(event).best == 4
