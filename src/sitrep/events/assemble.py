"""Assembly: turn per-sentence mentions into Event records, merging mentions of one event.

Mentions of the 25 ACLED sub-event types, and mentions of CASE's extra codes whose sentence reports
violence (a criminal shooting typed as crime: a Non-ACLED event, data/taxonomy/non_acled.tsv), are
grouped into events (``events.merge``: neighbours, then one incident across the article); each gets
its ``prominence`` (``events.prominence``: main first, then secondary, then background); each event then
takes its actors from the roles the parse gave (actor1 = agent, actor2 = patient), its date and place
from the nearest mention (``events.fields``), its figures from the quantities in its sentences, and the
sentences themselves as evidence. Ids are content hashes, stable across runs.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re

from sitrep.events import taxonomy
from sitrep.events.actors import CROWDS, RIOTS, EventActors, choose_actors, riot_without_crowd
from sitrep.events.fields import (
    CAPTURE_KINDS,
    choose_date,
    choose_place,
    headline,
    injured_count,
    is_current,
    summarise,
    with_headline,
)
from sitrep.events.merge import (
    ATTRIBUTION,
    NONE,
    OWN,
    PART,
    VIOLENCE,
    Cluster,
    cluster_mentions,
    counts_casualties,
    counts_over_a_period,
    gathering_kind,
    inquiry_find,
    merge_incidents,
    relation_to_main,
    retells_main_day,
    soft_development,
    tells_violence,
    told_in_furniture,
    unfounded,
)
from sitrep.events.prominence import Ranked, is_background, rank_clusters
from sitrep.events.violence_kind import CLASH, Told, armed_on_both_sides, kind_of_violence
from sitrep.model import Count, Event, EventMention, Quantity, QuantityMention
from sitrep.model.span import Span
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document
from sitrep.quantities.extract import names_attacker
from sitrep.resources import read_lines


def event_id(article_id: str, sentence_start: int, code: str) -> str:
    return "e" + hashlib.sha1(f"{article_id}:{sentence_start}:{code}".encode(), usedforsecurity=False).hexdigest()[:15]


def is_acled(code: str) -> bool:
    """One of ACLED's 25 sub-event types (CASE 2021's five extra labels and 'not an event' are not)."""
    return taxonomy.is_acled(code)


def reports_violence(doc: Document, mention: EventMention) -> bool:
    """A sentence typed by a CASE extra code that tells of someone killed, injured or shot."""
    if mention.sub_event_type not in taxonomy.violent_extra_codes():
        return False
    if any(q.sent == mention.sent and q.quantity.kind in ("killed", "injured") for q in doc.quantities):
        return True
    return tells_violence(doc, [mention.sent])


def _in_a_name(doc: Document, span: Span) -> bool:
    """Whether the words are a capitalised part of a longer proper name ('Air Combat Command', 'Homicide Division')."""
    if doc.parsed is None:
        return False
    tokens = doc.parsed.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper for t in tokens):
        return False
    neighbours = [doc.parsed[i] for i in (tokens.start - 1, tokens.end) if 0 <= i < len(doc.parsed)]
    return any(t.pos_ == "PROPN" and t.text[:1].isupper() and t.sent == tokens.sent for t in neighbours)


def named_only(doc: Document, mention: EventMention) -> bool:
    """A mention whose only word of the event is part of a name ('was assigned to Air Combat Command from 2011 to
    2016'), in a sentence that tells no violence and counts no casualties: no event. Such a mention dated from
    another time had become a recalled event that took the main incident's toll told next to it."""
    trigger = mention.trigger
    if trigger is None or trigger.field is not None or not _in_a_name(doc, trigger):
        return False
    if any(q.sent == mention.sent and q.quantity.kind in ("killed", "injured") for q in doc.quantities):
        return False
    return not tells_violence(doc, [mention.sent])


# Words that make a toll a count over a period, not one incident's: '150 murdered so far this year', 'the 45th
# homicide this year', 'since January', '40 a year' (not 'a month after', 'a year ago', 'a month and a half later':
# a time since the incident).
_PERIOD = re.compile(r"\b(?:so far|to date|this (?:year|month)|year-to-date|since (?:the (?:start|beginning) of|"
                     r"january|february|march|april|may|june|july|august|september|october|november|december)"
                     r"|(?:each|every|per|a) (?:year|month)(?! (?:and a half|ago|after|before|later|earlier|since|prior)\b)"
                     r"|in (?:the )?(?:first|past|last) (?:\w+ )?(?:months?|years?))\b",
                     re.IGNORECASE)


def tells_a_period_total(doc: Document, q: QuantityMention) -> bool:
    """Whether a killed or injured figure counts a period ('150 murdered so far in 2017', '45 killed since January')
    rather than an incident, as its sentence says. (A figure dated only to a month is not taken for one: an article
    published weeks later dates its incident so, 'the killing of two men in May'.)"""
    if q.quantity.kind not in ("killed", "injured") or not 0 <= q.sent < len(doc.sentences):
        return False
    return _PERIOD.search(doc.sentences[q.sent].text) is not None


def attach_figures(doc: Document, main: Cluster, clusters: list[Cluster]) -> None:
    """The main incident's toll told in sentences no event claims ('One of them died at the hospital',
    'A third victim died on Sunday'): those sentences join the main event, unless they carry a date of
    another time (a recalled toll: 'Last year, 700 people were killed')."""
    taken = {i for c in clusters for i in c.sents}
    for q in doc.quantities:
        if q.sent in taken or q.sent < 0 or q.quantity.kind not in ("killed", "injured"):
            continue
        if any(d.sent == q.sent and d.kind != "dateline" and not is_current(doc, d) for d in doc.dates):
            continue
        taken.add(q.sent)
        main.sents.append(q.sent)
    main.sents.sort()


def fold_into_main(doc: Document, ranked: list[Ranked]) -> list[Ranked]:
    """The article's main violent incident takes the current clusters that tell a part of it
    (``events.merge.relation_to_main``); vigils and funerals, and 'other developments' that tell no violence on
    another day (a statement, a hearing), are left out; the rest stay events of their own.
    A main typed as a protest or riot that counts casualties takes the type of the violence it absorbs."""
    main = ranked[0].cluster
    main.core = main.core or list(main.sents)
    # The main incident's own day: a paragraph that tells it again with its calendar date ('On April 12, 2015,
    # ... shot Braylon') reads as recalled in a later report of the trial, yet it is the main incident.
    day = choose_date(doc, main.sents, main=True)
    main_day = day.value if day.precision == 1 else None
    kept = [ranked[0]]
    for r in ranked[1:]:
        if counts_over_a_period(doc, r.cluster) or unfounded(doc, r.cluster) or told_in_furniture(doc, r.cluster):
            continue  # a count over months or years, a protest told by no word of one, a related story: no event
        if r.prominence == "secondary":
            relation = relation_to_main(doc, main, r.cluster)
        elif retells_main_day(doc, r.cluster, main_day):
            relation = relation_to_main(doc, main, r.cluster, main_day)
        else:  # recalled: its own event, unless a development that tells no violence (no ACLED event)
            relation = NONE if soft_development(doc, r.cluster) or inquiry_find(doc, r.cluster) else OWN
        if relation == PART:
            violent = r.cluster.primary if r.cluster.primary.sub_event_type in VIOLENCE else None
            main.absorb(r.cluster)
            if violent is not None and main.primary.sub_event_type not in VIOLENCE:
                main.lead = violent
        elif relation == OWN:
            kept.append(r)
    return kept


# A page that gives more events than this, dated over more than LISTING_DAYS, lists cases (a police page of open
# investigations, an index of a year's killings) rather than reporting them: only its main event is kept.
LISTING_EVENTS = 8
LISTING_DAYS = 60


def listing_trimmed(events: list[Event]) -> list[Event]:
    """The events, or only the main one when the page lists cases (see LISTING_EVENTS)."""
    days = [e.date for e in events if e.date is not None]
    if len(events) > LISTING_EVENTS and days and (max(days) - min(days)).days > LISTING_DAYS:
        return events[:1]
    return events


@functools.lru_cache(maxsize=1)
def _violent_names() -> frozenset[str]:
    names = set()
    for code in VIOLENCE:
        try:
            names.add(taxonomy.lookup(code).name)
        except KeyError:
            continue
    return frozenset(names)


def with_split_wounded(events: list[Event]) -> list[Event]:
    """The main event's wounded told in a part of the article made another event: the main violent event gives no
    wounded at all, and exactly one other violent event (secondary, or read as recalled) does, with the same toll of
    the dead ('Three others sustained non-fatal bullet wounds' in a paragraph about the trial of the man who killed
    one). That event keeps its figures too. Dev: injured .7247 -> .7261 (7 up, 3 down)."""
    main = events[0]
    if main.injured.best is not None or main.sub_event_type not in _violent_names():
        return events
    others = [e for e in events[1:] if e.injured.best
              and e.sub_event_type in _violent_names() and e.fatalities.best == main.fatalities.best]
    if len(others) != 1:
        return events
    return [main.model_copy(update={"injured": others[0].injured}), *events[1:]]


def with_recalled_toll(events: list[Event]) -> list[Event]:
    """The main event's toll told only where the article recalls the incident: the main event counts no one at all
    (a report of an arrest, a charge or a trial: 'Second suspect arrested in drive-by'), and another event of the
    article does ('The shooting on March 1 wounded 13 people', read as recalled for its date): the main event takes
    the first such event's dead and wounded, which stay that event's too. Dev (ninth session): of 15 such articles,
    injured right 1 -> 9, killed right 5 -> 13."""
    main = events[0]
    if main.fatalities.best is not None or main.injured.best is not None:
        return events
    told = next((e for e in events[1:] if e.fatalities.best is not None or e.injured.best is not None), None)
    if told is None:
        return events
    return [main.model_copy(update={"fatalities": told.fatalities, "injured": told.injured}), *events[1:]]


class EventAssembler(Component[list[Event]]):
    """Builds Event records from the mentions the earlier stages wrote."""

    name = "events.assemble"
    reads = ("event_mentions", "actors", "dates", "quantities", "materiel", "toponyms", "outlet_unit",
             "outlet_place")
    writes = ("events",)

    def match(self, doc: Document) -> list[Event]:
        mentions = [m for m in doc.event_mentions if 0 <= m.sent < len(doc.sentences)
                    and (is_acled(m.sub_event_type) or reports_violence(doc, m)) and not named_only(doc, m)]
        claims = claims_after_violence(doc.event_mentions, mentions)
        clusters = [c for c in cluster_mentions(doc, [*mentions, *claims]) if any(m not in claims for m in c.mentions)]
        clusters = merge_incidents(doc, clusters, lambda c: is_background(doc, c))
        ranked = rank_clusters(doc, clusters)
        if ranked and (ranked[0].cluster.primary.sub_event_type in VIOLENCE or counts_casualties(doc, ranked[0].cluster)):
            ranked = fold_into_main(doc, ranked)
            attach_figures(doc, ranked[0].cluster, clusters)
        events = [build_event(doc, r.cluster, r.prominence) for r in ranked]
        if events and events[0].prominence == "main":
            events = with_recalled_toll(with_split_wounded(events))
        return listing_trimmed(events)

    def set_annotations(self, doc: Document, found: list[Event]) -> None:
        doc.events = found


# How many sentences after a violent one a bare claim of responsibility may follow and still be about it.
CLAIM_GAP = 1


def claims_after_violence(found: list[EventMention], kept: list[EventMention]) -> list[EventMention]:
    """Claims of responsibility that tell no violence of their own ('IS-KP claimed responsibility.') just after a
    sentence of violence: they join its event if they continue it (ACLED names the claimant as the perpetrator)
    and are dropped otherwise; such a claim alone makes no event."""
    violent = {m.sent for m in kept if m.sub_event_type in VIOLENCE}
    return [m for m in found if m.sub_event_type == ATTRIBUTION and m not in kept and _claims_it(m)
            and any(m.sent - gap in violent for gap in range(1, CLAIM_GAP + 1))]


def _claims_it(mention: EventMention) -> bool:
    """A claim by the perpetrator ('claimed responsibility'), not a denial ('denied') or another's blame ('blamed')."""
    return mention.trigger is not None and mention.trigger.text.lower().startswith("claim")


def _about_renamed(quantity: Quantity, renamed: dict[str, str]) -> Quantity:
    """The figure about the group the event names in place of the unnamed one it was read about."""
    if quantity.about not in renamed:
        return quantity
    return quantity.model_copy(update={"about": renamed[quantity.about]})


# An ordinal counts a toll so far ('a third victim died'): one more death.
_ORDINAL = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b",
                      re.IGNORECASE)
