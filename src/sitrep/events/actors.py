"""Who did it to whom: an event's actor1, actor2 and associated actors from the roles in its sentences.

actor1 is the agent and actor2 the patient as the parse reads them. Fallbacks, in order: for a battle
told without roles ("clashes between X and Y") the armed groups in the order named; the group a
casualty figure is about ("killed 200 of them") as the patient; for protests and riots the protesters
or rioters as actor1, as ACLED codes them, also when only the organiser is named (a party or union
that calls a protest is its associated actor, the unnamed crowd "Protesters (Country)" actor1); for
violence against civilians or remote violence whose perpetrator is not named, "Unidentified Armed Group
(Country)" as actor1 and the victims actor2. Every actor gets ACLED's name (``acled_name``) for the
event's day and country (:mod:`sitrep.actors.acled`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sitrep.actors.acled import acled_name
from sitrep.actors.dictionary import ACTOR_TYPES, GenericEntry, generic_entries, generic_name
from sitrep.actors.resolve import generic_actor, is_generic_name, names_country, with_country
from sitrep.actors.roles import ONLOOKER
from sitrep.events import taxonomy
from sitrep.events.merge import Cluster
from sitrep.model import Actor, ActorMention, Place, Span
from sitrep.pipeline.document import Document
from sitrep.resources import read_lines

ARMED = {1, 2, 3, 4, 8}
CROWDS = {5, 6}
CIVILIANS = 7
NON_STATE = {2, 3, 4}  # rebels, political militias, identity militias (ACLED inter codes)
RIOTS = {"VIOL_DEMONSTR", "MOB_VIOL"}
# Event types whose unnamed perpetrator ACLED codes as an unidentified armed group; the victims are actor2.
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
ONE_SIDED = (VIOLENCE_AGAINST_CIVILIANS, "Explosions/Remote violence")
ARRESTS = "ARREST"  # the sub-event code of ACLED's "Arrests"
UNIDENTIFIED = 3  # inter code of "Unidentified Armed Group ({country})" in data/actors/generic.tsv
EXTERNAL = "external forces"


@dataclass
class EventActors:
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc: list[Actor] = field(default_factory=list)
    # An unnamed group folded into the one named group (see _named_for_unnamed): the figures about it
    # ("12 militants were killed") count the named group's losses.
    renamed: dict[str, str] = field(default_factory=dict)


def riot_without_crowd(actors: EventActors) -> str | None:
    """The code of a 'riot' whose actors hold no crowd: ACLED's riots are a crowd's (rioters are actor1).
    Two armed, organised sides ("fighting between the army and the RSF, residents said") are an armed clash;
    an armed group against civilians ("gang members fired at a house, wounding two people") an attack."""
    one, two = actors.actor1, actors.actor2
    if one is None or one.inter not in ARMED or any(a.inter in CROWDS for a in [*actors.assoc, *([two] if two else [])]):
        return None
    if two is not None and two.inter in ARMED:
        return "ARMED_CLASH"
    if two is not None and two.inter == CIVILIANS:
        return "ATTACK"
    return None


def _ordered(doc: Document, cluster: Cluster) -> list[ActorMention]:
    """Mentions of the cluster's sentences, the primary mention's sentence first."""
    first = cluster.primary.sent
    mentions = [a for a in doc.actors if a.sent in cluster.sents]
    return sorted(mentions, key=lambda a: (a.sent != first, a.sent, a.span.start))


def _merged(mentions: list[ActorMention]) -> dict[str, Actor]:
    """One Actor per canonical name, carrying every span it was mentioned by."""
    out: dict[str, Actor] = {}
    for m in mentions:
        have = out.get(m.actor.name)
        if have is None:
            out[m.actor.name] = m.actor.model_copy(update={"spans": list(m.actor.spans or [m.span])})
        else:
            spans = [*have.spans, *[s for s in (m.actor.spans or [m.span]) if s not in have.spans]]
            out[m.actor.name] = have.model_copy(update={"spans": sorted(spans, key=lambda s: s.start)})
    return out


def _first(names: list[str], exclude: set[str], also_named: frozenset[str] = frozenset()) -> str | None:
    """Named actors before generic ones ("Taliban" over "Unidentified Armed Group"); ``also_named`` are generic
    names that count as named (a state's forces in a battle)."""
    pool = [n for n in names if n not in exclude]
    named = [n for n in pool if not is_generic_name(n) or n in also_named]
    choice = named or pool
    return choice[0] if choice else None


def choose_actors(doc: Document, cluster: Cluster, place: Place | None, day: dt.date | None) -> EventActors:
    # "Police are investigating the shooting": who acts after the event is none of its actors.
    mentions = [m for m in _ordered(doc, cluster) if m.role != ONLOOKER]
    event_type = taxonomy.lookup(cluster.primary.sub_event_type).event_type
    if not mentions:
        if event_type in ("Protests", "Riots") and cluster.primary.trigger is not None:
            # "A protest was held in Peshawar": ACLED still names the crowd.
            crowd = _crowd(cluster.primary.sub_event_type, None, cluster.primary.trigger)
            return EventActors(actor1=_finish(crowd, place, day))
        if event_type in ONE_SIDED and cluster.primary.trigger is not None:
            # "A tractor hit an anti-tank mine": ACLED codes the unnamed perpetrator all the same.
            return EventActors(actor1=_finish(generic_actor(_generic(UNIDENTIFIED), None, cluster.primary.trigger),
                                              place, day))
        if cluster.primary.sub_event_type == ARRESTS and cluster.primary.trigger is not None:
            return EventActors(actor1=_finish(_police(cluster.primary.trigger), place, day))
        return EventActors()
    actors = _merged(mentions)
    # In a battle the side that acts first in the telling started it ("JNIM attacked an army post. The soldiers
    # repelled the attack"): ACLED's actor1 is the attacker, whichever sentence typed the event.
    told = sorted(mentions, key=lambda a: (a.sent, a.span.start)) if event_type == "Battles" else mentions
    agents = list(dict.fromkeys(m.actor.name for m in told if m.role == "agent"))
    patients = list(dict.fromkeys(m.actor.name for m in mentions if m.role == "patient"))
    unroled = list(dict.fromkeys(m.actor.name for m in mentions if m.role is None))

    # In a battle told with both sides acting ("the army and the ELN engaged in combat") the state's forces are
    # as named as the group: the side told first is actor1.
    states = frozenset(n for n in actors if actors[n].inter == 1) if event_type == "Battles" else frozenset()
    one = _first(agents, set(), states)
    two: str | None = None
    if event_type in ("Protests", "Riots"):
        one, two = _crowd_roles(cluster.primary.sub_event_type, actors, agents, patients, one,
                                _anchor(cluster, mentions))
    two = two or _first(patients, {one} if one else set())
    if two is None:
        two = _about_figures(doc, cluster, actors, {one} if one else set())
    armed_unroled = [n for n in unroled if actors[n].inter in ARMED]
    if one is None:
        one = _first(armed_unroled, {two} if two else set())
    if two is None and event_type == "Battles":
        # "X and Y clashed", "clashes between X and Y": both sides are named without a patient.
        two = _first([*agents, *armed_unroled], {one} if one else set())
    if event_type in ONE_SIDED:
        one, two = _one_sided(actors, one, two, unroled, cluster, mentions, event_type)
    if cluster.primary.sub_event_type == ARRESTS and (one is None or actors[one].inter not in ARMED):
        # "Authorities detained a journalist", "two activists were arrested": ACLED's arrests are made by the
        # state, its police when the text names no force.
        police = _police(_anchor(cluster, mentions))
        actors[police.name] = police
        one, two = police.name, two or one
    named_one, named_two = _named_for_unnamed(actors, one, two), _named_for_unnamed(actors, two, one)
    folded = {n for n, named in ((one, named_one), (two, named_two)) if n != named}
    one_before, two_before = one, two
    one, two = named_one, named_two
    chosen = {n for n in (one, two) if n}
    assoc = [n for n in dict.fromkeys([*agents, *patients]) if n not in chosen | folded]
    return EventActors(
        actor1=_finish(actors[one], place, day) if one else None,
        actor2=_finish(actors[two], place, day) if two else None,
        assoc=[_finish(actors[n], place, day) for n in assoc],
        renamed={n: named for n, named in ((one_before, one), (two_before, two)) if n and named and n != named},
    )


def _named_for_unnamed(actors: dict[str, Actor], name: str | None, other: str | None) -> str | None:
    """An unnamed armed group ("12 militants were killed") is the one armed group the event names ("an
    al-Shabaab assault"), when it names exactly one besides the other side: ACLED codes al-Shabaab, not
    an unidentified armed group. The named actor takes the unnamed one's spans."""
    if name is None or not is_generic_name(name) or actors[name].inter not in NON_STATE:
        return name
    named = [n for n in actors if n not in (name, other) and actors[n].inter in NON_STATE and not is_generic_name(n)]
    if len(named) != 1:
        return name
    target = actors[named[0]]
    spans = sorted({(s.start, s.end): s for s in [*target.spans, *actors[name].spans]}.values(), key=lambda s: s.start)
    actors[named[0]] = target.model_copy(update={"spans": spans})
    return named[0]


def _anchor(cluster: Cluster, mentions: list[ActorMention]) -> Span:
    """The words an actor the text does not name stands on: the event's trigger, else its first actor."""
    trigger = cluster.primary.trigger
    return trigger if trigger is not None else mentions[0].span


def _crowd_roles(code: str, actors: dict[str, Actor], agents: list[str], patients: list[str],
                 one: str | None, anchor: Span) -> tuple[str | None, str | None]:
    """ACLED's order for demonstrations: the crowd is actor1, the force that intervenes actor2; under
    excessive force the force is actor1 and the crowd actor2. ACLED's crowd is unnamed ("Protesters
    (Kenya)"): a party, union or movement that leads it is an associated actor."""
    inter = 5 if code in RIOTS else 6
    crowd = [n for n in actors if actors[n].inter in CROWDS and is_generic_name(n)]
    if code in RIOTS:
        # "Protesters threw stones at the police": in a riot ACLED names the crowd rioters.
        for n in [n for n in crowd if actors[n].inter != inter]:
            actors[n] = as_crowd(actors[n], inter)
    if not crowd:
        # "Hundreds of students marched": civilians who demonstrate are protesters (rioters in a riot);
        # so are those a force acts on in a protest ("police arrested 20 traders protesting").
        people = agents if code in RIOTS else [*agents, *patients]
        marching = [n for n in people if actors[n].inter == 7 and is_generic_name(n)]
        if marching:
            actors[marching[0]] = as_crowd(actors[marching[0]], inter)
            crowd = [marching[0]]
    force = [_as_police(actors, n) for n in [*agents, *patients] if actors[n].inter in {1, 2, 3, 8}]
    organiser = one if one is not None and actors[one].inter not in ARMED else None
    # A protest has a crowd even when only the force that met it is named ("riot police broke up a
    # march"): ACLED still codes "Protesters (Country)".
    if not crowd and (organiser is not None or one is None or code not in RIOTS):
        # "The Labour Party staged a protest": ACLED's actor1 is the crowd, not its organiser.
        crowd_actor = _crowd(code, actors[organiser].country if organiser else None, anchor)
        actors[crowd_actor.name] = crowd_actor
        crowd = [crowd_actor.name]
    if not crowd:
        return one, None
    if code == "FORCE_AGAINST_PROTEST":
        return (force[0] if force else one), crowd[0]
    return crowd[0], (force[0] if force else None)


def _generic(inter: int, template: str = "") -> GenericEntry:
    """The generic entry of an ACLED inter code (data/actors/generic.tsv), the one whose name begins with
    ``template`` where one code has several (state forces: military and police)."""
    return next(g for g in generic_entries() if g.inter == inter and g.template.startswith(template))


def _police(anchor: Span, iso2: str | None = None) -> Actor:
    return generic_actor(_generic(1, "Police Forces"), iso2, anchor)


def _as_police(actors: dict[str, Actor], name: str) -> str:
    """Unnamed 'security forces' who meet a crowd are its police, as ACLED codes them ("security forces
    fired on demonstrators": Police Forces of the country, not its military)."""
    actor = actors[name]
    if actor.inter != 1 or not actor.spans or not is_generic_name(name) or not name.startswith("Military Forces"):
        return name
    words = {" ".join(w for w in s.text.lower().split() if w not in ("the", "a", "an")) for s in actor.spans}
    if not words <= frozenset(read_lines("actors/unnamed_forces.txt")):
        return name
    renamed = _police(actor.spans[0], actor.country).model_copy(update={"spans": actor.spans})
    actors[renamed.name] = renamed
    return renamed.name


def _crowd(code: str, iso2: str | None, anchor: Span) -> Actor:
    """The unnamed crowd of a protest (rioters in a riot), of a country or of the event's place."""
    inter = 5 if code in RIOTS else 6
    return generic_actor(_generic(inter), iso2, anchor)


def _one_sided(actors: dict[str, Actor], one: str | None, two: str | None, unroled: list[str], cluster: Cluster,
               mentions: list[ActorMention], event_type: str) -> tuple[str | None, str | None]:
    """ACLED's order for one-sided violence: the perpetrator is actor1 ("Unidentified Armed Group
    (Country)" when the text names none) and the victims actor2; violence against civilians always has
    civilians for actor2 ("gunmen killed a clan elder": Civilians (Country))."""
    victims = [n for n in (one, two, *unroled) if n and actors[n].inter == 7]
    if one is not None and actors[one].inter == 7:
        # "Three villagers were killed": the parse may leave the victims as the only (agent) actor.
        one, two = (two if two and actors[two].inter != 7 else None), one
    if two is None and victims:
        two = victims[0]
    if one is None and two is not None:
        unnamed = generic_actor(_generic(UNIDENTIFIED), None, _anchor(cluster, mentions))
        actors[unnamed.name] = unnamed
        one = unnamed.name
    if two is None and one is not None and event_type == VIOLENCE_AGAINST_CIVILIANS:
        unnamed_victims = generic_actor(_generic(CIVILIANS), None, _anchor(cluster, mentions))
        actors[unnamed_victims.name] = unnamed_victims
        two = unnamed_victims.name
    return one, two


def as_crowd(actor: Actor, inter: int) -> Actor:
    """Civilians of some country recast as that country's protesters or rioters (ACLED names)."""
    generic = _generic(inter)
    return actor.model_copy(update={"name": generic_name(generic, actor.country), "inter": inter,
                                    "type": ACTOR_TYPES[inter]})


def _about_figures(doc: Document, cluster: Cluster, actors: dict[str, Actor], exclude: set[str]) -> str | None:
    """The group a casualty figure in the event is about, when the parse gave no patient."""
    for q in doc.quantities:
        if q.sent not in cluster.sents:
            continue
        names = [q.quantity.about] if q.quantity.about in actors else []
        # The quantities stage may leave a pronoun unresolved ('200 of them'); the actor stage resolves
        # pronouns that take part in an action and gives them their own mention.
        names += [a.actor.name for a in doc.actors if a.span.overlaps(q.quantity.span)]
        for name in names:
            if name and name in actors and name not in exclude:
                return name
    return None


def _finish(actor: Actor, place: Place | None, day: dt.date | None) -> Actor:
    """Country for unnamed actors from the event's place; state forces abroad are external forces (ACLED)."""
    iso = place.country_code if place else None
    if iso and actor.country is None and is_generic_name(actor.name):
        actor = with_country(actor, iso, day)
    # Unnamed civilians, protesters, rioters and police act at home (the table's `local` column): they are
    # of the country the event happened in unless their own words say otherwise ("killing seven
    # civilians" in Idlib = Civilians (Syria), "Police fired tear gas" in Khartoum = Police Forces of
    # Sudan, whatever other countries the article names); ACLED names them so.
    if iso and actor.country not in (None, iso) and not names_country(actor):
        generic = _local_generic(actor)
        if generic is not None:
            actor = generic_actor(generic, iso, actor.spans[0], day).model_copy(update={"spans": actor.spans})
    if iso and actor.inter == 1 and actor.country and actor.country != iso:
        actor = actor.model_copy(update={"inter": 8, "type": EXTERNAL})
    return actor.model_copy(update={"acled_name": acled_name(actor, day, iso)})


def _local_generic(actor: Actor) -> GenericEntry | None:
    """The `local` generic entry the actor is unnamed by: its generic name ('Civilians (Russia)'), or every
    span a bare phrase of the entry ('police', 'the policemen') when the dictionary gave a dated name."""
    if not actor.spans:
        return None
    texts = {" ".join(w for w in span.text.lower().split() if w not in ("the", "a", "an")) for span in actor.spans}
    for generic in generic_entries():
        if generic.local and generic.inter == actor.inter and (
                (is_generic_name(actor.name) and generic_name(generic, actor.country) == actor.name)
                or texts <= set(generic.phrases)):
            return generic
    return None
