"""ACLED's names for actors (Actor.acled_name), on hand-made actors and invented dates."""

from __future__ import annotations

import datetime as dt

from sitrep.actors.acled import acled_name, government_period
from sitrep.model import Actor


def actor(name: str, country: str | None, type_: str = "state forces", inter: int = 1) -> Actor:
    return Actor(name=name, type=type_, inter=inter, country=country, known=True)


def test_state_forces_take_the_government_period_of_the_events_day() -> None:
    army = actor("Military Forces of Nigeria", "NG")
    assert acled_name(army, dt.date(2022, 11, 2)) == "Military Forces of Nigeria (2015-2023)"
    assert acled_name(army, dt.date(2023, 5, 28)) == "Military Forces of Nigeria (2015-2023)"
    assert acled_name(army, dt.date(2023, 5, 29)) == "Military Forces of Nigeria (2023-)"
    police = actor("Police Forces of Kenya", "KE")
    assert acled_name(police, dt.date(2024, 6, 25)) == "Police Forces of Kenya (2022-)"


def test_a_dated_sitrep_name_is_renamed_by_the_day_and_english_keeps_its_article() -> None:
    afghan = actor("Military Forces of Afghanistan (2004-2021)", "AF")
    assert acled_name(afghan, dt.date(2018, 3, 1)) == "Military Forces of Afghanistan (2014-2021)"
    us = actor("Military Forces of the United States", "US")
    assert acled_name(us, dt.date(2022, 1, 5)) == "Military Forces of the United States (2021-2025)"


def test_forces_of_another_authority_and_unknown_days_keep_sitreps_name() -> None:
    kurdish = actor("Military Forces of Iraq (Kurdistan Regional Government)", "IQ")
    assert acled_name(kurdish, dt.date(2022, 1, 5)) == kurdish.name
    assert acled_name(actor("Military Forces of Nigeria", "NG"), None) == "Military Forces of Nigeria"
    assert government_period("NG", dt.date(1950, 1, 1)) is None


def test_acronym_prefixes_spellings_and_country_of_transnational_groups() -> None:
    assert acled_name(actor("Syrian Democratic Forces", "SY", "rebel group", 2), None) == \
        "SDF: Syrian Democratic Forces"
    assert acled_name(actor("al-Shabaab", "SO", "rebel group", 2), None) == "Al Shabaab"
    islamic_state = actor("Islamic State", None, "rebel group", 2)
    assert acled_name(islamic_state, None, "IQ") == "Islamic State (Iraq)"
    assert acled_name(islamic_state, None, None) == "Islamic State"


def test_identity_militias_carry_their_country() -> None:
    assert acled_name(actor("Tiv Ethnic Militia", "NG", "identity militia", 4), None) == \
        "Tiv Ethnic Militia (Nigeria)"
    assert acled_name(actor("Fulani Ethnic Militia", None, "identity militia", 4), None, "ML") == \
        "Fulani Ethnic Militia (Mali)"


def test_a_de_facto_authority_is_named_as_the_states_forces_from_the_day_it_took_power() -> None:
    taliban = actor("Taliban", "AF", "rebel group", 2)
    assert acled_name(taliban, dt.date(2021, 8, 14)) == "Taliban"
    assert acled_name(taliban, dt.date(2022, 5, 2)) == "Military Forces of Afghanistan (2021-)"
    assert acled_name(taliban, None) == "Taliban"


def test_acronym_prefixes_of_groups_in_latin_america_and_south_asia() -> None:
    assert acled_name(actor("National Liberation Army (Colombia)", "CO", "rebel group", 2), None) == \
        "ELN: National Liberation Army"
    assert acled_name(actor("Communist Party of India (Maoist)", "IN", "rebel group", 2), None) == \
        "CPI (Maoist): Communist Party of India (Maoist)"


def test_turkeys_forces_take_the_period_acled_opens_after_the_2016_coup_attempt() -> None:
    turkey = actor("Military Forces of Turkey", "TR")
    assert acled_name(turkey, dt.date(2015, 3, 1)) == "Military Forces of Turkey (2002-2016)"
    assert acled_name(turkey, dt.date(2023, 6, 6)) == "Military Forces of Turkey (2016-)"
