"""Grouping the event mentions of one article into events: neighbours first, then across the article.

News tells one event over several sentences: "Taliban fighters attacked a checkpoint in Kunduz. The
attackers killed five soldiers." is one event. A mention joins the event before it when the two types
are compatible, the sentences are close (adjacent, or two apart when the later one refers back with
"the attack", "the attackers"...), and nothing tells them apart: no different explicit date, no
different place, no disjoint named actors, and no sequence marker ("After the blast, ...", "Elsewhere").

Then, across the whole article (:func:`merge_incidents`), an event joins an earlier one of the same
family (violence, protest, or the same sub-event type) when both are current or both recalled
(``events.prominence``), their own dates lie within :data:`SAME_INCIDENT_DAYS` of each other, their
places within 25 km, and the later one is not announced as another incident ("Elsewhere", "In a
separate attack"): the headline, the lede, "the shooting" and the later paragraph with the updated toll
make one event, typed by its first telling.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sitrep.actors.resolve import is_generic_name
from sitrep.events import taxonomy
from sitrep.model import EventMention, Place
from sitrep.pipeline.document import Document
from sitrep.resources import read_lines, read_table

# Sub-event types that one report often spreads over several sentences with different wordings.
COMPATIBLE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "ATTACK"}),
    # A claim of responsibility ("IS-KP claimed responsibility.") tells who set off the blast.
    frozenset({"AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS", "SUIC_BOMB", "GRENADE", "CHEM_WEAP", "ATTACK", "ATTRIB"}),
    frozenset({"PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR", "MOB_VIOL"}),
    frozenset({"ABDUCT_DISSAP", "ATTACK"}),
    # CASE's extra codes that hide violence (a shooting typed as crime) tell the attack or clash too.
    frozenset({"ATTACK", "ARMED_CLASH", "ORG_CRIME", "MAN_MADE_DISASTER", "ATTRIB"}),
)
ATTRIBUTION = "ATTRIB"
EXPLOSIONS = "Explosions/Remote violence"  # ACLED's event type of blasts set off with a weapon
ACCIDENT = "MAN_MADE_DISASTER"  # CASE's code of man-made disasters: sitrep's Non-ACLED "Accident"
# Families of sub-event types whose mentions may tell one incident anywhere in an article.
VIOLENCE = frozenset({"ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "ATTACK", "AIR_STRIKE",
                      "ART_MISS_ATTACK", "REM_EXPLOS", "SUIC_BOMB", "GRENADE", "CHEM_WEAP", "ABDUCT_DISSAP",
                      "SEX_VIOL", "MOB_VIOL", "ORG_CRIME", "MAN_MADE_DISASTER", "ATTRIB"})
PROTEST = frozenset({"PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"})
# Sub-event types that, in a report of a violent incident, usually tell a part of it: the weapon found or
# fired ('disrupted weapons use'), property hit, a suspect arrested at the scene.
SUB_ACTIONS = frozenset({"ARREST", "DISR_WEAP", "PROPERTY_DISTRUCT", "CHANGE_TO_GROUP_ACT", "OTHER", "AGREEMENT",
                         "HQ_ESTABLISHED", "NON_VIOL_TERRIT_TRANSFER", "NATURAL_DISASTER"})
# Developments that, in a report of a violent incident, tell no event of their own on another day (what
# police or officials did or said next), unlike an arrest, a weapon seized or property destroyed.
SOFT_DEVELOPMENTS = frozenset({"OTHER", "AGREEMENT", "CHANGE_TO_GROUP_ACT", "HQ_ESTABLISHED", "NON_VIOL_TERRIT_TRANSFER",
                               "NATURAL_DISASTER"})
MONTH = 3  # ACLED's date precision of a month
# Words that make a sentence tell a count over a period, not one incident.
_PERIOD_WORDS = re.compile(r"\b(?:since|so far|to date|year-to-date|this year|in recent (?:years|months)|"
                           r"in the (?:past|last) \w+ (?:months|years)|over the (?:course of )?(?:a|the past|the last) "
                           r"[\w-]+[ -](?:day|week|month|year) period|(?:a|an unprecedented) (?:series|string|spate|rash) of|"
                           r"the number of)\b", re.IGNORECASE)
# Own dates further apart than this tell different incidents ('shot on Saturday, died on Monday' is one).
SAME_INCIDENT_DAYS = 3
# Words opening a sentence that announce another event, not more about the same one.
_SEQUENCE = re.compile(
    r"^\W*(after|following|before|later|earlier|meanwhile|elsewhere|separately|in a separate|in another|"
    r"in other news|also on|on another|the next day|the following day|a day later|hours later|days later)\b",
    re.IGNORECASE)
# Definite noun phrases that refer back to an event already told.
_BACK_REFERENCE = re.compile(
    r"\bthe (attack|attackers|assault|blast|explosion|bombing|bomber|clash|clashes|fighting|incident|"
    r"strike|airstrike|raid|ambush|operation|shelling|assailants|gunmen|militants|battle|violence|"
    r"protest|protesters|demonstration|riot)s?\b",
    re.IGNORECASE)


# A back-reference this close to the start of a sentence is its subject or topic.
_OPENING = 12


def compatible(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in COMPATIBLE_GROUPS)


@dataclass
class Cluster:
    """Mentions told as one event; ``sents`` in article order."""

    mentions: list[EventMention] = field(default_factory=list)
    sents: list[int] = field(default_factory=list)
    lead: EventMention | None = None  # set when clusters are merged: the first telling types the event
    # The sentences of the incident's own telling, kept when its parts told elsewhere are folded in
    # (events.assemble.fold_into_main): its place is read there first.
    core: list[int] = field(default_factory=list)

    def add(self, mention: EventMention) -> None:
        self.mentions.append(mention)
        if mention.sent not in self.sents:
            self.sents.append(mention.sent)
            self.sents.sort()

    @property
    def primary(self) -> EventMention:
        """The mention that types the event: the lead of merged clusters, else the most confident, the
        earliest among equals. A claim or denial of responsibility (CASE's ATTRIB) types the event only
        when nothing else does: "The RSF denied the figure" tells about the fighting, it is not the event."""
        if self.lead is not None:
            return self.lead
        return max(self.mentions, key=lambda m: (m.sub_event_type != ATTRIBUTION, m.score, -m.sent))

    def absorb(self, other: Cluster) -> None:
        lead, other_lead = self.primary, other.primary
        for mention in other.mentions:
            self.add(mention)
        # 'An explosion tore through the market' typed as an accident, then 'a bomb hidden in a car': the bomb.
        blast = lead.sub_event_type == ACCIDENT and taxonomy.lookup(other_lead.sub_event_type).event_type == EXPLOSIONS
        self.lead = other_lead if blast else lead


def _explicit_dates(doc: Document, sents: list[int]) -> set[object]:
    return {d.value for d in doc.dates if d.sent in sents and d.kind not in ("dateline", "year")}


def _places(doc: Document, sents: list[int]) -> list[Place]:
    return [t.place for t in doc.toponyms
            if t.sent in sents and t.place is not None and t.place.feature not in ("country", "admin1")
            and not _in_dateline(doc, t.span.start, t.span.text) and not names_a_residence(doc, t.span.start, t.span.end)]


@functools.lru_cache(maxsize=1)
def _resident_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("events/resident_nouns.txt"))


def _homes(doc: Document, sents: list[int]) -> list[Place]:
    """The places of the sentences that say where someone lives ('a Virginia Beach man')."""
    return [t.place for t in doc.toponyms if t.sent in sents and t.place is not None
            and t.place.feature not in ("country", "admin1") and names_a_residence(doc, t.span.start, t.span.end)]


def places_apart(doc: Document, one: list[int], two: list[int], firm: bool = False) -> bool:
    """Whether two tellings are set apart by their places: both name places (``firm_places`` or ``_places``) and none
    of one is the same as one of the other. A victim's home ('another Henderson resident') is no place of the
    incident, so it never sets tellings apart, but the same home in both still ties them."""
    pick = firm_places if firm else _places
    a, b = pick(doc, one), pick(doc, two)
    if not (a and b):
        return False
    return not any(same_place(x, y) for x in a + _homes(doc, one) for y in b + _homes(doc, two))


def names_a_residence(doc: Document, start: int, end: int) -> bool:
    """A place name that modifies a person noun after it ('a Virginia Beach man', 'two Joliet residents':
    data/events/resident_nouns.txt) says where someone lives, which is often not where the incident happened: it
    does not tell two tellings of one incident apart."""
    if doc.parsed is None:
        return False
    tokens = doc.parsed.char_span(start, end, alignment_mode="expand")
    if tokens is None:
        return False
    head = tokens.root.head
    return tokens.root.dep_ in ("compound", "nmod", "amod") and head.i >= tokens.end \
        and head.lower_ in _resident_nouns()


def _in_dateline(doc: Document, start: int, text: str) -> bool:
    """A capitalised place opening the article's first line ('MOGADISHU, Somalia -', 'HAWTHORNE —') says
    where the report was filed, which is often not where the incident happened, so it never tells two
    incidents apart."""
    if not text.isupper() or not doc.sentences or start >= doc.sentences[0].end:
        return False
    line_start = doc.article.text.rfind("\n", 0, start) + 1
    return not doc.article.text[line_start:start].strip()


# Two resolved places closer than this are one place spelt two ways ("Golweyn" / "Golwayn").
SAME_PLACE_KM = 25.0


def same_place(a: Place, b: Place) -> bool:
    """One place: the same name or gazetteer entry, a town and its county, or closer than SAME_PLACE_KM."""
    if a.name == b.name or (a.gazetteer_id and a.gazetteer_id == b.gazetteer_id):
        return True
    if a.feature == "admin2" and b.admin2 == a.name or b.feature == "admin2" and a.admin2 == b.name:
        return True  # a town and the county it lies in
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h)) < SAME_PLACE_KM


_same_place = same_place


def _named_actors(doc: Document, sents: list[int]) -> set[str]:
    return {a.actor.name for a in doc.actors
            if a.sent in sents and a.role in ("agent", "patient") and not is_generic_name(a.actor.name)}


def conflicting(doc: Document, cluster: Cluster, sent: int) -> bool:
    """True when the sentence reports something the cluster cannot also be."""
    own_dates, new_dates = _explicit_dates(doc, cluster.sents), _explicit_dates(doc, [sent])
    if own_dates and new_dates and own_dates.isdisjoint(new_dates):
        return True
    if places_apart(doc, cluster.sents, [sent]):
        return True
    own_actors, new_actors = _named_actors(doc, cluster.sents), _named_actors(doc, [sent])
    return bool(own_actors and new_actors and own_actors.isdisjoint(new_actors))


def continues(doc: Document, cluster: Cluster, mention: EventMention) -> bool:
    """Whether ``mention`` tells more of the event in ``cluster``."""
    if not any(compatible(m.sub_event_type, mention.sub_event_type) for m in cluster.mentions):
        return False
    if mention.sent in cluster.sents:
        return True
    text = doc.sentences[mention.sent].text if 0 <= mention.sent < len(doc.sentences) else ""
    if _SEQUENCE.search(text):
        return False
    gap = mention.sent - cluster.sents[-1]
    refers_back = _BACK_REFERENCE.search(text)
    if gap > (2 if refers_back else 1) or gap < 0:
        return False
    if refers_back and refers_back.start() < _OPENING:
        return True  # "The attack took place in Mandarari": the same event, told more precisely
    return not conflicting(doc, cluster, mention.sent)


def cluster_mentions(doc: Document, mentions: list[EventMention]) -> list[Cluster]:
    """Clusters in article order; each mention joins the latest cluster it continues, or starts one."""
    clusters: list[Cluster] = []
    for mention in sorted(mentions, key=lambda m: (m.sent, -m.score)):
        # Look back over the last few clusters: a sentence may return to the event before an aside.
        for cluster in reversed(clusters[-3:]):
            if continues(doc, cluster, mention):
                cluster.add(mention)
                break
        else:
            cluster = Cluster()
            cluster.add(mention)
            clusters.append(cluster)
    return clusters


def family(code: str) -> frozenset[str]:
    if code in VIOLENCE:
        return VIOLENCE
    if code in PROTEST:
        return PROTEST
    return frozenset({code})


def _far_apart(a: set[object], b: set[object], days: int = SAME_INCIDENT_DAYS) -> bool:
    if not a or not b:
        return False
    return min(abs((x - y).days) for x in a for y in b) > days  # type: ignore[operator]


def same_incident(doc: Document, earlier: Cluster, later: Cluster) -> bool:
    """Whether ``later`` tells more of the incident ``earlier`` told (see the module docstring)."""
    if later.primary.sub_event_type not in family(earlier.primary.sub_event_type):
        return False
    text = doc.sentences[later.sents[0]].text if later.sents[0] < len(doc.sentences) else ""
    if _SEQUENCE.search(text) or _ANOTHER.search(text):
        return False
    own_dates, new_dates = _explicit_dates(doc, earlier.sents), _explicit_dates(doc, later.sents)
    if _far_apart(own_dates, new_dates):
        return False
    if own_dates and new_dates and not _far_apart(own_dates, new_dates, 1):
        return True  # the same day, the same kind of incident, and not announced as another: one incident
    return not places_apart(doc, earlier.sents, later.sents)


# A sentence that announces another incident of the same kind.
_ANOTHER = re.compile(r"\b(another|a separate|a second|an earlier|a similar|other) (shooting|attack|incident|"
                      r"bombing|blast|explosion|clash|protest|killing|homicide|stabbing)s?\b|\bin other\b",
                      re.IGNORECASE)


def merge_incidents(doc: Document, clusters: list[Cluster], recalled: Callable[[Cluster], bool]) -> list[Cluster]:
    """Clusters that tell one incident merged across the article; ``recalled`` tells background ones, which
    merge only with each other."""
    merged: list[Cluster] = []
    old: list[bool] = []
    for cluster in clusters:
        background = recalled(cluster)
        for i, earlier in enumerate(merged):
            if old[i] == background and same_incident(doc, earlier, cluster):
                earlier.absorb(cluster)
                break
        else:
            merged.append(cluster)
            old.append(background)
    return merged


@functools.lru_cache(maxsize=1)
def violence_words() -> frozenset[str]:
    return frozenset(read_lines("events/violence_words.txt"))


def tells_violence(doc: Document, sents: list[int]) -> bool:
    """Whether any of the sentences has a word of violence (data/events/violence_words.txt)."""
    if doc.parsed is None:
        return False
    words = violence_words()
    spans = [doc.sentences[i] for i in sents if 0 <= i < len(doc.sentences)]
    return any(t.lemma_.lower() in words or t.lower_ in words
               for span in spans for t in doc.parsed.char_span(span.start, span.end, alignment_mode="expand") or ())


def _counts_casualties(doc: Document, cluster: Cluster) -> bool:
    return any(q.sent in cluster.sents and q.quantity.kind in ("killed", "injured") for q in doc.quantities)


def sub_action(doc: Document, main: Cluster, cluster: Cluster) -> bool:
    """Whether ``cluster`` tells a part of the violent incident ``main`` (the gun fired or found, a suspect
    arrested at the scene, the case in court) rather than an incident of its own: a later arrest (its own,
    other date) and a protest (unless it counts the attack's casualties) are events of their own."""
    code = cluster.primary.sub_event_type
    if main.primary.sub_event_type not in VIOLENCE or code not in SUB_ACTIONS | PROTEST:
        return False
    own, main_dates = _explicit_dates(doc, cluster.sents), _explicit_dates(doc, main.sents)
    if code == "ARREST":
        if own and (not main_dates or _far_apart(own, main_dates, 1)):
            return False
    elif code in PROTEST:
        # A protest about the attack is its own event; a 'protest' whose sentence counts the shot is the
        # attack told again (typed as a riot).
        if own and (not main_dates or _far_apart(own, main_dates, 1)) or not _counts_casualties(doc, cluster):
            return False
    elif _far_apart(own, main_dates):
        return False
    return not places_apart(doc, cluster.sents, main.sents)


# --- One violent incident and what else its article tells (events.assemble) ---------------------------------

# Words after a place name that make it part of a longer name of a street, a building or a body ("Jackson Park
# Hospital", "Riverview Boulevard", "Sutter Solano Medical Center"), except words that continue the name of a
# place itself ("Helmand Province", "Cook County").
_NAME_GOES_ON = re.compile(r"[ \t]+([A-Z][A-Za-z]*)")
# A place resolved with less confidence than this is often a person's or a street's name read as a town
# ("Sherry", "Broadway"): it does not tell two tellings of one incident apart.
FIRM_PLACE_SCORE = 0.6


@functools.lru_cache(maxsize=1)
def _place_name_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("events/place_name_heads.txt"))


def part_of_longer_name(doc: Document, end: int) -> bool:
    """Whether the place name ending at ``end`` goes on as a longer name ('Jackson Park Hospital')."""
    following = _NAME_GOES_ON.match(doc.article.text[end:end + 40])
    return following is not None and following.group(1).lower() not in _place_name_heads()


def firm_places(doc: Document, sents: list[int]) -> list[Place]:
    """The places of the sentences that can tell an incident apart from another in the same article: towns
    resolved with some confidence, not read out of a longer name (a street, a hospital) nor the dateline."""
    return [t.place for t in doc.toponyms
            if t.sent in sents and t.place is not None and t.place.feature not in ("country", "admin1")
            and t.score >= FIRM_PLACE_SCORE and not _in_dateline(doc, t.span.start, t.span.text)
            and not part_of_longer_name(doc, t.span.end) and t.role != "origin"
            and not names_a_residence(doc, t.span.start, t.span.end)]


@functools.lru_cache(maxsize=1)
def _gathering_words() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in read_table("events/gathering_words.tsv")}


