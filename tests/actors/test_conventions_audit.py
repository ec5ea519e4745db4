"""Audit of issue #13's ACLED conventions (tenth session) through the whole pipeline: invented ACLED-style notes
that failed before the audit's fixes (victims of one-sided violence, the side that attacks, groups of countries
the actor table lacked, a de facto authority). Notes written for these tests."""

from __future__ import annotations

import datetime as dt

from sitrep.model import Article, Event


def _main(pipeline, text: str, day: dt.date) -> Event:  # type: ignore[no-untyped-def]
    events = pipeline(Article.from_text(text, published=day)).events
    return max(events, key=lambda e: e.confidence)


def _name(event: Event, which: str) -> str | None:
    actor = getattr(event, which)
    return actor.acled_name if actor is not None else None


def test_violence_against_civilians_has_civilians_for_actor2(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, "On 19 January 2024, unidentified gunmen killed a clan elder in Beledweyne "
                  "(Belet Weyne, Hiraan). 1 fatality.", dt.date(2024, 1, 19))
    assert event.event_type == "Violence against civilians"
    assert _name(event, "actor1") == "Unidentified Armed Group (Somalia)"
    assert _name(event, "actor2") == "Civilians (Somalia)"


def test_displaced_people_killed_in_a_strike_are_civilians(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, "On 1 January 2022, Ethiopian forces conducted a drone strike on a camp in Dedebit "
                  "(Tahtay Adiyabo, Tigray), killing 20 IDPs. 20 fatalities.", dt.date(2022, 1, 1))
    assert _name(event, "actor1") == "Military Forces of Ethiopia (2018-)"
    assert _name(event, "actor2") == "Civilians (Ethiopia)"


def test_named_groups_of_colombia_and_india_carry_acleds_acronyms(pipeline) -> None:  # type: ignore[no-untyped-def]
    eln = _main(pipeline, "On 30 September 2022, ELN rebels ambushed a military patrol near Tame (Tame, Arauca), "
                "killing 3 soldiers. 3 fatalities.", dt.date(2022, 9, 30))
    assert _name(eln, "actor1") == "ELN: National Liberation Army"
    maoists = _main(pipeline, "On 1 December 2023, Maoists killed a villager they accused of being a police "
                    "informer in Bijapur (Bijapur, Chhattisgarh). 1 fatality.", dt.date(2023, 12, 1))
    assert _name(maoists, "actor1") == "CPI (Maoist): Communist Party of India (Maoist)"
    assert _name(maoists, "actor2") == "Civilians (India)"


def test_the_taliban_after_the_takeover_are_afghanistans_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, "On 2 May 2022, Taliban forces detained 3 men in Taloqan (Taloqan, Takhar).",
                  dt.date(2022, 5, 2))
    assert _name(event, "actor1") == "Military Forces of Afghanistan (2021-)"


def test_a_stated_province_of_several_words_places_the_note(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, "On 28 April 2021, demonstrators blocked roads and clashed with riot police in Cali "
                  "(Cali, Valle del Cauca). Several people were injured.", dt.date(2021, 4, 28))
    assert event.location is not None and event.location.country_code == "CO"
    assert _name(event, "actor1") == "Rioters (Colombia)"


def test_unnamed_clan_and_tribal_militias_carry_their_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    clans = _main(pipeline, "On 14 September 2022, two clan militias clashed over grazing land near Galkayo "
                  "(Galkacyo, Mudug). 6 fatalities.", dt.date(2022, 9, 14))
    assert _name(clans, "actor1") == "Unidentified Clan Militia (Somalia)"
    tribes = _main(pipeline, "On 2 March 2023, armed tribesmen clashed with Houthi forces in Al Bayda (Al Bayda City, "
                   "Al Bayda). 3 fatalities.", dt.date(2023, 3, 2))
    assert _name(tribes, "actor1") == "Unidentified Tribal Militia (Yemen)"


def test_mobs_that_burn_houses_are_rioters(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, "On 4 May 2023, mobs set fire to houses in Imphal (Imphal West, Manipur).",
                  dt.date(2023, 5, 4))
    assert _name(event, "actor1") == "Rioters (India)"


def test_the_states_forces_told_first_in_a_battle_are_actor1(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, "On 16 May 2023, the army and the ELN fought in a rural area of Saravena (Saravena, "
                  "Arauca). 2 ELN members were killed.", dt.date(2023, 5, 16))
    assert _name(event, "actor1") == "Military Forces of Colombia (2022-)"
    assert _name(event, "actor2") == "ELN: National Liberation Army"


def test_a_countrys_ammunition_depot_stands_for_its_military(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, "On 4 November 2023, Ukrainian forces struck a Russian ammunition depot in Tokmak "
                  "(Tokmak, Zaporizhia) with missiles.", dt.date(2023, 11, 4))
    assert _name(event, "actor2") == "Military Forces of Russia (2000-)"


def test_a_note_without_a_country_is_placed_in_its_groups_home(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, "On 5 May 2023, Houthi forces shelled Hays, killing a woman. 1 fatality.",
                  dt.date(2023, 5, 5))
    assert event.location is not None and event.location.country_code == "YE"