# Not when the group names someone else beside them: 'Castillo and others', 'Simpson and the four other teens'.
_OTHERS = re.compile(r"^(?!.*\band\b)(?:[\w-]+[ \t]+){0,4}(?:others?|more)\b|^(?:another|an additional)\b", re.IGNORECASE | re.DOTALL)


# One of the people already counted ('one of the victims ... has died'): a death among the wounded.
_ONE_OF = re.compile(r"(?:one|1) of (?:the|those|them)\b", re.IGNORECASE)


def less_died_of_wounds(injured: Count, own: list[QuantityMention]) -> Count:
    """The injured less those said to have died of their wounds afterwards ('three were wounded' ... 'a third victim
    died in hospital': two injured; 'an injured child' ... 'the boy died of his injuries': none). Each victim counts
    once, as killed; every figure stays reported. Not when the wounded were told apart from the dead ('one killed and
    two others wounded'), nor when the injured are those hit less the dead (already counted once)."""
    # One victim at a time ('a third victim died', 'he later died'): a plural death at the hospital ('13 people died
    # at or on the way to hospitals') is a toll, not the wounded who died since.
    # Nor is the attacker's own death ('the suspect died from a self-inflicted gunshot wound') one of the wounded's.
    died = [q for q in own if (q.after_wounds or _ONE_OF.match(q.quantity.span.text)) and q.quantity.kind == "killed"
            and not q.hit
            and (q.quantity.value == 1 or _ORDINAL.search(q.quantity.span.text))
            and not names_attacker(q.quantity.span.text)]
    wounded = [q for q in own if q.quantity.kind == "injured" and not q.hit and not _OTHERS.search(q.quantity.span.text)]
    if not died or not wounded or injured.best is None or injured.best != max(q.quantity.value for q in wounded):
        return injured
    apart = {q.sent for q in own if q.quantity.kind == "killed" and not q.after_wounds and q not in died}
    if any(q.sent in apart for q in wounded):
        return injured
    moved = 1
    return injured.model_copy(update={"best": max(injured.best - moved, 0),
                                      "low": None if injured.low is None else max(injured.low - moved, 0)})


