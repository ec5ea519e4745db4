"""A victim first counted among the injured who later died counts once, as killed (issue #9, item 6)."""

from __future__ import annotations

from sitrep.events.assemble import less_died_of_wounds
from sitrep.events.fields import injured_count, summarise
from sitrep.model import Count, Quantity, QuantityMention, make_span

TEXT = ("Gunmen killed two men and wounded three people at a market in Lowtown. "
        "A third victim died in hospital on Sunday. One man was killed and two others were wounded.")


def figure(sent: int, kind: str, value: int, words: str, after_wounds: bool = False) -> QuantityMention:
    start = TEXT.index(words)
    quantity = Quantity(kind=kind, value=value, span=make_span(TEXT, start, start + len(words)))  # type: ignore[arg-type]
    return QuantityMention(sent, quantity, after_wounds=after_wounds)


def injured(own: list[QuantityMention]) -> Count:
    fatalities = summarise([q.quantity for q in own if q.quantity.kind == "killed"])
    return less_died_of_wounds(injured_count([q.quantity for q in own if q.quantity.kind == "injured"], [],
                                             fatalities), own)


def test_a_third_victim_who_died_in_hospital_moves_from_injured_to_killed() -> None:
    own = [figure(0, "injured", 3, "three people"), figure(1, "killed", 3, "A third victim", after_wounds=True)]
    count = injured(own)
    assert count.best == 2
    assert [q.value for q in count.reported] == [3]  # every figure stays reported
    assert summarise([q.quantity for q in own if q.quantity.kind == "killed"]).best == 3


def test_wounded_told_apart_from_the_dead_stay() -> None:
    own = [figure(2, "killed", 1, "One man"), figure(2, "injured", 2, "two others"),
           figure(1, "killed", 1, "A third victim", after_wounds=True)]
    assert injured(own).best == 2


def test_a_death_not_after_wounds_moves_no_one() -> None:
    own = [figure(0, "injured", 3, "three people"), figure(1, "killed", 1, "A third victim")]
    assert injured(own).best == 3


def test_a_plural_death_at_the_hospital_is_a_toll_not_the_wounded_who_died() -> None:
    # 'two men died at the hospital' beside 'three people wounded': the toll, told with its place of death.
    own = [figure(0, "injured", 3, "three people"), figure(1, "killed", 2, "two men", after_wounds=True)]
    assert injured(own).best == 3
