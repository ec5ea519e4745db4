"""What kind of violence an event is, read from its words (events.violence_kind) and what its instrument words name
(events.detect `names_its_instrument`). Invented texts."""

from __future__ import annotations

from sitrep.events.actors import EventActors
from sitrep.events.assemble import EventAssembler
from sitrep.events.detect import in_its_sense, names_its_instrument
from sitrep.events.triggers import CueHit
from sitrep.events.violence_kind import Told, kind_of_violence, tells_an_accident, tells_an_exchange
from sitrep.model import Actor, EventMention
from tests.events.test_assemble import event, make_doc, mention

NOBODY = EventActors()
POLICE = Actor(name="Police Forces of the United States", inter=1)
GANG = Actor(name="Unidentified Armed Group (United States)", inter=3)
VICTIMS = Actor(name="Civilians (United States)", inter=7)
CROWD = Actor(name="Rioters (United States)", inter=5)


def told(*texts: str, actors: EventActors = NOBODY, gathering: bool = False, crowd: bool = False,
         alternative: str | None = None) -> Told:
    return Told(texts[:2], texts, actors, gathering, crowd, alternative)


def test_an_accidental_shooting_is_an_accident_whatever_its_sentence_was_typed() -> None:
    for code in ("ATTACK", "ARMED_CLASH", "ART_MISS_ATTACK", "ARREST", "ORG_CRIME"):
        assert kind_of_violence(code, told("A boy, 9, was accidentally shot by his cousin on Sunday.")) \
            == "MAN_MADE_DISASTER"
    assert tells_an_accident(["The rifle went off while he was cleaning it in the garage."])
    assert tells_an_accident(['Two teens were "playing around" with a handgun when it fired.'])


def test_an_accident_told_without_a_gun_or_denied_is_none() -> None:
    assert not tells_an_accident(["He was killed in a car accident last year."])
    assert not tells_an_accident(["Police do not believe the shooting was accidental."])
    assert not tells_an_accident(["Detectives ruled out an accidental shooting."])
    assert kind_of_violence("ATTACK", told("Police do not believe the shooting was accidental.")) == "ATTACK"


def test_a_shooting_typed_as_an_accident_that_nothing_calls_one_is_an_attack() -> None:
    assert kind_of_violence("MAN_MADE_DISASTER", told("Someone opened fire inside the club at 2 a.m.")) == "ATTACK"
    assert kind_of_violence("MAN_MADE_DISASTER", told("A fire destroyed a warehouse on Elm Street.")) \
        == "MAN_MADE_DISASTER"


def test_a_clash_needs_two_sides() -> None:
    one_sided = told("Two men walked up to a group outside a bar and opened fire, killing one.",
                     actors=EventActors(GANG, VICTIMS))
    assert kind_of_violence("ARMED_CLASH", one_sided) == "ATTACK"
    exchange = told("Officers and the gunman exchanged fire in the parking lot.", actors=EventActors(GANG, VICTIMS))
    assert kind_of_violence("ARMED_CLASH", exchange) == "ARMED_CLASH"
    armed = told("Militants attacked an army post near the border.", actors=EventActors(GANG, POLICE))
    assert kind_of_violence("ARMED_CLASH", armed) == "ARMED_CLASH"
    assert not tells_an_exchange(["The deputy is still fighting for his life."])
    assert tells_an_exchange(["A shootout between two cars ended on Main Street."])


def test_a_shooting_typed_as_a_riot_or_claim_without_a_crowd_is_an_attack() -> None:
    party = told("Gunfire erupted at a house party and six people were shot.", actors=EventActors(CROWD))
    assert kind_of_violence("MOB_VIOL", party) == "ATTACK"
    assert kind_of_violence("VIOL_DEMONSTR", told("Protesters threw rocks and a man was shot.", gathering=True)) \
        == "VIOL_DEMONSTR"
    assert kind_of_violence("MOB_VIOL", told("A man was shot by the mob.", actors=EventActors(CROWD, VICTIMS),
                                             crowd=True)) == "MOB_VIOL"
    assert kind_of_violence("ATTRIB", told("A man is accused of shooting his neighbour on Friday.")) == "ATTACK"
    assert kind_of_violence("ATTRIB", told("The group claimed the bombing.")) == "ATTRIB"


def test_instrument_words_in_other_senses_name_no_weapon() -> None:
    shell = [CueHit("ART_MISS_ATTACK", 0, 1, True)]
    assert not names_its_instrument("ART_MISS_ATTACK", shell, ["shell"], "Officers found shell casings in the street.")
    assert names_its_instrument("ART_MISS_ATTACK", shell, ["shell"], "Troops shelled the village overnight.")
    assert not names_its_instrument("ART_MISS_ATTACK", [], [], "A barrage of gunfire hit the house.")
    helicopter = [CueHit("AIR_STRIKE", 0, 1, False)]
    assert not names_its_instrument("AIR_STRIKE", helicopter, ["helicopter"],
                                    "The teen was flown by air medical helicopter to a hospital.")
    assert names_its_instrument("AIR_STRIKE", helicopter, ["helicopter"], "A helicopter gunship fired on the convoy.")
    assert "air force" not in in_its_sense("AIR_STRIKE", "A member of the Air Force was hurt in the shooting.")
    assert "air force" in in_its_sense("AIR_STRIKE", "Air force jets struck the depot.")
    rape = [CueHit("SEX_VIOL", 0, 1, True)]
    assert not names_its_instrument("SEX_VIOL", rape, ["rape"], "He was facing rape charges when he shot two guards.")
    assert names_its_instrument("SEX_VIOL", rape, ["rape"], "Soldiers raped two women in the village.")


def test_assembly_types_the_event_by_its_words() -> None:
    doc = make_doc(["A 7-year-old boy was accidentally shot by his brother in Lakeport on Sunday.",
                    "The boy was taken to a hospital."])
    doc.event_mentions = [event(doc, 0, "ATTACK")]
    [found] = EventAssembler().match(doc)
    assert (found.event_type, found.sub_event_type) == ("Non-ACLED", "Accident")
    doc = make_doc(["Two men opened fire on a group of friends outside a Lakeport bar on Sunday, killing one."])
    doc.event_mentions = [event(doc, 0, "ARMED_CLASH")]
    doc.actors = [mention(doc, "Two men", "Unidentified Armed Group (United States)", "agent", inter=3),
                  mention(doc, "friends", "Civilians (United States)", "patient", inter=7)]
    [found] = EventAssembler().match(doc)
    assert found.sub_event_type == "Attack"
    doc.event_mentions = [EventMention(0, "ARMED_CLASH", "", 0.8)]
    doc.article = doc.article.model_copy(update={"title": "Gun battle outside Lakeport bar"})
    [found] = EventAssembler().match(doc)
    assert found.sub_event_type == "Armed clash"
