"""Casualty, capture and materiel figures from hand-written sentences (loads the spaCy model once)."""

from __future__ import annotations

import pytest

from sitrep.model import Actor, ActorMention, Article, Materiel, Quantity
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser
from sitrep.quantities.extract import UNRESOLVED, QuantityExtractor

pytestmark = pytest.mark.slow


def parsed(nlp, text: str) -> Document:  # type: ignore[no-untyped-def]
    return Parser(nlp)(Document(article=Article.from_text(text)))


def quantities(nlp, text: str) -> list[Quantity]:  # type: ignore[no-untyped-def]
    return [m.quantity for m in QuantityExtractor().match(parsed(nlp, text)).quantities]


def materiel(nlp, text: str) -> list[Materiel]:  # type: ignore[no-untyped-def]
    return [m.materiel for m in QuantityExtractor().match(parsed(nlp, text)).materiel]


def kinds(found: list[Quantity]) -> list[tuple[str, int]]:
    return [(q.kind, q.value) for q in found]


def test_passive_and_number_words(nlp) -> None:  # type: ignore[no-untyped-def]
    assert kinds(quantities(nlp, "Five civilians were killed and twenty-one wounded in the blast.")) == [
        ("killed", 5), ("injured", 21)]


def test_active_verbs_and_articles_count_one(nlp) -> None:  # type: ignore[no-untyped-def]
    found = kinds(quantities(nlp, "Police killed a gunman and arrested two suspects near the market."))
    assert found == [("killed", 1), ("arrested", 2)]


def test_coordination_counts_each_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = kinds(quantities(nlp, "The patrol detained a rebel commander and another fighter."))
    assert found == [("captured", 1), ("captured", 1)]


def test_ranges_bounds_and_vague_amounts(nlp) -> None:  # type: ignore[no-untyped-def]
    found = quantities(nlp, "Between 10 and 15 soldiers died. At least 7 people were injured. "
                            "Dozens of protesters were arrested.")
    assert [(q.kind, q.value, q.low, q.high, q.vague) for q in found] == [
        ("killed", 10, 10, 15, False), ("injured", 7, 7, None, False), ("arrested", 12, 12, None, True)]


def test_noun_form_deaths_of(nlp) -> None:  # type: ignore[no-untyped-def]
    assert kinds(quantities(nlp, "The shelling caused the deaths of 12 villagers.")) == [("killed", 12)]


def test_negated_and_planned_figures_are_not_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    assert quantities(nlp, "No civilians were injured during the raid.") == []
    assert quantities(nlp, "Troops launched an operation to capture a militia leader.") == []


