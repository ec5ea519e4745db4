"""The main event read from the headline, when the body tells none.

Some pages hold nothing of the report but its headline: the scraper kept a "Please enable JavaScript" notice, a
station's contact lines, a video player's messages or a newsletter prompt, all blanked out by ingest.cleaning, or
a short lede that names no act ("Identities of the victim were released"). The headline ("Two dead, one hurt in
Elm City shooting") still tells the incident. When the body gives no event, this stage reads the headline as the
body's sentences are read (the same cue lexicon, the same checks that a cue reports something done, the same
classifier: ``events.detect.decide``) and builds the main event from it, only for violence (a violent code backed
by a violent cue, a word of violence or the headline's own figure): no protest, arrest or policy story is made out
of a headline alone, and a headline labelled as opinion (data/events/headline_labels.txt) or asking a question
gives nothing. Every value it reads points into the title (``Span.field == "title"``): the evidence (the
headline's sentence), the figures (quantities.headline), the places (``Geocoder.title_toponyms``) and a day the
headline writes. A day it does not write is a day of violence the body tells, else the publication date at week
precision with no span, as for every event no sentence dates (``events.fields.choose_date``); a headline telling
a step of the law after the incident ('charged in', 'sentenced for' the shooting) leaves the incident undated
rather than give it the hearing's week. A place the headline does not name is the body's town, else the outlet's
home town (geo.outlet: a span of the URL).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.events import taxonomy
from sitrep.events.actors import EventActors
from sitrep.events.classifier import get_classifier, make_unit
from sitrep.events.detect import (
    CASUALTY_CUE,
    MIN_EVENT_PROBABILITY,
    Candidates,
    Decision,
    decide,
    find_candidates,
    verdicts,
    violent_cues,
)
from sitrep.events.embed import get_encoder
from sitrep.events.fields import (
    DateChoice,
    choose_date,
    day_of_violence,
    injured_count,
    is_current,
    namesake_or_country,
    pick,
    summarise,
)
from sitrep.events.merge import VIOLENCE, violence_words
from sitrep.events.modality import governors
from sitrep.events.triggers import find_cues
from sitrep.events.violence_kind import Told, kind_of_violence
from sitrep.ingest.headline import headline_end
from sitrep.model import Article, Count, DateMention, Event, Place, Span, Toponym
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document
from sitrep.resources import read_lines

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan

    from sitrep.geo.toponyms import Geocoder

__all__ = ["HeadlineEvent", "HeadlineFinding", "headline_incident"]

# Date kinds that date no incident: a date stamping the page, a bare year.
_NOT_A_DAY = ("dateline", "year")


@dataclass(frozen=True)
class HeadlineIncident:
    """What the headline reports: its code and the words that tell it (offsets into the title)."""

    decision: Decision
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    # The headline tells a later step of the law ('charged in', 'sentenced for', 'pleads in' the shooting: words
    # of charges and trials, data/events/modality.tsv 'legal'): the incident happened before, on a day it does
    # not tell.
    court: bool = False


@dataclass
class HeadlineFinding:
    """The main event built from the headline, and the headline's places it was placed from."""

    event: Event
    toponyms: list[Toponym]


_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z' ]{1,30}?)\s*[:|]")


def is_opinion_or_question(title: str) -> bool:
    """A headline labelled as opinion ('Editorial: ...', 'Letter: ...': data/events/headline_labels.txt) or asking
    a question ('Was the shooting justified?') reports no incident of its own."""
    if title.rstrip().endswith("?"):
        return True
    match = _LABEL.match(title)
    return match is not None and match.group(1).strip().lower() in read_lines("events/headline_labels.txt")


# Words of charges and trials that do not tell a step of the law after the incident: a suspect is sought at once,
# and 'try' is mostly 'tried to flee'.
_NOT_A_LATER_STEP = frozenset({"suspect", "suspicion", "allegation", "accusation", "accuse", "try"})


def _court_words() -> frozenset[str]:
    return governors().get("legal", frozenset()) - _NOT_A_LATER_STEP


