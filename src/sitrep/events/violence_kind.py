"""What kind of violence an event is, told by the event's words rather than by its typing sentence alone.

The classifier types one sentence; some kinds of violence are told by the report around it (issue #9 point 5):

- an **accident**: a shooting the headline or the event's first sentences call accidental ('accidentally shot his
  brother', 'the gun went off') is a Non-ACLED "Accident" (ACLED codes no accidental shooting), whatever code the
  typing sentence took; and a shooting typed as an accident ('fire' in 'opened fire' is a disaster's cue) that no
  sentence calls accidental takes the ACLED code the sentence's violence stands for;
- a **one-sided attack**: an armed clash is between two armed, organised sides (ACLED), so an event typed as a clash
  whose words tell no exchange of fire (data/events/exchange_words.tsv) and whose actors are not both armed is an
  attack ('two men opened fire on a group outside a bar'); a shooting typed as a protest or a riot whose sentences
  name no gathering and whose actors no crowd ('fired into a crowd at a party') is an attack too, and so is a
  shooting typed as a claimed or blamed attack ('accused of shooting his nephew': the shooting is the event);
- a **crime**: ACLED's violence against civilians is done by an organised group; an attack whose words tell one
  person's crime (a quarrel, a robbery, a partner or neighbour shot, the shooter the police seek), or a shooting
  told as a police call ('four wounded in a shooting in the 4800 block of ...'), and no organised group, no state
  forces firing and no political motive is a Non-ACLED "Criminal violence" (``read_perpetrator``);
  and violence typed as crime whose words tell an organised group ('a gang's drive-by') takes its ACLED code;
- a **mob's violence**: an attack whose actor1 is a crowd of rioters ('a mob attacked residents') and whose words
  tell no shooting is ACLED's Riots / Mob violence.

Words are data: data/events/violence_kind.tsv, data/events/exchange_words.tsv, data/events/perpetrators.tsv.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.events.actors import ARMED, EventActors
from sitrep.events.merge import ACCIDENT
from sitrep.events.triggers import CueHit, agent_kind, find_cues, patient_kind
from sitrep.model.span import Span
from sitrep.resources import read_patterns, read_table

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

__all__ = ["ACCIDENT", "CRIME", "Perpetrator", "Told", "armed_on_both_sides", "kind_of_violence", "read_perpetrator",
           "tells_an_accident", "tells_an_exchange"]

MOB = "MOB_VIOL"
CRIME = "ORG_CRIME"  # CASE's code of (organised) crime: sitrep's Non-ACLED "Criminal violence"
CLAIMED = "ATTRIB"  # CASE's code of claims and blame: sitrep's Non-ACLED "Claimed or blamed attack"
CLASH = "ARMED_CLASH"
ATTACK = "ATTACK"
# Protest and riot codes: a crowd's (ACLED: protesters or rioters are actor1).
CROWD_CODES = frozenset({"PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR", "MOB_VIOL"})
# Codes of violence that a shooting typed by a disaster or claim code may take back; the codes defined by their
# weapon or act are left out (the sentence's instrument was checked for the code it was typed with, not for these).
PLAIN_VIOLENCE = frozenset({"ATTACK", "ARMED_CLASH", "ABDUCT_DISSAP"})


@dataclass(frozen=True)
class Told:
    """What an event tells, for reading its kind of violence."""

    lead: Sequence[str]  # a main event's headline and the article's first sentences, and the event's first ones
    texts: Sequence[str]  # all the event's sentences (and a main event's headline)
    actors: EventActors
    gathering: bool = False  # its sentences name people gathered to protest (events.merge `gathering_kind`)
    # Its sentences name a crowd among their actors (protesters, rioters, a mob), not only the 'Rioters (Country)'
    # that a protest or riot code makes actor1 when nobody is named.
    crowd: bool = False
    alternative: str | None = None  # the typing mention's best ACLED code (for a CASE extra code)
    # Its sentences tell armed actors on both sides of its act ('M23 rebels attacked FARDC positions'), for a clash
    # whose sides the event's actor1 and actor2 do not both hold (see ``armed_on_both_sides``).
    armed_sides: bool = False


def _words() -> dict[str, re.Pattern[str]]:
    return read_patterns("events/violence_kind.tsv", "kind")


def _perpetrator_words() -> dict[str, re.Pattern[str]]:
    return read_patterns("events/perpetrators.tsv", "kind")


@functools.lru_cache(maxsize=1)
def _exchange_words() -> re.Pattern[str]:
    patterns = [row["pattern"] for row in read_table("events/exchange_words.tsv")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def tells_an_accident(texts: Sequence[str]) -> bool:
    """Whether one of ``texts`` (sentences) calls a shooting an accident without denying it."""
    words = _words()
    return any(words["accident"].search(text) and words["firearm"].search(text) and not words["denied"].search(text)
               for text in texts)


def tells_a_shooting(texts: Sequence[str]) -> bool:
    return any(_words()["shooting"].search(text) for text in texts)


def tells_an_exchange(texts: Sequence[str]) -> bool:
    """Whether one of ``texts`` tells an exchange of fire or a fight between two sides."""
    return any(_exchange_words().search(text) for text in texts)


def _both_armed(told: Told) -> bool:
    """Whether two armed sides are told: actor1 and actor2 both armed, or state forces and a non-state armed group
    both doing or undergoing the act in the event's sentences."""
    one, two = told.actors.actor1, told.actors.actor2
    return (one is not None and two is not None and one.inter in ARMED and two.inter in ARMED) or told.armed_sides