# The sentences of an article and of an event that lead it: they tell what kind of violence it is ('accidentally').
LEAD_SENTENCES = 2


def _told(doc: Document, cluster: Cluster, main: bool, actors: EventActors) -> Told:
    """What an event's kind of violence is read from: its lead (a main event's headline and the article's first
    LEAD_SENTENCES, and the first LEAD_SENTENCES of its own sentences), all it tells (the headline too), its actors,
    whether it names people gathered to protest, and its typing mention's ACLED alternative."""
    title = [headline(doc)] if main and doc.article.title else []
    opening = [s.text for s in doc.sentences if s.text.strip()][:LEAD_SENTENCES] if main else []
    own = [doc.sentences[i].text for i in sorted(cluster.core or cluster.sents)]
    clash = any(m.sub_event_type == CLASH for m in cluster.mentions)
    armed = clash and doc.parsed is not None and armed_on_both_sides(
        doc.parsed, [m.trigger for m in cluster.mentions if m.trigger is not None and m.trigger.field is None])
    return Told([*title, *opening, *own[:LEAD_SENTENCES]], [*title, *[doc.sentences[i].text for i in cluster.sents]],
                actors, gathering_kind(doc, cluster.sents) == "demonstration",
                any(a.actor.inter in CROWDS for a in doc.actors if a.sent in cluster.sents),
                cluster.primary.alternative, armed)


