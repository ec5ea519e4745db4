"""State forces the text names by what they do or fire ('authorities arrested', 'air defence shot down', 'an
Israeli air strike'), as ACLED names them. Notes written for these tests."""

from __future__ import annotations

import datetime as dt

from sitrep.model import Article


def _actor1(pipeline, text: str, day: dt.date) -> str | None:  # type: ignore[no-untyped-def]
    events = pipeline(Article.from_text(text, published=day)).events
    assert events, text
    return events[0].actor1.acled_name if events[0].actor1 is not None else None


def test_authorities_who_arrest_are_the_police(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _actor1(pipeline, "On 3 May 2022, authorities detained two bloggers in Shiraz (Shiraz, Fars).",
                   dt.date(2022, 5, 3)) == "Police Forces of Iran (1989-)"


def test_air_defence_is_the_military_of_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _actor1(pipeline, "On 2 April 2024, Ukrainian air defence shot down 4 drones over Poltava "
                   "(Poltavskyi, Poltava).", dt.date(2024, 4, 2)) == "Military Forces of Ukraine (2019-)"


def test_a_countrys_air_strike_is_its_military(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _actor1(pipeline, "On 6 June 2023, a Turkish air strike hit a farm near Zakho (Zakho, Dahuk). "
                   "2 people were killed.", dt.date(2023, 6, 6)) == "Military Forces of Turkey (2016-)"


def test_a_military_helicopter_is_the_military_where_it_strikes(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _actor1(pipeline, "On 9 August 2023, a military helicopter fired on a village in Tamu township "
                   "(Tamu, Sagaing). 2 people were killed.", dt.date(2023, 8, 9)) == "Military Forces of Myanmar (2021-)"


def test_security_forces_who_fire_on_a_crowd_are_its_police(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _actor1(pipeline, "On 14 October 2022, security forces fired on demonstrators in Zahedan "
                   "(Zahedan, Sistan and Baluchestan), killing 4. 4 fatalities.",
                   dt.date(2022, 10, 14)) == "Police Forces of Iran (1989-)"


def test_a_strike_of_workers_is_no_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline(Article.from_text("On 1 March 2024, Kenyan teachers joined a national strike in Nairobi "
                                        "over pay.", published=dt.date(2024, 3, 1))).events
    assert not any(a is not None and a.name.startswith("Military Forces")
                   for e in events for a in (e.actor1, e.actor2, *e.assoc_actors))


def test_arrests_with_no_force_named_are_the_polices(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _actor1(pipeline, "On 3 May 2022, two bloggers were arrested in Shiraz (Shiraz, Fars).",
                   dt.date(2022, 5, 3)) == "Police Forces of Iran (1989-)"


def test_the_town_before_its_stated_units_is_the_events_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline(Article.from_text("On 2 December 2023, hundreds of people gathered in central Lisbon (Lisbon, "
                                        "Lisbon) to call for a ceasefire in Gaza.",
                                        published=dt.date(2023, 12, 2))).events
    assert events and events[0].location is not None and events[0].location.country_code == "PT"


def test_the_side_that_attacks_first_is_actor1_of_the_battle(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline(Article.from_text("On 3 June 2024, al-Shabaab fighters attacked an army base in Bulo Burte "
                                        "(Bulo Burte, Hiiraan). The soldiers repelled the attack after an hour of "
                                        "heavy fighting.", published=dt.date(2024, 6, 3))).events
    battle = next(e for e in events if e.event_type == "Battles")
    assert battle.actor1 is not None and battle.actor1.acled_name == "Al Shabaab"
