"""More ways local news tells the wounded (issue #9, seventh session): a projectile or a blow on the body, a hospital
condition, wounds 'with' or 'suffering from', lists of victims, people told twice (spaCy model; invented texts)."""

from __future__ import annotations

import pytest

from tests.quantities.test_wounds import extracted, figures

pytestmark = pytest.mark.slow


def test_struck_on_the_body_or_by_what_a_gun_fires(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "A 31-year-old man was hit in his left calf outside the bakery.") == [("injured", 1, True)]
    assert figures(nlp, "A stray bullet struck a girl sitting on her porch.") == [("injured", 1, True)]
    assert figures(nlp, "Two neighbours were grazed in the legs near the corner.") == [("injured", 2, True)]
    assert figures(nlp, "The truck struck a parked van on Elm Street.") == []
    assert figures(nlp, "A cyclist was hit by a bus on Monday.") == []


def test_a_graded_condition_tells_someone_hurt(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "A teenager is in critical condition after the argument.") == [("injured", 1, True)]
    assert figures(nlp, "The gunfire left two bystanders in stable condition.") == [("injured", 2, True)]
    # Told once, though the sentence says it twice.
    assert figures(nlp, "The woman who was shot is in serious condition.") == [("injured", 1, True)]
    assert figures(nlp, "The driver was not in critical condition.") == []


def test_wounds_with_suffering_from_and_taken_for(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Deputies found a man suffering from gunshot wounds behind the barn.") == [
        ("injured", 1, True)]
    assert figures(nlp, "Later, two men walked into the clinic with gunshot wounds.") == [("injured", 2, True)]
    assert figures(nlp, "Three students were taken to the hospital for minor injuries.") == [("injured", 3, True)]


def test_each_verb_with_its_own_people(nlp) -> None:  # type: ignore[no-untyped-def]
    found = figures(nlp, "The blast left a farmer dead and his nephew wounded on Sunday.")
    assert ("killed", 1, False) in found and ("injured", 1, False) in found and len(found) == 2
    found = figures(nlp, "The man shot a clerk and then killed himself.")
    assert ("injured", 1, True) in found  # the clerk was hit: 'killed himself' is another verb's own object
    assert figures(nlp, "He seriously wounded another in the lobby.") == [("injured", 1, False)]


def test_victims_listed_in_one_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Mark Dole, 15, Peter Wilks, 19, and Sam Hart, 17, were injured.") == [("injured", 3, False)]
    assert figures(nlp, "Lena Marsh, 40, was shot along with two others near the park.") == [("injured", 3, True)]
    # People described after a dash are the four already counted, not four more.
    assert figures(nlp, "Officers found four people \u2014 two women and two men \u2014 shot in the kitchen.") == [
        ("injured", 4, True)]
    assert figures(nlp, "A 59-year-old man, 49-year-old woman and 53-year-old man suffered gunshot wounds.") == [
        ("injured", 3, True)]


def test_a_second_man_wounded_is_one_wounded_man(nlp) -> None:  # type: ignore[no-untyped-def]
    found = figures(nlp, "A 40-year-old man was killed; a second man was critically injured.")
    assert ("injured", 1, False) in found


def test_what_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "The bullet went on and injured one of the family dogs.") == []
    assert figures(nlp, "Neither the driver nor the passenger was injured.") == []
    # An age in months is an age, not a count.
    assert figures(nlp, "A man accidentally shot his 6-month-old son.") == [("injured", 1, True)]
    # A number in a web address counts no one.
    assert all(v < 10 for _, v, _ in figures(nlp, "See wral.com/1333\n\nA 12-year-old was in critical condition."))


def headline_hits(nlp, title: str) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(m.quantity.kind, m.quantity.value) for m in extracted(nlp, "Police said it happened on Friday.", title).headline]


def test_a_person_named_before_a_counted_group_in_a_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    assert headline_hits(nlp, "Woman, 3 teens shot in Riverton") == [("injured", 4)]
    assert headline_hits(nlp, "Fight breaks out at Riverton party, 5 people shot") == [("injured", 5)]


def test_a_killing_and_a_wounding_with_their_numbers_after_the_verbs(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sorted(headline_hits(nlp, "Second suspect held in shooting that killed 1 and injured 4")) == [
        ("injured", 4), ("killed", 1)]


def test_both_victims_are_two(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Both victims were wounded in the attack.") == [("injured", 2, False)]


def test_only_people_the_words_join_are_added_up(nlp) -> None:  # type: ignore[no-untyped-def]
    # A dateline the parser took for a second subject of 'shot' is no one more (eighth session).
    assert figures(nlp, "RIVERTON \u2013 A seven-year-old girl was shot after a dispute on Saturday.") == [
        ("injured", 1, True)]
    assert figures(nlp, "A man, a woman and a boy were shot outside the store.") == [("injured", 3, True)]


def test_the_shooter_or_a_thing_is_no_one_hit(nlp) -> None:  # type: ignore[no-untyped-def]
    # 'a police shooting': the police fired; a spree or a video is no one.
    assert figures(nlp, "A driver was wounded in a police shooting on Route 9.") == [("injured", 1, False)]
    assert figures(nlp, "His mother filmed the shooting spree on her phone.") == []


def test_another_after_a_shooter_is_the_victim_not_one_more(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = extracted(nlp, "A teenager accidentally shot another teen in the bedroom.")
    spans = [m.quantity.span.text for m in doc.quantities if m.hit]
    assert spans and not any(s.lower().startswith("another") for s in spans)
    # The doer told by a pronoun: 'he' is a person too.
    doc = extracted(nlp, "Police say he accidentally shot another teen, killing him.")
    spans = [m.quantity.span.text for m in doc.quantities if m.hit]
    assert spans and not any(s.lower().startswith("another") for s in spans)