def gathering_kind(doc: Document, sents: list[int]) -> str | None:
    """'demonstration' when the sentences tell people demonstrating or protesting, else 'mourning' when they
    tell a vigil, a funeral or a memorial (data/events/gathering_words.tsv), else None."""
    if doc.parsed is None:
        return None
    words = _gathering_words()
    kinds = set()
    for i in sents:
        if not 0 <= i < len(doc.sentences):
            continue
        span = doc.sentences[i]
        for t in doc.parsed.char_span(span.start, span.end, alignment_mode="expand") or ():
            if t.pos_ == "PROPN":
                continue  # 'March 3', a street or a person named like the word
            kind = words.get(t.lemma_.lower()) or words.get(t.lower_)
            if kind:
                kinds.add(kind)
    return "demonstration" if "demonstration" in kinds else ("mourning" if "mourning" in kinds else None)


def counts_casualties(doc: Document, cluster: Cluster) -> bool:
    return _counts_casualties(doc, cluster)


PART, OWN, NONE = "part", "own", "none"
# 'After the shooting, ...' opens more of the incident just told (what the gunman did next, where the victim was
# taken), not another incident.
_AFTER_IT = re.compile(r"^\W*(?:after|following) (?:the|that|this) (?:first |initial )?(?:shooting|attack|assault|"
                       r"gunfire|killing|stabbing|incident|blast|explosion|bombing)\b", re.IGNORECASE)