def under_the_law(parsed_title: SpacyDoc) -> Candidates:
    """Candidates of a headline that tells a step of the law about violence ('2 men charged with attempted murder in
    drive-by shooting'): the violence the charge is about happened, though a body sentence so worded reports no event
    of its own (events.modality: an event under charges and trials). Read only for the headline, and only when it
    gives no other candidate; such an incident is left undated (``HeadlineIncident.court``)."""
    found = Candidates([], [], [], [])
    for i, sent in enumerate(parsed_title.sents):
        if not any(t.lemma_.lower() in _court_words() for t in sent):
            continue
        triggers = tuple(h for h in find_cues(sent) if h.event and h.cue in violent_cues())
        if triggers:
            found.sents.append(i)
            found.units.append(make_unit([sent]))
            found.triggers.append(triggers)
    return found


def headline_incident(parsed_title: SpacyDoc, title_figures: bool) -> HeadlineIncident | None:
    """The violent incident the parsed headline reports, or None. ``title_figures``: the headline states a killed
    or injured figure (quantities.headline), which makes a bare casualty word ('Father, daughter found dead') an
    incident, and lets a headline of telegraphic shorthand that holds no cue the parse reads as done ('5 shot on
    the west side, suspects at large') be typed whole."""
    found = find_candidates(parsed_title)
    sentences = list(parsed_title.sents)
    if not found.units:
        found = under_the_law(parsed_title)
    if not found.units and title_figures and sentences:
        found.sents, found.units, found.triggers = [0], [make_unit(sentences[:1])], [()]
    if not found.units:
        return None
    model = get_classifier()
    typed = verdicts(model, model.full_proba(found.units, get_encoder().encode([u.text for u in found.units])),
                     "classifier")
    for i, unit, triggers, verdict in zip(found.sents, found.units, found.triggers, typed, strict=True):
        sentence = sentences[i]
        decision = decide(verdict, unit, triggers, parsed_title, sentence.text, MIN_EVENT_PROBABILITY)
        if decision is None or not _violent(decision, sentence, title_figures):
            continue
        hit = next((h for h in triggers if h.cue == decision.code), None) or \
            next((h for h in triggers if h.cue != CASUALTY_CUE), triggers[0] if triggers else None)
        words = parsed_title[hit.start:hit.end] if hit is not None else sentence
        court = any(t.lemma_.lower() in _court_words() for t in sentence)
        return HeadlineIncident(decision, (words.start_char, words.end_char), (sentence.start_char, sentence.end_char),
                                court)
    return None


def _violent(decision: Decision, sentence: SpacySpan, title_figures: bool) -> bool:
    """Violence done to people: a code of violence (events.merge.VIOLENCE) backed by a violent cue, a word of
    violence or the headline's own toll. A CASE extra code (crime, an accident) counts only so: it becomes a
    Non-ACLED event, as in the body."""
    if decision.code not in VIOLENCE:
        return False
    if decision.violent or title_figures:
        return True
    words = violence_words()
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sentence)


def event_id(article_id: str, start: int, code: str) -> str:
    """Content-hash id of a headline event (apart from body events' ids, which hash a text offset)."""
    key = f"{article_id}:title:{start}:{code}"
    return "e" + hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:15]


def title_dates(doc: Document, end: int) -> list[DateMention]:
    """Days the headline writes ('Man shot Saturday in ...'), resolved by the dates stage against the publication
    date, as spans of the title."""
    from sitrep.dates.resolve import DateResolver  # the stage's own matcher, run on the headline alone

    title = (doc.article.title or "")[:end]
    if not title.strip():
        return []
    alone = Document(article=Article(id=doc.article.id, text=title, published=doc.article.published))
    return [DateMention(-1, doc.title_span(d.span.start, d.span.end), d.value, d.precision, d.kind, d.provisional)
            for d in DateResolver().match(alone) if d.kind not in _NOT_A_DAY and is_current(doc, d)]


