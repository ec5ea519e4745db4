"""Audit of issue #13's ACLED conventions (tenth session) through the whole pipeline: invented ACLED-style notes
that failed before the audit's fixes (victims of one-sided violence, the side that attacks, groups of countries
the actor table lacked, a de facto authority). Notes written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model import Article, Event


def _main(pipeline, text: str, day: dt.date) -> Event:  # type: ignore[no-untyped-def]
    events = pipeline(Article.from_text(text, published=day)).events
    return max(events, key=lambda e: e.confidence)


def _name(event: Event, which: str) -> str | None:
    actor = getattr(event, which)
    return actor.acled_name if actor is not None else None


# (note, the ACLED names expected of its main event's actors)
NAMED = [
    # violence against civilians has civilians for actor2
    ("On 19 January 2024, unidentified gunmen killed a clan elder in Beledweyne (Belet Weyne, Hiraan). 1 fatality.",
     {"actor1": "Unidentified Armed Group (Somalia)", "actor2": "Civilians (Somalia)"}),
    ("On 1 January 2022, Ethiopian forces conducted a drone strike on a camp in Dedebit (Tahtay Adiyabo, Tigray), "
     "killing 20 IDPs. 20 fatalities.",
     {"actor1": "Military Forces of Ethiopia (2018-)", "actor2": "Civilians (Ethiopia)"}),
    # named groups of Colombia and India carry ACLED's acronyms
    ("On 30 September 2022, ELN rebels ambushed a military patrol near Tame (Tame, Arauca), killing 3 soldiers. "
     "3 fatalities.", {"actor1": "ELN: National Liberation Army"}),
    ("On 1 December 2023, Maoists killed a villager they accused of being a police informer in Bijapur (Bijapur, "
     "Chhattisgarh). 1 fatality.",
     {"actor1": "CPI (Maoist): Communist Party of India (Maoist)", "actor2": "Civilians (India)"}),
    # the Taliban after the takeover are Afghanistan's forces
    ("On 2 May 2022, Taliban forces detained 3 men in Taloqan (Taloqan, Takhar).",
     {"actor1": "Military Forces of Afghanistan (2021-)"}),
    # unnamed clan and tribal militias carry their country
    ("On 14 September 2022, two clan militias clashed over grazing land near Galkayo (Galkacyo, Mudug). "
     "6 fatalities.", {"actor1": "Unidentified Clan Militia (Somalia)"}),
    ("On 2 March 2023, armed tribesmen clashed with Houthi forces in Al Bayda (Al Bayda City, Al Bayda). "
     "3 fatalities.", {"actor1": "Unidentified Tribal Militia (Yemen)"}),
    # mobs that burn houses are rioters
    ("On 4 May 2023, mobs set fire to houses in Imphal (Imphal West, Manipur).", {"actor1": "Rioters (India)"}),
    # the state's forces told first in a battle are actor1
    ("On 16 May 2023, the army and the ELN fought in a rural area of Saravena (Saravena, Arauca). 2 ELN members "
     "were killed.",
     {"actor1": "Military Forces of Colombia (2022-)", "actor2": "ELN: National Liberation Army"}),
    # a country's ammunition depot stands for its military
    ("On 4 November 2023, Ukrainian forces struck a Russian ammunition depot in Tokmak (Tokmak, Zaporizhia) with "
     "missiles.", {"actor2": "Military Forces of Russia (2000-)"}),
]


def _day(note: str) -> dt.date:
    """The note's own day ('On 19 January 2024, ...'), its publication date here."""
    return dt.datetime.strptime(note[3:note.index(",")], "%d %B %Y").date()


@pytest.mark.parametrize(("note", "names"), NAMED, ids=[note[3:note.index(",")] for note, _ in NAMED])
def test_notes_carry_acleds_actor_names(pipeline, note: str, names: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, note, _day(note))
    assert {which: _name(event, which) for which in names} == names


def test_violence_against_civilians_is_typed_so(pipeline) -> None:  # type: ignore[no-untyped-def]
    note = NAMED[0][0]
    assert _main(pipeline, note, _day(note)).event_type == "Violence against civilians"


def test_a_stated_province_of_several_words_places_the_note(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, "On 28 April 2021, demonstrators blocked roads and clashed with riot police in Cali "
                  "(Cali, Valle del Cauca). Several people were injured.", dt.date(2021, 4, 28))
    assert event.location is not None and event.location.country_code == "CO"
    assert _name(event, "actor1") == "Rioters (Colombia)"


def test_a_note_without_a_country_is_placed_in_its_groups_home(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = _main(pipeline, "On 5 May 2023, Houthi forces shelled Hays, killing a woman. 1 fatality.",
                  dt.date(2023, 5, 5))
    assert event.location is not None and event.location.country_code == "YE"
