"""What kind of violence an event is, read from its words (events.violence_kind) and what its instrument words name
(events.detect `names_its_instrument`). Invented texts."""

from __future__ import annotations

from sitrep.events.actors import EventActors
from sitrep.events.assemble import EventAssembler
from sitrep.events.detect import in_its_sense, names_its_instrument
from sitrep.events.triggers import CueHit
from sitrep.events.violence_kind import (
    Told,
    kind_of_violence,
    read_perpetrator,
    tells_an_accident,
    tells_an_exchange,
)
from sitrep.model import Actor, Event, EventMention
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
    assert kind_of_violence("MAN_MADE_DISASTER", told("Gunmen opened fire inside the club at 2 a.m.")) == "ATTACK"
    # One unknown person's shooting is then read for its perpetrator: a crime.
    assert kind_of_violence("MAN_MADE_DISASTER", told("Someone opened fire inside the club at 2 a.m.")) == "ORG_CRIME"
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
    assert kind_of_violence("ATTRIB", told("Gunmen are accused of shooting a village elder on Friday.")) == "ATTACK"
    # The shooting is the event, and its words tell one man's crime (his neighbour): Non-ACLED criminal violence.
    assert kind_of_violence("ATTRIB", told("A man is accused of shooting his neighbour on Friday.")) == "ORG_CRIME"
    assert kind_of_violence("ATTRIB", told("The group claimed the bombing.")) == "ATTRIB"


def test_a_mobs_attack_without_a_shooting_is_mob_violence() -> None:
    lynching = told("An angry mob beat a suspected thief to death in the market.", actors=EventActors(CROWD, VICTIMS))
    assert kind_of_violence("ATTACK", lynching) == "MOB_VIOL"
    # A shooting, or an armed side, keeps the attack; so does a perpetrator that is no crowd.
    shot = told("A group of youths opened fire on a car, wounding two.", actors=EventActors(CROWD, VICTIMS))
    assert kind_of_violence("ATTACK", shot) != "MOB_VIOL"
    assert kind_of_violence("ATTACK", told("A mob stoned a police patrol.", actors=EventActors(CROWD, POLICE))) \
        == "ATTACK"
    assert kind_of_violence("ATTACK", told("Gunmen beat a trader to death.", actors=EventActors(GANG, VICTIMS))) \
        == "ATTACK"


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


def typed_alone(sentences: list[str], code: str) -> Event:
    """The one event assembled from ``sentences`` whose first the classifier typed ``code``."""
    doc = make_doc(sentences)
    doc.event_mentions = [event(doc, 0, code)]
    [found] = EventAssembler().match(doc)
    return found


def test_assembly_types_the_event_by_its_words() -> None:
    found = typed_alone(["A 7-year-old boy was accidentally shot by his brother in Lakeport on Sunday.",
                         "The boy was taken to a hospital."], "ATTACK")
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


def assert_read_as(texts: list[str], criminal: bool) -> None:
    """Each text, alone, reads as a crime (Non-ACLED) or keeps the ACLED attack."""
    for text in texts:
        assert read_perpetrator([text]).criminal is criminal, text
        assert kind_of_violence("ATTACK", told(text)) == ("ORG_CRIME" if criminal else "ATTACK"), text


def test_one_persons_crime_is_criminal_violence() -> None:
    crimes = [
        "A 41-year-old man shot his neighbor in Brookfield on Tuesday after an argument over a fence.",
        "A Dunmore woman was killed by her estranged husband at her home, police said.",
        "A clerk was shot during an armed robbery at a gas station on Route 9 early Sunday.",
        "Police are searching for the shooter who killed a 19-year-old on Walnut Street on Friday night.",
        "The suspect fled in a silver sedan after shooting a man outside a Fairhaven apartment complex.",
        "A man was charged with second-degree murder in the shooting death of a Lakeport teen.",
        "Officers found a couple dead in what investigators called a murder-suicide.",
        "Anyone with information about the shooting is asked to call Crime Stoppers.",
    ]
    assert_read_as(crimes, criminal=True)
    # A clash without an exchange of fire is a one-sided attack, and then its words are read the same way.
    assert kind_of_violence("ARMED_CLASH", told("A man shot his cousin after a quarrel in Elmdale.")) == "ORG_CRIME"


def test_an_organised_perpetrator_keeps_the_acled_type() -> None:
    acled = [
        "On 4 March 2023, unidentified gunmen shot dead a trader in Kadiri (Zurmi, Zamfara). 1 fatality.",
        "On 9 June 2022, gang members killed a bus driver during a robbery in Belair (Port-au-Prince, Ouest).",
        "On 2 May 2024, suspected bandits abducted and killed a farmer near Gusau; police arrested a suspect.",
        "On 17 July 2023, militants killed 3 villagers in a raid on Tamou (Say, Tillaberi). 3 fatalities.",
        "On 11 January 2024, armed men on motorbikes shot a school teacher in Mopti. 1 fatality.",
        "Police said the shooting outside the Rosedale bar was gang-related and the shooter is still at large.",
        "A man was shot by a deputy after he pointed a rifle at officers, and the suspect died at the scene.",
        "Officers shot a man who fled a traffic stop; the suspect was taken to a hospital.",
        "The suspect told investigators the shooting at the temple was a hate crime, police said.",
        "Cartel hitmen shot a man during an argument at a bar in Elm Valley.",
    ]
    assert_read_as(acled, criminal=False)