# What police found or seized, or property hit, in a report of violence: part of the inquiry, no event of its own
# where it is not part of the incident (a rifle found in the suspect's car days later, a car stolen to flee).
_INQUIRY_FINDS = frozenset({"DISR_WEAP", "PROPERTY_DISTRUCT"})
# Words opening a sentence that move the report to another place or incident.
_ELSEWHERE = re.compile(r"^\W*(elsewhere|separately|in a separate|in another|in other news|on another)\b", re.IGNORECASE)


def counts_over_a_period(doc: Document, cluster: Cluster) -> bool:
    """Every sentence of the cluster tells a count over a period ('Since Easter, at least eight youths have been
    shot'; 'a series of child shootings this year'), not one incident."""
    return all(0 <= i < len(doc.sentences) and _PERIOD_WORDS.search(doc.sentences[i].text) for i in cluster.sents)


# A sentence that is page furniture the cleaning left joined to the text: a related story's headline ('RELATED: ...',
# '► Related: ...', 'Previous: ...', 'Other top stories:') or a photo gallery's caption ('Image 2 of 5', 'Back to
# Gallery').
_FURNITURE = re.compile(r"^\W*(?:related(?: (?:stories|articles|content|coverage|links|news|videos?))?\s*:|"
                        r"related (?:stories|articles|content|coverage|links)\b|previous\s*:|more\s*:|read more\s*:|"
                        r"see also\s*:|also read\s*:|other (?:top )?stories\s*:)|\b(?:image|photo|slide) \d+ of \d+\b|"
                        r"\bback to gallery\b|\b(?:hide|show) caption\b", re.IGNORECASE)