@functools.lru_cache(maxsize=1)
def _survival() -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
                     for w in read_lines("quantities/survival_words.txt"))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def survivors_wounded(doc: Document, own: list[QuantityMention]) -> list[QuantityMention]:
    """The figures with one person hit whose sentence says they survived ('was also shot in the chest but survived',
    'was hit in the arm and treated and released': data/quantities/survival_words.txt) and tells no death: one of the
    wounded, whom the event's dead are not taken out of (``events.fields.injured_count``)."""
    dead = {q.sent for q in own if q.quantity.kind == "killed"}
    return [dataclasses.replace(q, hit=False) if q.hit and q.quantity.value == 1 and q.sent not in dead
            and 0 <= q.sent < len(doc.sentences) and _survival().search(doc.sentences[q.sent].text) else q
            for q in own]


@functools.lru_cache(maxsize=1)
def _roundup_cues() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{cue})" for cue in read_lines("quantities/roundup_cues.txt")), re.IGNORECASE)


def is_roundup(doc: Document) -> bool:
    """Whether the headline tells a toll over several incidents ('6 dead, 28 wounded in weekend shootings', 'Six
    shot in three separate incidents': data/quantities/roundup_cues.txt). Only the headline: the same words in the
    lead are as often one incident's ('four people wounded in two shootings at one party': 1 up, 6 down on dev)."""
    return bool(doc.article.title) and _roundup_cues().search(headline(doc)) is not None


def _toll_size(figures: list[QuantityMention]) -> int:
    """How many people a sentence's (or a headline's) figures count: its dead and its wounded, or everyone hit when
    that is more ('11 shot, 3 dead': eleven), the largest figure of each."""
    def largest(kind: str, hit: bool) -> int:
        return max((q.quantity.value for q in figures if q.quantity.kind == kind and q.hit == hit), default=0)

    return max(largest("killed", False) + largest("injured", False), largest("injured", True))