ARMED_KINDS = ("state", "nonstate")
RIOTERS = 5  # ACLED's inter code of rioters (a mob, looters)


def _by_rioters(actors: EventActors) -> bool:
    """An attack by a crowd of rioters (actor1 a mob) on no armed side."""
    one, two = actors.actor1, actors.actor2
    return one is not None and one.inter == RIOTERS and (two is None or two.inter not in ARMED)


def armed_on_both_sides(parsed: SpacyDoc, triggers: Sequence[Span]) -> bool:
    """Whether one of the acts ``triggers`` (spans of the parsed text) is done by an armed actor to an armed actor,
    as the actor cues of its subject and object tell (events.triggers `agent_kind`, `patient_kind`): state forces,
    rebels, militants, militias."""
    for trigger in triggers:
        tokens = parsed.char_span(trigger.start, trigger.end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            continue
        sent = tokens.sent
        hits = find_cues(sent)
        act = CueHit("act", tokens.start, tokens.end, True)
        if agent_kind(sent, act, hits) in ARMED_KINDS and patient_kind(sent, act, hits) in ARMED_KINDS:
            return True
    return False


@dataclass(frozen=True)
class Perpetrator:
    """Who the event's words say did the violence (data/events/perpetrators.tsv)."""

    organised: bool  # an armed, organised group, state forces firing, or a political motive
    individual: bool  # one person's crime: his own motive, a victim he knew, the shooter the police seek
    # Told as local news tells a police call ('wounded in a shooting', 'gunshot wounds', 'in the 4800 block of'),
    # where conflict reporting names the armed group that attacked, if only as 'unidentified gunmen'.
    police_call: bool = False

    @property
    def criminal(self) -> bool:
        """A crime ACLED does not code: one person's or a police call's, with no organised group told."""
        return (self.individual or self.police_call) and not self.organised


ORGANISED_KINDS = ("organised", "state", "political")


def read_perpetrator(texts: Sequence[str]) -> Perpetrator:
    """Who did the violence ``texts`` (sentences) tell: an organised group in one sentence that does not deny it
    ('not gang-related'), or one person's crime, or a shooting told as a police call."""
    words = _perpetrator_words()
    organised = any(words[kind].search(text) and not words["denied"].search(text)
                    for text in texts for kind in ORGANISED_KINDS)
    individual = any(words["individual"].search(text) for text in texts)
    police_call = any(words["police_call"].search(text) for text in texts)
    return Perpetrator(organised, individual, police_call)


def kind_of_violence(code: str, told: Told) -> str:
    """The event's code once its words are read (``code``: its typing sentence's)."""
    shooting = tells_a_shooting(told.texts)
    taken_back = told.alternative if told.alternative in PLAIN_VIOLENCE else ATTACK
    if shooting and code == CLAIMED:
        code = taken_back  # 'accused of shooting his nephew': the shooting is the event
    elif shooting and code == ACCIDENT and not tells_an_accident(told.texts):
        code = taken_back  # 'someone opened fire in the club' typed by the disaster cue 'fire'
    elif shooting and code in CROWD_CODES and not told.gathering and not told.crowd:
        code = ATTACK  # no crowd did it or gathered: people shot at a party, at a club
    elif code == ATTACK and not shooting and _by_rioters(told.actors):
        code = MOB  # 'a mob set fire to houses and attacked residents': ACLED's violence by a crowd is a riot
    if tells_an_accident(told.lead):
        return ACCIDENT
    if code == CLASH and not tells_an_exchange(told.texts) and not _both_armed(told):
        code = ATTACK
    perpetrator = read_perpetrator([*told.lead, *told.texts])
    if code == ATTACK and perpetrator.criminal:
        return CRIME  # ACLED codes an organised group's violence, not one man's crime
    if code == CRIME and perpetrator.organised:
        return taken_back  # a gang's killing typed as crime: ACLED codes it
    return code
