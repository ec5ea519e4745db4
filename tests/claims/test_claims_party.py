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
