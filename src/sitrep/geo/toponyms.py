"""The geocoding stage: recognise toponyms, resolve them, fill Place records.

Detection (``match``) returns resolutions; ``set_annotations`` turns them into
``doc.toponyms``, each with its span, its Place, and an ``event_score``/``role``
telling the events assembler where the event happened as distinct from places
merely mentioned.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.actors.resolve import is_generic_name
from sitrep.geo.build import ensure
from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.geo.lexicon import qualifiers
from sitrep.geo.outlet import outlet_home, outlet_host, outlet_span
from sitrep.geo.precision import NEAR_WORDS, precision
from sitrep.geo.recognise import Recogniser
from sitrep.geo.resolve import Resolution, Resolver
from sitrep.model import Place, Span, Toponym
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "into", "inside", "across", "on", "from"})
_lock = threading.Lock()


@functools.lru_cache(maxsize=4)
def open_gazetteer(path: str = "") -> Gazetteer:
    """The gazetteer at ``path`` (default: the user data dir), built first if missing."""
    with _lock:
        return Gazetteer(ensure(Path(path)) if path else ensure())


def _home_country(url: str | None) -> str | None:
    """Weak prior: a country-code top-level domain ('.co.uk' -> GB, '.af' -> AF)."""
    if not url:
        return None
    host = outlet_host(url)
    tld = host.rsplit(".", 1)[-1].upper() if "." in host else ""
    if len(tld) != 2:
        return None
    return "GB" if tld == "UK" else tld


# ACLED inter codes of rebels, political militias and identity militias.
NON_STATE_ARMED = frozenset({2, 3, 4})


def _actors_country(doc: Document) -> str | None:
    """Weak prior for a text whose outlet says nothing: the home country of the actors it names from the
    dictionary ('Al Shabaab' -> SO), when one country leads ('... in Bulo Burto (Hiraan)')."""
    counts = Counter(m.actor.country for m in doc.actors if m.actor.known and m.actor.country)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _groups_country(doc: Document) -> str | None:
    """The one home country of the named armed groups a text names (rebels, militias: ACLED inter 2-4), which
    fight at home ('Houthi forces shelled Hays' is in Yemen); None when they come from several or none. State
    forces are left out: they fight abroad too ('Russian forces shelled ...'); so are unnamed groups ('gunmen'),
    whose country was itself read from the text's places."""
    countries = {m.actor.country for m in doc.actors if m.actor.known and m.actor.country
                 and m.actor.inter in NON_STATE_ARMED and not is_generic_name(m.actor.name)}
    return countries.pop() if len(countries) == 1 else None


