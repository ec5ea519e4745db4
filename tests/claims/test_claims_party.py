"""Party tests: which claimant names meet which actor names (no spaCy needed)."""

from __future__ import annotations

from sitrep.claims.party import SELF_REPORT, same_actor


def test_arabic_articles_do_not_make_organisations_one_actor() -> None:
    assert not same_actor("Al-Shabaab", "Al-Qaeda")
    assert not same_actor("Al-Arabiya", "Al-Qaeda")
    assert same_actor("Taliban", "Afghan Taliban")


def test_shared_generic_words_do_not_make_a_party() -> None:
    assert not same_actor("Islamic State", "Islamic Movement of Uzbekistan")
    assert not same_actor("Ministry of Defence", "Defence Ministry of the rebels' state")


def test_a_self_report_opens_with_a_pronoun_not_the_country() -> None:
    assert SELF_REPORT.match("we destroyed five tanks")
    assert SELF_REPORT.match("to have killed 40 soldiers")
    assert not SELF_REPORT.match("US-backed fighters seized the town")
    assert not SELF_REPORT.match("US - backed fighters seized the town")


def test_acled_naming_templates_do_not_make_one_actor() -> None:
    assert not same_actor("Hawiye Clan Militia", "Darod Clan Militia")
    assert not same_actor("Operation Atalanta", "Operation Aspides")
    assert not same_actor("Liwa al-Quds", "Liwa al-Baqir")


def test_state_forces_without_their_country_are_a_party_where_state_forces_fight() -> None:
    from sitrep.claims.party import bare_state_forces, is_party_name
    from sitrep.model import Actor, Event

    assert bare_state_forces("army") and bare_state_forces("The military") and bare_state_forces("police")
    assert not bare_state_forces("Rapid Support Forces") and not bare_state_forces("residents")
    clash = Event(id="e1", article_ids=["a1"], event_type="Battles", sub_event_type="Armed clash",
                  actor1=Actor(name="Military Forces of Kenya (2013-)"), actor2=Actor(name="Al Shabaab"))
    assert is_party_name("army", clash)
    riot = Event(id="e2", article_ids=["a1"], event_type="Riots", sub_event_type="Mob violence",
                 actor1=Actor(name="Rioters (Kenya)"), actor2=Actor(name="Civilians (Kenya)"))
    assert not is_party_name("army", riot)


def test_a_member_of_state_forces_named_by_title_speaks_for_them() -> None:
    from sitrep.claims.party import bare_state_forces, is_party_name
    from sitrep.model import Actor, Event

    assert bare_state_forces("an army commander") and bare_state_forces("police spokesman")
    assert bare_state_forces("military officials")
    assert not bare_state_forces("a commander") and not bare_state_forces("rebel commander")
    assert not bare_state_forces("army veterans")
    clash = Event(id="e1", article_ids=["a1"], event_type="Battles", sub_event_type="Armed clash",
                  actor1=Actor(name="Military Forces of Chad (2021-)"), actor2=Actor(name="FACT"))
    assert is_party_name("army commander", clash)