def headline_date(doc: Document, written: list[DateMention], court: bool = False) -> DateChoice:
    """The day the headline writes; else a day of violence the body tells this month (a short lede: 'shot late
    Friday'), the earliest written; else what every event no sentence dates takes: the publication date at week
    precision, with no span (``events.fields.choose_date``), unless the headline tells a step of the law after the
    incident (``court``): then no date, rather than the day of the hearing. Other dates of the body (a weather
    box's 'Today', a page stamp) date nothing the headline tells."""
    if written:
        first = min(written, key=lambda d: (d.precision, d.span.start))
        return pick(first)
    violent = [d for d in doc.dates if d.kind not in _NOT_A_DAY and is_current(doc, d) and day_of_violence(doc, d)]
    if violent:
        first = min(violent, key=lambda d: d.span.start)
        return pick(first)
    return DateChoice(None, None, None) if court else choose_date(doc, [])


def _town_level(t: Toponym) -> bool:
    return t.place is not None and t.place.feature not in ("country", "admin1")


def headline_town(named: list[Toponym], home: Place | None, within: Place | None = None) -> Place | None:
    """The likeliest town the headline names: inside ``within`` (a county, or the state of a state or a street) when
    given, else not a small namesake far off in a state the headline does not name
    (events.fields.namesake_or_country); never the outlet's home town itself."""
    def fits(t: Toponym) -> bool:
        place = t.place
        if place is None or not _town_level(t) or (home is not None and place.name == home.name):
            return False
        if within is not None and within.feature == "area" and within.name == place.name:
            # the body read this very name and placed it inside a town ('the Washington Park neighborhood' of
            # Chicago): the headline's far town of that name is the namesake the body turned down
            return False
        if within is not None:
            return place.feature == "city" and place.admin1 == within.admin1 and (
                within.feature != "admin2" or place.admin2 == within.admin2)
        return home is not None and not namesake_or_country(t, home, named)

    towns = [t for t in sorted(named, key=lambda t: (-t.score, t.span.start)) if fits(t)]
    return towns[0].place if towns else None


def headline_place(doc: Document, named: list[Toponym]) -> Place | None:
    """The town the headline names; else the body's most named town (a short lede's) in the state the headline
    names, if it names one; else the outlet's home town, on the same condition; else the state or country the
    headline names."""
    home = doc.outlet_place
    towns = [t for t in sorted(named, key=lambda t: (-t.score, t.span.start)) if _town_level(t)]
    if towns and home is not None and all(namesake_or_country(t, home, named) for t in towns):
        return home  # a small namesake far off in a state the headline does not name ('Old Town'): the outlet's
    if towns:
        return towns[0].place
    units = {t.place.admin1 for t in named if t.place is not None and t.place.feature == "admin1"}
    body = [t.place for t in doc.toponyms if t.place is not None and _town_level(t)
            and (not units or t.place.admin1 in units)]
    if body:
        name = Counter(p.name for p in body).most_common(1)[0][0]
        return next(p for p in body if p.name == name)
    if home is not None and (not units or home.admin1 in units):
        return home
    wider = sorted((t for t in named if t.place is not None), key=lambda t: (t.place.feature == "country" if t.place
                                                                             else True, t.span.start))
    return wider[0].place if wider else None


def _figures(doc: Document) -> tuple[Count, Count]:
    """Killed and injured from the headline's figures (quantities.headline), as a body event takes them."""
    killed = [q.quantity for q in doc.title_quantities if not q.hit and q.quantity.kind == "killed"]
    injured = [q.quantity for q in doc.title_quantities if not q.hit and q.quantity.kind == "injured"]
    hit = [q.quantity for q in doc.title_quantities if q.hit]
    fatalities = summarise(killed)
    return fatalities, injured_count(injured, hit, fatalities)