def test_a_shooting_without_a_perpetrators_words_keeps_its_type() -> None:
    # Nothing tells who fired: ACLED's reading (an unidentified armed group) is kept.
    assert kind_of_violence("ATTACK", told("A man was shot dead in the market of Dorra on Monday.")) == "ATTACK"
    # An organised reading that the sentence denies counts for nothing.
    denied = told("Police do not believe the shooting was gang-related.",
                  "The suspect was arrested on Sunday in Millbrook.")
    assert kind_of_violence("ATTACK", denied) == "ORG_CRIME"
    # Only attacks become crimes: a clash told as one, an abduction or an accident keep their reading.
    assert kind_of_violence("ARMED_CLASH", told("The suspect and officers exchanged gunfire.")) == "ARMED_CLASH"
    assert kind_of_violence("ABDUCT_DISSAP", told("The suspect kidnapped his ex-girlfriend.")) == "ABDUCT_DISSAP"
    assert kind_of_violence("ATTACK", told("A boy accidentally shot his brother, police said.")) \
        == "MAN_MADE_DISASTER"


def test_a_shooting_told_as_a_police_call_is_a_crime() -> None:
    calls = [
        "Four people were wounded in a shooting Saturday afternoon in the Elmwood neighborhood.",
        "A 22-year-old man was killed in a drive-by shooting on the east side of Lakeport.",
        "Officers found two shooting victims outside a Millbrook liquor store late Friday.",
        "The teen was taken to Mercy Hospital with gunshot wounds to the leg and arm.",
        "A woman was pronounced dead at the scene on Harlan Avenue.",
        "Neighbors called 911 after shots rang out near a Fairhaven park on Sunday night.",
        "Two men were shot in the 4800 block of North Sheldon Road about 7 p.m.",
    ]
    assert_read_as(calls, criminal=True)
    # Conflict reporting names the armed group, if only as gunmen; terror and a 'shooting attack' are not calls.
    assert_read_as(["Three soldiers were wounded in a shooting by militants near Dorra on Monday.",
                    "Unidentified gunmen shot two traders in the 200 block of Market Road in Kadiri. 2 fatalities.",
                    "Two settlers were wounded in a shooting attack near Kfar Adin, the army said.",
                    "A police officer was killed in a shooting the ministry called a terrorist attack."], criminal=False)


def test_assembly_types_a_crime_as_non_acled_without_an_armed_group() -> None:
    found = typed_alone(["A Lakeport man shot his roommate after an argument on Sunday, police said.",
                         "The roommate was taken to a hospital with a wound to the leg."], "ATTACK")
    assert (found.event_type, found.sub_event_type) == ("Non-ACLED", "Criminal violence")
    assert found.actor1 is None or "Armed Group" not in found.actor1.name


def test_state_forces_doing_violence_are_told_apart_from_officers_hit() -> None:
    # Police violence keeps its ACLED type, even when a detainee was held 'in custody'.
    beaten = told("On 5 May 2023, police beat a tailor in custody in Rangpur (Rangpur, Rangpur). 1 fatality.")
    assert kind_of_violence("ATTACK", beaten) == "ATTACK"
    # Two officers hit in an ambush are the victims: the suspect's crime.
    ambush = told("Two officers shot in ambush outside Millbrook station; the suspect fled on foot.")
    assert kind_of_violence("ATTACK", ambush) == "ORG_CRIME"


def test_violence_typed_as_crime_that_an_organised_group_did_is_acled() -> None:
    gang = told("Two gang members were charged in the slaying of a Riverton teen, police said.")
    assert kind_of_violence("ORG_CRIME", gang) == "ATTACK"
    assert kind_of_violence("ORG_CRIME", told("Rival gang members fired at each other.", alternative="ARMED_CLASH")) \
        == "ARMED_CLASH"
    assert kind_of_violence("ORG_CRIME", told("A man robbed a store and shot the clerk.")) == "ORG_CRIME"
    # An organised reading left open is no organised group.
    hedged = told("Police said the shooting may be gang-related; the suspect fled.")
    assert kind_of_violence("ATTACK", hedged) == "ORG_CRIME"


def test_one_person_as_the_shooter_is_a_crime() -> None:
    for text in ("A man shot four guests at a birthday party in Oakdale after he was refused entry.",
                 "Police believe someone driving past the house opened fire on the porch.",
                 "Two groups argued outside the diner until one person pulled a gun.",
                 "A woman fatally shot her 17-month-old son and her husband at their home near Ashby."):
        assert kind_of_violence("ATTACK", told(text)) == "ORG_CRIME", text
    # A soldier is no one man with his own motive.
    assert kind_of_violence("ATTACK", told("On 2 May 2023, a soldier shot dead a herder near Kaya. 1 fatality.")) \
        == "ATTACK"