def told_in_furniture(doc: Document, cluster: Cluster) -> bool:
    """Every sentence of the cluster is a related story's headline or a gallery's caption (see _FURNITURE)."""
    return all(0 <= i < len(doc.sentences) and _FURNITURE.search(doc.sentences[i].text) for i in cluster.sents)


def unfounded(doc: Document, cluster: Cluster) -> bool:
    """A protest or riot whose sentences tell neither people gathering nor violence (a court date, a custody
    paper): the classifier's guess, no event beside the article's main one."""
    code = cluster.primary.sub_event_type
    return (code in PROTEST or code in ("MOB_VIOL", "VIOL_DEMONSTR")) and gathering_kind(doc, cluster.sents) is None \
        and not _counts_casualties(doc, cluster) and not tells_violence(doc, cluster.sents)


def inquiry_find(doc: Document, cluster: Cluster) -> bool:
    """Weapons found or seized, or property hit, that tell no violence (see _INQUIRY_FINDS)."""
    return (cluster.primary.sub_event_type in _INQUIRY_FINDS and not _counts_casualties(doc, cluster)
            and not tells_violence(doc, cluster.sents))


def soft_development(doc: Document, cluster: Cluster) -> bool:
    """An 'other development' (a statement, a hearing, a step of the inquiry) that counts no casualties."""
    return cluster.primary.sub_event_type in SOFT_DEVELOPMENTS and not _counts_casualties(doc, cluster)


