"""The main event's injured from its figures (issue #9 item 6, seventh session): a person told again by a pronoun,
'others' beside a named victim, a death among the wounded told as 'one of the victims', the attacker's own death."""

from __future__ import annotations

from sitrep.events.assemble import less_died_of_wounds
from sitrep.events.fields import injured_count, summarise
from sitrep.model import Count, Quantity, QuantityMention, make_span

TEXT = ("A man was shot in the leg on Oak Street. He was struck in the thigh, police said. She is in stable condition. "
        "Ann Bell and two others were shot. Two others were shot. One of the victims has died. "
        "Four people were wounded. The suspect died of a self-inflicted gunshot wound. Three men were struck.")


def q(kind: str, value: int, words: str, about: str | None = None) -> Quantity:
    start = TEXT.index(words)
    return Quantity(kind=kind, value=value, span=make_span(TEXT, start, start + len(words)), about=about)  # type: ignore[arg-type]


def test_a_pronoun_tells_someone_already_counted() -> None:
    hit = [q("injured", 1, "A man"), q("injured", 1, "He", about="Police Forces"), q("injured", 1, "She", about="x")]
    assert injured_count([], hit, Count()).best == 1


def test_a_pronoun_alone_still_counts() -> None:
    assert injured_count([q("injured", 1, "She")], [], Count()).best == 1


def test_others_beside_a_named_victim_include_her() -> None:
    dead = summarise([q("killed", 1, "Ann Bell")])
    # 'Ann Bell and two others were shot', Ann Bell dead: two wounded, not three.
    assert injured_count([], [q("injured", 3, "Ann Bell and two others")], dead).best == 2
    # 'Two others were shot' beside one dead: the others are the wounded.
    assert injured_count([], [q("injured", 2, "Two others")], dead).best == 2


def mention(sent: int, quantity: Quantity, after_wounds: bool = False) -> QuantityMention:
    return QuantityMention(sent, quantity, after_wounds=after_wounds)


def test_one_of_the_victims_who_died_was_among_the_wounded() -> None:
    own = [mention(6, q("injured", 4, "Four people")), mention(5, q("killed", 1, "One of the victims"))]
    count = injured_count([own[0].quantity], [], summarise([own[1].quantity]))
    assert less_died_of_wounds(count, own).best == 3


def test_the_attackers_own_death_is_none_of_the_wounded() -> None:
    own = [mention(6, q("injured", 4, "Four people")), mention(7, q("killed", 1, "The suspect"), after_wounds=True)]
    count = injured_count([own[0].quantity], [], Count())
    assert less_died_of_wounds(count, own).best == 4


def test_a_vague_headline_count_gives_way_to_the_body() -> None:
    from sitrep.events.fields import with_headline

    title = "Several shot outside Riverton club"
    several = Quantity(kind="injured", value=3, vague=True, span=make_span(title, 0, 7, "title"))  # type: ignore[arg-type]
    body = injured_count([q("injured", 4, "Four people")], [], Count())
    assert with_headline(body, [], [several], Count()).best == 4
    four = Quantity(kind="injured", value=5, span=make_span("5 shot", 0, 1, "title"))  # type: ignore[arg-type]
    assert with_headline(body, [], [four], Count()).best == 5  # a written number still stands


def test_a_bare_plural_does_not_stand_against_those_hit() -> None:
    # 'Three men were struck', one of them dead; 'the victims' (a bare plural's guess of 3) said nothing of how many:
    # two wounded, not the guess, which the claims stage would drop.
    dead = summarise([q("killed", 1, "A man")])
    start = TEXT.index("the victims")
    bare = Quantity(kind="injured", value=3, vague=True, span=make_span(TEXT, start, start + len("the victims")))
    found = injured_count([bare], [q("injured", 3, "Three men")], dead)
    assert found.best == 2