def test_every_figure_is_grounded(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen killed more than 30 villagers and kidnapped dozens of others."
    for q in quantities(nlp, text):
        assert text[q.span.start:q.span.end] == q.span.text


def test_about_comes_from_the_actor_in_the_noun_phrase_or_the_antecedent(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Government troops attacked the rebels. The army claims to have killed 40 of them."
    doc = parsed(nlp, text)
    army, rebels = text.index("The army"), text.index("the rebels")
    doc.actors = [
        ActorMention(0, doc.span(rebels, rebels + 10), Actor(name="Rebels")),
        ActorMention(1, doc.span(army, army + 8), Actor(name="Army")),
    ]
    found = QuantityExtractor().match(doc).quantities
    assert [(m.quantity.value, m.quantity.about) for m in found] == [(40, "Rebels")]


def test_unresolved_pronoun_is_marked(nlp) -> None:  # type: ignore[no-untyped-def]
    found = quantities(nlp, "They said they had killed 20 of them.")
    assert [(q.value, q.about) for q in found] == [(20, UNRESOLVED)]


def test_materiel_with_counts_and_categories(nlp) -> None:  # type: ignore[no-untyped-def]
    found = materiel(nlp, "The fighters claim to have seized the equipment left behind, including 1870 humvees.")
    assert [(m.category, m.item, m.count, m.action) for m in found] == [("vehicle", "humvee", 1870, "seized")]


def test_mass_nouns_are_not_one_item(nlp) -> None:  # type: ignore[no-untyped-def]
    found = materiel(nlp, "Police seized the ammunition stored in the barn.")
    assert [(m.item, m.count) for m in found] == [("ammunition", None)]


def test_materiel_destroyed_captured_and_found(nlp) -> None:  # type: ignore[no-untyped-def]
    found = materiel(nlp, "Rebels destroyed two tanks and captured weapons and ammunition. "
                          "A weapons cache was found near the road.")
    got = [(m.category, m.item, m.count, m.action) for m in found]
    assert ("vehicle", "tank", 2, "destroyed") in got
    assert ("weapon", "weapon", None, "captured") in got
    assert ("ammunition", "ammunition", None, "captured") in got
    assert ("weapon", "weapons cache", 1, "recovered") in got


def test_threats_and_modal_figures_are_not_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    assert quantities(nlp, "The letter said that people working with the government will be killed.") == []


def test_hyphenated_head_counts_once(nlp) -> None:  # type: ignore[no-untyped-def]
    assert kinds(quantities(nlp, "Police captured a rebel sub-commander in the town.")) == [("captured", 1)]


def test_along_with_adds_people(nlp) -> None:  # type: ignore[no-untyped-def]
    found = kinds(quantities(nlp, "The patrol detained the commander along with three of his associates."))
    assert found == [("captured", 1), ("captured", 3)]


def test_dateline_glued_to_a_passive_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "BAMAKO, Mali (Jan. 3, 2020) | A militia leader was arrested by soldiers in Mopti region today."
    assert kinds(quantities(nlp, text)) == [("arrested", 1)]


def test_coordinated_verbs_share_their_object(nlp) -> None:  # type: ignore[no-untyped-def]
    found = kinds(quantities(nlp, "Three attackers set off their vests, killing and wounding several guards."))
    assert found == [("killed", 3), ("injured", 3)]


def test_habits_are_not_events(nlp) -> None:  # type: ignore[no-untyped-def]
    assert quantities(nlp, "His attacks often killed civilians in the district.") == []


def test_the_people_of_an_abstract_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    found = quantities(nlp, "They demanded the release of 40 demonstrators detained during the rally.")
    assert [(q.kind, q.value, q.span.text) for q in found] == [("captured", 40, "40 demonstrators")]


def test_phrasal_actions_and_units_of_materiel(nlp) -> None:  # type: ignore[no-untyped-def]
    got = [(m.item, m.count, m.action) for m in materiel(nlp, "The army shot down two drones. Police seized "
                                                             "200 rounds of ammunition.")]
    assert got == [("drone", 2, "destroyed"), ("rounds", 200, "seized")]


def hits(nlp, text: str) -> list[tuple[str, int, bool]]:  # type: ignore[no-untyped-def]
    return [(m.quantity.kind, m.quantity.value, m.hit) for m in QuantityExtractor().match(parsed(nlp, text)).quantities]


def test_shot_counts_everyone_hit_unless_fatal(nlp) -> None:  # type: ignore[no-untyped-def]
    assert hits(nlp, "Three people were shot outside a bar.") == [("injured", 3, True)]
    assert hits(nlp, "Two men were shot dead in a park.") == [("killed", 2, False)]
    assert hits(nlp, "A teenager was shot and killed near a school.") == [("killed", 1, False)]
    assert ("killed", 1, False) in hits(nlp, "Five people were shot, one fatally, at a party.")


def test_died_after_another_verb_shares_its_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    assert hits(nlp, "The man fell from the roof and died at the scene.") == [("killed", 1, False)]
    assert hits(nlp, "A woman was shot in the chest and died at the hospital.") == [("killed", 1, False)]


def test_a_shooters_own_death_told_twice_is_one_death(nlp) -> None:  # type: ignore[no-untyped-def]
    assert hits(nlp, "Then the 15-year-old turned the gun on herself and died at the scene.") == [("killed", 1, False)]


def test_shot_dead_before_a_weekday_is_killed(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs 'dead' on the weekday here, not on 'shot': the words themselves decide.
    assert hits(nlp, "Two men were shot dead Saturday in a park, police said.") == [("killed", 2, False)]
    assert hits(nlp, "A woman was stabbed to death Sunday near her home.") == [("killed", 1, False)]


def test_a_third_victim_brings_the_toll_to_three(nlp) -> None:  # type: ignore[no-untyped-def]
    assert kinds(quantities(nlp, "A third victim died in hospital on Sunday.")) == [("killed", 3)]
    assert kinds(quantities(nlp, "The second man died in hospital on Sunday.")) == [("killed", 1)]