def retells_main_day(doc: Document, cluster: Cluster, main_day: dt.date | None) -> bool:
    """Whether a recalled cluster is dated to the main incident's day: a day within SAME_INCIDENT_DAYS of it, or
    the month it fell in ('the double shooting in January'). It tells the main incident (or what came of it that
    day) again, not an earlier one."""
    if main_day is None or any(_PERIOD_WORDS.search(doc.sentences[i].text) for i in cluster.sents):
        return False  # a count over the years ('since Aug. 1, 1966, there have been 127 mass shootings')
    own = [d for d in doc.dates if d.sent in cluster.sents and d.kind not in ("dateline", "year")]
    days: set[object] = {d.value for d in own if d.precision < MONTH}
    months = {(d.value.year, d.value.month) for d in own if d.precision >= MONTH}
    if not days and not months:
        return False
    main_days: set[object] = {main_day}
    return (not days or not _far_apart(days, main_days)) and months <= {(main_day.year, main_day.month)}


def relation_to_main(doc: Document, main: Cluster, cluster: Cluster, main_day: dt.date | None = None) -> str:
    """What a current cluster is beside the article's main violent incident: ``part`` of it (the same shooting
    told again with a street for a place, a fight that led to it, a suspect arrested at the scene, the weapon),
    ``own`` (another incident: announced as one, on another day or in another town; a later arrest; a protest
    about it) or ``none`` (a vigil or a funeral: people mourning, no ACLED event)."""
    code = cluster.primary.sub_event_type
    text = doc.sentences[cluster.sents[0]].text if cluster.sents[0] < len(doc.sentences) else ""
    own, main_dates = _explicit_dates(doc, cluster.sents), _explicit_dates(doc, main.sents)
    if main_day is not None:
        main_dates.add(main_day)
    elsewhere = bool(places_apart(doc, cluster.sents, main.sents, firm=True) or _ELSEWHERE.search(text)
                     or _ANOTHER.search(text))
    if code in PROTEST or code in ("MOB_VIOL", "VIOL_DEMONSTR"):
        gathering = gathering_kind(doc, cluster.sents)
        if gathering == "demonstration" and not (_counts_casualties(doc, cluster) and not _far_apart(own, main_dates, 1)):
            return OWN  # a protest about the attack
        if gathering == "mourning":
            return NONE  # a vigil is no protest unless it demands something
        return OWN if _far_apart(own, main_dates) or elsewhere else PART  # the fight or the crowd of the shooting
    if code in VIOLENCE:
        if _SEQUENCE.search(text) and not _AFTER_IT.search(text) or _far_apart(own, main_dates) or elsewhere:
            return OWN
        return PART
    if code in SUB_ACTIONS:
        if code == "ARREST" and own and (not main_dates or _far_apart(own, main_dates, 1)):
            return OWN  # a later arrest
        if _far_apart(own, main_dates) or elsewhere:
            # A statement, a hearing, a step of the inquiry on another day: in a report of violence these
            # 'other developments' are no event of their own, nor are weapons found or property hit.
            return NONE if soft_development(doc, cluster) or inquiry_find(doc, cluster) else OWN
        return PART
    return OWN