class Geocoder(Component[list[Resolution]]):
    """Finds place names and resolves them against the gazetteer."""

    name = "geo.geocode"
    reads = ("parsed", "sentences", "event_mentions", "actors")
    writes = ("toponyms", "outlet_unit", "outlet_place")

    def __init__(self, gazetteer: Gazetteer | None = None, path: str = "") -> None:
        self._gazetteer = gazetteer
        self._path = path

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:  # opened on first use, so building a pipeline stays cheap
            self._gazetteer = open_gazetteer(self._path)
        return self._gazetteer

    def match(self, doc: Document) -> list[Resolution]:
        if doc.parsed is None:
            return []
        mentions = Recogniser(self.gazetteer)(doc.parsed)
        outlet = outlet_home(self.gazetteer, doc.article.url)
        home = _home_country(doc.article.url) or (outlet.country_code if outlet else None) or _actors_country(doc)
        return Resolver(self.gazetteer)(mentions, doc.text, home, outlet.admin1_code if outlet else None,
                                        outlet.town if outlet else None, _groups_country(doc))

    def set_annotations(self, doc: Document, found: list[Resolution]) -> None:
        toponyms = []
        for r in found:
            assert r.entry is not None
            span = doc.span(r.mention.start, r.mention.end)
            before = doc.text[max(0, r.mention.start - 30):r.mention.start].lower().split()
            near = bool(before) and before[-1] in NEAR_WORDS
            place = self.place(r.entry, span, inside=r.inside, name=r.mention.text if r.inside else None,
                               hint=r.mention.precision_hint, near=near)
            toponyms.append(Toponym(doc.sentence_index(r.mention.start), span, place, round(r.confidence, 3),
                                    source=r.mention.source, population=0 if r.inside else r.entry.population))
        _score_roles(doc, toponyms)
        doc.toponyms = toponyms
        outlet = outlet_home(self.gazetteer, doc.article.url)
        unit = self.gazetteer.admin(outlet.admin1_code, "admin1") if outlet else None
        doc.outlet_unit = unit.name if unit else None
        # The town is the outlet's, not a name in the text: its span is the outlet's host name in the URL
        # (precision 3, the area around it).
        doc.outlet_place = self.place(outlet.town, span=outlet_span(doc.article.url)).model_copy(
            update={"geo_precision": 3}) if outlet is not None and outlet.town is not None else None

    def title_toponyms(self, doc: Document, parsed: SpacyDoc | None = None) -> list[Toponym]:
        """The places the headline names, resolved with the outlet's home as context, each a Toponym of sentence -1
        whose span points into ``Article.title`` (``Span.field == "title"``). ``parsed``: the headline parsed as
        written (a Title Cased one keeps its capitals, which name places: 'Shot In New Castle'), else
        ``doc.parsed_title``; same offsets as the title. Not run by ``match``: events.headline asks for them when
        the body tells no event."""
        parsed = parsed if parsed is not None else doc.parsed_title
        if parsed is None:
            return []
        mentions = Recogniser(self.gazetteer)(parsed)
        outlet = outlet_home(self.gazetteer, doc.article.url)
        home = _home_country(doc.article.url) or (outlet.country_code if outlet else None)
        found = Resolver(self.gazetteer)(mentions, parsed.text, home, outlet.admin1_code if outlet else None,
                                         outlet.town if outlet else None)
        toponyms = []
        for r in found:
            assert r.entry is not None
            span = doc.title_span(r.mention.start, r.mention.end)
            place = self.place(r.entry, span, inside=r.inside, name=r.mention.text if r.inside else None,
                               hint=r.mention.precision_hint)
            toponyms.append(Toponym(-1, span, place, round(r.confidence, 3), source=r.mention.source,
                                    population=0 if r.inside else r.entry.population))
        return toponyms

    def place(self, entry: Entry, span: Span | None, *, inside: bool = False, name: str | None = None,
              hint: int | None = None, near: bool = False) -> Place:
        """A Place record for ``entry``; admin names and ISO code come from its admin units."""
        gaz = self.gazetteer
        admin1 = gaz.admin(entry.admin1_code, "admin1") if entry.admin1_code else None
        admin2 = gaz.admin(entry.admin2_code, "admin2") if entry.admin2_code else None
        country = gaz.country(entry.country_code) if entry.country_code else None
        lat, lon = entry.lat, entry.lon
        if lat is None and admin1 is not None:  # a unit the sources give no point for: its admin1's
            lat, lon = admin1.lat, admin1.lon
        return Place(
            name=name or entry.name,
            admin1=admin1.name if admin1 else None,
            admin2=admin2.name if admin2 else None,
            country=country.name if country else None,
            country_code=entry.country_code,
            admin_code=admin1.iso_code if admin1 else entry.iso_code,
            lat=lat, lon=lon,
            geo_precision=precision(entry, inside=inside, hint=hint, near=near) if lat is not None
            or not inside else 3,
            gazetteer_id=entry.gid,
            feature=("area" if inside else entry.feature),
            spans=[span] if span is not None else [],
        )


def _before_stated_units(t: Toponym, toponyms: list[Toponym], text: str) -> bool:
    """'Boni (Hombori, Mopti)': a place followed by its units in parentheses is where the event happened, as
    ACLED's notes write it, even where no locative word comes before it ('gathered in central London')."""
    rest = text[t.span.end:t.span.end + 3]
    if not rest.lstrip().startswith("("):
        return False
    opening = t.span.end + rest.index("(")
    return any(o.span.start == opening + 1 for o in toponyms)


def _score_roles(doc: Document, toponyms: list[Toponym]) -> None:
    """event_score: in an event sentence, after a locative word, specific; the best per sentence is the site."""
    event_sents = {m.sent for m in doc.event_mentions}
    specificity = {1: 0.3, 2: 0.25, 3: 0.1}
    for t in toponyms:
        before = doc.text[max(0, t.span.start - 12):t.span.start].lower().split()
        score = 0.4 if t.sent in event_sents else 0.0
        # 'in Kabul', also 'in central London', 'in northern Mali' (a qualifier between)
        located = bool(before) and (before[-1] in LOCATIVE or (
            len(before) > 1 and before[-1] in qualifiers() and before[-2] in LOCATIVE))
        score += 0.2 if located or _before_stated_units(t, toponyms, doc.text) else 0.0
        if t.place is not None:
            score += 0.0 if t.place.feature == "country" else specificity.get(t.place.geo_precision or 3, 0.1)
        score += 0.1 * t.score
        t.event_score = round(min(1.0, score), 3)
    for t in toponyms:
        if _origin(doc, t):
            t.role = "origin"
            t.event_score = round(max(0.0, t.event_score - 0.4), 3)
    for sent in event_sents:
        in_sent = [t for t in toponyms if t.sent == sent and t.place is not None and t.role != "origin"]
        if in_sent:
            max(in_sent, key=lambda t: t.event_score).role = "event_site"


def _origin(doc: Document, t: Toponym) -> bool:
    """'a 23-year-old man from Springfield', 'troops from Chad': a place in a 'from' phrase hanging on a noun
    says where someone comes from, not where the event happened ('fled from Kabul' hangs on a verb)."""
    if doc.parsed is None:
        return False
    span = doc.parsed.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None:
        return False
    prep = span.root.head
    return span.root.dep_ == "pobj" and prep.lower_ == "from" and prep.dep_ == "prep" \
        and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.i != prep.i
