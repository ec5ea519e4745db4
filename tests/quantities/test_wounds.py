"""How local news tells people hit: 'hit by gunfire', 'suffered gunshot wounds', 'hospitalized' (spaCy model)."""

from __future__ import annotations

import pytest

from sitrep.model import Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser
from sitrep.quantities.extract import QuantityExtractor

pytestmark = pytest.mark.slow


def extracted(nlp, text: str, title: str | None = None) -> Document:  # type: ignore[no-untyped-def]
    """The quantities stage run on ``text`` (and its headline ``title``) parsed by the spaCy model."""
    return QuantityExtractor().match(Parser(nlp)(Document(article=Article.from_text(text, title=title))))


def figures(nlp, text: str) -> list[tuple[str, int, bool]]:  # type: ignore[no-untyped-def]
    return [(m.quantity.kind, m.quantity.value, m.hit) for m in extracted(nlp, text).quantities]


def test_hit_by_gunfire_counts_everyone_hit(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Two teenagers were hit by gunfire outside the store.") == [("injured", 2, True)]


def test_a_car_hitting_people_is_no_shooting(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Two pedestrians were hit by a car on Main Street.") == []


def test_the_bearer_of_wounds_is_hit_and_non_fatal_is_not_fatal(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Three other men suffered non-fatal gunshot wounds.") == [("injured", 3, True)]
    assert figures(nlp, "The guard suffered no injuries.") == []


def test_hospitalized_and_the_fatal_shooting_of(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Four people were hospitalized after the fight.") == [("injured", 4, False)]
    assert figures(nlp, "Police are investigating the fatal shooting of a woman.") == [("killed", 1, False)]


def test_an_age_is_no_count(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Investigators say 14 year old Sam Reed died of a gunshot wound.") == [("killed", 1, False)]
    assert figures(nlp, "Maria Lopez, 20, of Springfield died at the scene.") == [("killed", 1, False)]
    assert figures(nlp, "Officers executed 12 search warrants on Friday.") == []


def test_shot_himself_and_treated_for_wounds(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "A boy accidentally shot himself in the leg.") == [("injured", 1, True)]
    assert figures(nlp, "Two officers were treated for minor injuries.") == [("injured", 2, False)]


def test_a_person_given_an_age_is_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "A 15-year-old is dead after the crash of gunfire on Elm Street.") == [("killed", 1, False)]
    assert figures(nlp, "Officers said the fatal shooting of 19-year-old Dana Price is under investigation.") == [
        ("killed", 1, False)]
    assert figures(nlp, "Two 16-year-olds were wounded.") == [("injured", 2, False)]


def test_a_second_participle_shares_the_noun_of_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("killed", 1, False) in figures(nlp, "Deputies identified a young man shot and killed Friday night in Oakdale.")


def test_one_fatally_set_off_by_commas(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("killed", 1, False) in figures(nlp, "Three men, one fatally, were shot outside a bar.")


def test_people_one_word_counts_add_up(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "A woman and her son were found dead in the house.") == [("killed", 2, False)]
    # The gunman's own death is a figure of its own (``Quantity.perpetrator``) that adds to his victims' toll: 4.
    assert figures(nlp, "The gunman killed three coworkers and himself.") == [("killed", 3, False), ("killed", 1, False)]
    # An apposition names the members of a group already counted.
    assert ("killed", 3, False) not in figures(
        nlp, "Two of the men, 30-year-old Tom Reyes and 28-year-old Luis Vega, died at the hospital.")


def test_sent_to_hospital_and_a_child_given_an_age_as_stray_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "The crash of gunfire sent three people to the hospital.") == [("injured", 3, False)]
    assert figures(nlp, "Police are investigating after a 6-year-old was shot in the arm at a motel.") == [
        ("injured", 1, True)]


def test_a_number_on_the_line_above_counts_nothing_and_yo_is_an_age(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Photo: 12 News\n\nA woman died after being shot.") == [("killed", 1, False)]
    assert figures(nlp, "7 yo boy killed by gunfire on the highway.") == [("killed", 1, False)]


def test_a_conjunct_with_its_own_casualty_word_is_not_added(nlp) -> None:  # type: ignore[no-untyped-def]
    found = figures(nlp, "Soldiers found two dead civilians and one wounded civilian in the car.")
    assert ("killed", 2, False) in found and ("killed", 3, False) not in found


def test_civilians_beside_people_of_no_group_add_up(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.actors.recognise import ActorRecogniser

    doc = Parser(nlp)(Document(article=Article.from_text(
        "Police say a 17-year-old boy and three women were injured in a shooting on Friday.")))
    doc.actors = ActorRecogniser().match(doc)
    assert any(a.actor.inter == 7 for a in doc.actors)  # 'three women' are civilians, the boy nobody named
    found = QuantityExtractor().match(doc).quantities
    assert [(m.quantity.kind, m.quantity.value) for m in found] == [("injured", 4)]
    # Two named sides stay apart: each keeps whom it counts.
    doc = Parser(nlp)(Document(article=Article.from_text("Five soldiers and three Taliban fighters were killed.")))
    doc.actors = ActorRecogniser().match(doc)
    assert sorted(m.quantity.value for m in QuantityExtractor().match(doc).quantities) == [3, 5]


def test_a_wound_called_fatal_or_mortal_counts_the_dead(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [f[:2] for f in figures(nlp, "A 3-year-old boy sustained a fatal gunshot wound at the home.")] == [("killed", 1)]
    assert [f[:2] for f in figures(nlp, "The rifle fired, mortally wounding a 21-year-old man.")] == [("killed", 1)]


def test_people_found_shot_to_death_are_counted(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [f[:2] for f in figures(nlp, "Four people were found shot to death inside the apartment.")] == [("killed", 4)]


def test_a_total_of_counts_its_of_object(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "A total of 12 people were killed in the attack.") == [("killed", 12, False)]
    assert figures(nlp, "A total of five rounds were shot at the car.") == []


def test_page_furniture_and_things_are_no_people(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "Relatives were inside when the house got shot up.") == []
    assert figures(nlp, "A trail of blood wound its way across the road.") == []


def test_the_subject_of_a_clause_after_after(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = QuantityExtractor().match(Parser(nlp)(Document(article=Article.from_text(
        "Nothing here.", title="Neighbours pray after 7-year-old girl was shot"))))
    assert [(m.quantity.kind, m.quantity.value, m.hit) for m in doc.headline] == [("injured", 1, True)]


def test_two_ages_before_one_noun_are_no_count(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("killed", 12, False) not in figures(nlp, "A father shot and killed his 12- and 10-year-old sons on Friday.")


def test_a_death_beside_another_persons_wound_is_no_death_of_wounds(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = QuantityExtractor().match(Parser(nlp)(Document(article=Article.from_text(
        "The blast left a farmer dead and his nephew wounded on Sunday."))))
    assert [m.after_wounds for m in doc.quantities if m.quantity.kind == "killed"] == [False]


def test_an_age_written_with_en_dashes_is_no_count(nlp) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, "A 16\u2013year\u2013old boy was shot in the leg on Elm Street.") == [("injured", 1, True)]


def test_one_who_was_pronounced_dead_is_one_killed(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("killed", 1, False) in figures(
        nlp, "Five people were shot on Elm Street, including one who was pronounced dead a short time later.")