def roundup_figures(doc: Document) -> list[QuantityMention]:
    """The figures of the largest single incident a round-up tells. A round-up's total is no incident's toll, and
    the incident it is filed under is most often the largest it details ('Seven wounded on South, West sides' ...
    'four men who were shot by a lone gunman'): the body's sentence whose figures count the most people, leaving
    out the totals (a figure as large as the headline's of its kind, a sentence with a round-up's words, a count
    over a period)."""
    # The headline's toll: a figure or a sentence counting as many is the round-up's total retold.
    total = _toll_size(list(doc.title_quantities)) or None
    by_sentence: dict[int, list[QuantityMention]] = {}
    for q in doc.quantities:
        if q.quantity.kind not in ("killed", "injured") or not 0 <= q.sent < len(doc.sentences) or q.quantity.vague:
            continue
        if total is not None and q.quantity.value >= total:
            continue
        if _roundup_cues().search(doc.sentences[q.sent].text) or tells_a_period_total(doc, q):
            continue
        by_sentence.setdefault(q.sent, []).append(q)
    if not by_sentence:
        return []
    if total is not None:
        by_sentence = {i: figures for i, figures in by_sentence.items() if _toll_size(figures) < total}
    if not by_sentence:
        return []
    best = max(by_sentence, key=lambda i: (_toll_size(by_sentence[i]), -i))
    return by_sentence[best]


def build_event(doc: Document, cluster: Cluster, prominence: str = "main") -> Event:
    primary: EventMention = cluster.primary
    sub = taxonomy.lookup(primary.sub_event_type)
    sents = cluster.sents
    date = choose_date(doc, sents, background=prominence == "background", main=prominence == "main")
    place = choose_place(doc, cluster.core or sents, main=prominence == "main")
    actors: EventActors = choose_actors(doc, cluster, place, date.value)
    retyped = riot_without_crowd(actors) if primary.sub_event_type in RIOTS else None
    code = kind_of_violence(retyped or primary.sub_event_type, _told(doc, cluster, prominence == "main", actors))
    if code != sub.code:
        if taxonomy.lookup(code).event_type != sub.event_type:
            # The actors of the kind of violence the words tell: no 'Rioters' for people shot at a party, no
            # 'Unidentified Armed Group' for a boy who shot himself by accident.
            typed = dataclasses.replace(primary, sub_event_type=code, event_type=taxonomy.event_type_of(code))
            actors = choose_actors(doc, dataclasses.replace(cluster, lead=typed), place, date.value)
        sub = taxonomy.lookup(code)
    roundup = prominence == "main" and is_roundup(doc)
    own = roundup_figures(doc) if roundup else [q for q in doc.quantities if q.sent in sents and (
        prominence == "background" or not tells_a_period_total(doc, q))]
    own = survivors_wounded(doc, own)
    figures = [_about_renamed(q.quantity, actors.renamed) for q in own if not q.hit]
    headlined = doc.title_quantities if prominence == "main" and not roundup else []
    fatalities = summarise([q for q in figures if q.kind == "killed"]
                           + [q.quantity for q in headlined if not q.hit and q.quantity.kind == "killed"])
    injured = injured_count([q for q in figures if q.kind == "injured"], [q.quantity for q in own if q.hit],
                            fatalities)
    injured = less_died_of_wounds(injured, own)
    if headlined:
        injured = with_headline(injured, [q.quantity for q in headlined if not q.hit and q.quantity.kind == "injured"],
                                [q.quantity for q in headlined if q.hit], fatalities)
    first = doc.sentences[sents[0]]
    return Event(
        id=event_id(doc.article.id, first.start, sub.code),
        article_ids=[doc.article.id],
        event_type=sub.event_type,
        sub_event_type=sub.name,
        plover_type=sub.plover,
        date=date.value,
        date_precision=date.precision,
        prominence=prominence,
        date_span=date.span,
        actor1=actors.actor1,
        actor2=actors.actor2,
        assoc_actors=actors.assoc,
        location=place,
        fatalities=fatalities,
        injured=injured,
        captured=summarise([q for q in figures if q.kind in CAPTURE_KINDS]),
        materiel=[m.materiel for m in doc.materiel if m.sent in sents],
        confidence=round(max(m.score for m in cluster.mentions), 3),
        evidence=[doc.sentences[i] for i in sents],
    )