class HeadlineEvent(Component["HeadlineFinding | None"]):
    """Builds the main event from the headline when the body gives none."""

    name = "events.headline"
    reads = ("article", "parsed", "parsed_title", "title_quantities", "dates", "toponyms", "outlet_place", "events")
    writes = ("events", "title_toponyms")

    def __init__(self, geocoder: Geocoder | None = None, nlp: Language | None = None) -> None:
        # The geocoder's gazetteer places the headline's names; asked only for the few pages this stage reads.
        self.geocoder = geocoder
        # Parses a Title Cased headline as written for the geocoder (``parsed_title`` is lowered for the tagger,
        # and lower-case place names are not found: 'in new castle').
        self.nlp = nlp

    def match(self, doc: Document) -> HeadlineFinding | None:
        if doc.events:
            return self._town_for_outlet_home(doc)
        if doc.parsed_title is None or is_opinion_or_question(doc.parsed_title.text):
            return None
        figures = any(q.quantity.kind in ("killed", "injured") for q in doc.title_quantities)
        incident = headline_incident(doc.parsed_title, figures)
        if incident is None:
            return None
        named = self.geocoder.title_toponyms(doc, self._as_written(doc)) if self.geocoder is not None else []
        return HeadlineFinding(build_headline_event(doc, incident, named), named)

    def _town_for_outlet_home(self, doc: Document) -> HeadlineFinding | None:
        """The headline's town for a body's main event that fell back to the outlet's home town, or that the body
        placed at a county, a state or a street ('South First St.'): the body named no town the geocoder read
        ('injured in Brooksville on Friday night' with the town unread, a 'Madison apartment', 'Barnes County
        deputies'), and the headline names where it happened ('One dead in Cameron shooting') more often than the
        station's home or the sheriff's county.

        Only a town the headline reads with the outlet's home as context, not a far namesake in a state it does not
        name; below a county or a state the body gave, a town inside it; a street's town in its state
        (:func:`headline_town`)."""
        main = next((e for e in doc.events if e.prominence == "main"), None)
        if main is None or doc.parsed_title is None or self.geocoder is None:
            return None
        home, where = doc.outlet_place, main.location
        within = where if where is not None and where.feature in ("admin1", "admin2", "area") else None
        if within is None and (home is None or where not in (home, None)):
            return None
        named = self.geocoder.title_toponyms(doc, self._as_written(doc))
        town = headline_town(named, home, within)
        if town is None:
            return None
        placed = main.model_copy(update={"location": town})
        return HeadlineFinding(placed, named)

    def _as_written(self, doc: Document) -> SpacyDoc | None:
        """The headline parsed with its own capitals, when the parser's copy lowered them."""
        title = doc.article.title or ""
        written = title[:headline_end(title)]
        if self.nlp is None or doc.parsed_title is None or doc.parsed_title.text == written:
            return None
        return self.nlp(written)

    def set_annotations(self, doc: Document, found: HeadlineFinding | None) -> None:
        if found is None:
            return
        doc.title_toponyms = found.toponyms
        # the body's main event placed anew, or the headline's own event
        doc.events = [found.event if e.id == found.event.id else e for e in doc.events] or [found.event]


def build_headline_event(doc: Document, incident: HeadlineIncident, named: list[Toponym]) -> Event:
    # What kind of violence, read from the headline as from a body event's words (events.violence_kind).
    said = [doc.article.title[slice(*incident.sentence)]] if doc.article.title else []
    sub = taxonomy.lookup(kind_of_violence(incident.decision.code,
                                           Told(said, said, EventActors(), alternative=incident.decision.alternative)))
    date = headline_date(doc, title_dates(doc, incident.sentence[1]), incident.court)
    fatalities, injured = _figures(doc)
    evidence: Span = doc.title_span(*incident.sentence)
    return Event(
        id=event_id(doc.article.id, incident.trigger[0], sub.code),
        article_ids=[doc.article.id],
        event_type=sub.event_type,
        sub_event_type=sub.name,
        plover_type=sub.plover,
        date=date.value,
        date_precision=date.precision,
        prominence="main",
        date_span=date.span,
        location=headline_place(doc, named),
        fatalities=fatalities,
        injured=injured,
        confidence=incident.decision.score,
        evidence=[evidence],
    )
