"""Actor recognition on hand-written sentences (loads the spaCy model once)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.actors.recognise import ActorRecogniser
from sitrep.model import ActorMention, Article
from sitrep.pipeline.document import Document
from sitrep.pipeline.parse import Parser

pytestmark = pytest.mark.slow


def recognise(nlp, text: str, published: dt.date | None = None) -> list[ActorMention]:  # type: ignore[no-untyped-def]
    doc = Parser(nlp)(Document(article=Article.from_text(text, published=published)))
    return ActorRecogniser().match(doc)


def found(mentions: list[ActorMention]) -> list[tuple[str, str, str | None]]:
    return [(m.span.text, m.actor.name, m.role) for m in mentions]


def test_roles_come_from_the_parse_not_word_order(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(recognise(nlp, "Five Afghan soldiers were killed by Taliban fighters in Kunduz.",
                          dt.date(2015, 3, 2)))
    assert ("Afghan soldiers", "Military Forces of Afghanistan (2004-2021)", "patient") in got
    assert ("Taliban fighters", "Taliban", "agent") in got


def test_publication_date_picks_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Afghan forces attacked a hideout in Balkh."
    before = recognise(nlp, text, dt.date(2019, 5, 1))
    after = recognise(nlp, text, dt.date(2023, 5, 1))
    assert before[0].actor.name == "Military Forces of Afghanistan (2004-2021)"
    assert after[0].actor.name == "Military Forces of Afghanistan (2021-)"


def test_shared_acronym_follows_the_article_country(nlp) -> None:  # type: ignore[no-untyped-def]
    somali = recognise(nlp, "In Somalia, the SNA attacked al-Shabaab positions near Baidoa.", dt.date(2020, 1, 5))
    assert ("SNA", "Military Forces of Somalia", "agent") in found(somali)
    syrian = recognise(nlp, "In northern Syria, the SNA shelled Kurdish positions.", dt.date(2020, 1, 5))
    assert ("SNA", "Syrian National Army", "agent") in found(syrian)


def test_acronyms_are_case_sensitive_and_dated(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions = recognise(nlp, "Download the pdf of the report. Police arrested two men.", dt.date(2012, 1, 1))
    assert all(m.actor.name != "People's Defence Force" for m in mentions)


def test_leaders_map_to_their_faction_and_pronouns_resolve(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Ahmad Massoud army ambushed a convoy of the Taliban in the valley. "
            "The resistance forces say they killed 40 of them.")
    got = found(recognise(nlp, text, dt.date(2021, 9, 10)))
    assert ("Ahmad Massoud", "National Resistance Front", "agent") in got or \
        ("Ahmad Massoud army", "National Resistance Front", "agent") in got
    assert ("them", "Taliban", "patient") in got


def test_definite_generic_refers_back_to_the_named_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Boko Haram fighters stormed a village in Borno. The attackers killed six farmers."
    got = found(recognise(nlp, text, dt.date(2020, 6, 1)))
    assert ("attackers", "Boko Haram", "agent") in got
    assert ("farmers", "Civilians (Nigeria)", "patient") in got


def test_unknown_named_groups_are_kept_with_a_type_guess(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions = recognise(nlp, "The Northern Mountains Liberation Front attacked a police post.")
    front = [m for m in mentions if "Liberation Front" in m.actor.name]
    assert front and front[0].actor.known is False and front[0].actor.inter == 2 and front[0].role == "agent"


def test_counted_people_and_streets_are_no_named_groups(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.actors.fallback import names_a_street

    # 'two Gary men': people of a town the NER took for a person, not the militia of a man called Gary.
    mentions = recognise(nlp, "A gunman shot two Gary men outside a bar on Friday.")
    assert not [m for m in mentions if m.actor.name.startswith("Militia")]
    assert names_a_street("Old Legion Lake Road") and names_a_street("Liberty Towers")
    assert not names_a_street("Arakan Army") and not names_a_street("Road")


def test_coordinated_demonym_names_both_forces(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(recognise(nlp, "Malian and French troops killed ten militants near Gao.", dt.date(2019, 2, 1)))
    names = {name for _, name, _ in got}
    assert {"Military Forces of Mali", "Military Forces of France"} <= names


def test_names_coordinated_before_a_shared_head_are_each_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    # 'Fulani militia' and 'Tiv militia' are aliases; the plural head is shared by both names.
    got = found(recognise(nlp, "Fulani and Tiv militias clashed over farmland near Makurdi.", dt.date(2022, 2, 1)))
    assert ("Fulani", "Fulani Ethnic Militia", "agent") in got
    assert ("Tiv militias", "Tiv Ethnic Militia", "agent") in got
    # A capitalised word that makes no alias with the head is no actor.
    got = found(recognise(nlp, "On Monday and Tiv militias clashed near Makurdi.", dt.date(2022, 2, 1)))
    assert all(name != "Monday" for name, _, _ in got)


def test_forces_named_by_their_weapons_are_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(recognise(nlp, "Junta aircraft bombed a market in the township, killing five civilians.",
                          dt.date(2024, 2, 20)))
    assert any(text.lower() == "junta" and name.startswith("Military Forces") and role == "agent"
               for text, name, role in got)
    # A generic word that only modifies a thing that fights nothing is still none.
    got = found(recognise(nlp, "Two men were held at the police station overnight.", dt.date(2024, 2, 20)))
    assert all(not name.startswith("Police Forces") for _, name, _ in got)


def test_attack_nouns_and_participles_give_roles(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(recognise(nlp, "Dozens died in ISWAP attacks. The soldiers killed in the raid were buried.",
                          dt.date(2021, 2, 1)))
    assert ("ISWAP", "Islamic State West Africa Province", "agent") in got
    assert any(text == "soldiers" and role == "patient" for text, _, role in got)


def test_a_speaker_reporting_its_own_deed_is_its_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    got = found(recognise(nlp, "KAMPALA, Uganda - The army said it had killed 14 rebels near the border.",
                          dt.date(2024, 2, 1)))
    assert any(text == "army" and role == "agent" for text, _, role in got)
    # Without an act of force in the reported clause the speaker is only a source.
    quiet = found(recognise(nlp, "KAMPALA, Uganda - The army said it was investigating the report.",
                            dt.date(2024, 2, 1)))
    assert not any(text == "army" for text, _, _ in quiet)


def test_who_investigates_or_responds_is_an_onlooker(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("Police are investigating the shooting of two men in the city.",
                 "Police officers were called to the scene of the shooting.",
                 "Police officers responded to reports of gunfire near the park.",
                 "Police are continuing to search for the gunman."):
        roles = {m.span.text.lower(): m.role for m in recognise(nlp, text)}
        assert "onlooker" in roles.values(), (text, roles)
    roles = {m.span.text: m.role for m in recognise(nlp, "Police shot a man who fired at them.")}
    assert roles.get("Police") == "agent"
