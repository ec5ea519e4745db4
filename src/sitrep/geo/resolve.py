"""Toponym resolution: which gazetteer place each mention denotes, read in document context.

Each mention gets candidates (exact names, then transliteration variants checked with
rapidfuzz). A candidate's score is a prior (feature class, population, how the name
belongs to it) plus context from the other mentions' current best readings: the
same country, admin1 or admin2 ("Alexandria" next to "Rapides Parish" is the
Louisiana town), explicit containment ("Paryan district, Panjshir province"),
nearness, and the outlet's home country as a weak prior. Two passes let context
flow both ways. A name the gazetteer lacks but a feature word announces ("the
Dasht-e-Rivet area") is placed inside the unit that contains it or, failing that,
the document's focus unit, keeping its own name.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from sitrep.geo.context import Context, NameContext, Support, name_context
from sitrep.geo.gazetteer import Entry, Gazetteer, Hit
from sitrep.geo.recognise import Mention, common_words, qualifiers
from sitrep.geo.text import name_key, variant_keys

# A country or continent called by its name is that, not a village named after it ('Russia', Ohio).
FEATURE_PRIOR = {"continent": 6.0, "country": 6.0, "region": 3.0, "admin1": 3.0, "admin2": 1.0, "city": 0.0, "area": 0.0}
KIND_PENALTY = {0: 0.0, 1: 0.4, 2: 2.5}
# An alternate name (often historic: 'Paris' for a Georgia town) yields to places that bear the name.
ALTERNATE_YIELDS = 1.5
# A spelling variant is trusted alone only for a town this large ('Hodeidah' for Al Hudaydah).
BIG_CITY = 100_000
FUZZY_MIN_RATIO = 85.0
# Prior per tenfold population: a city of millions needs real evidence to lose to a village.
POPULATION_WEIGHT = 0.6
# A capital's name stands for its government ('Washington said'), so it is read as the capital first.
CAPITAL_BONUS = 3.0
FUZZY_PENALTY = 1.0
PASSES = 2
# A mention proposed only by the gazetteer matcher must score this much context support.
MIN_SUPPORT_GAZETTEER = 2.0
MIN_POPULATION_ALONE = 10_000
# ... or a smaller one the text names more than once (the story's own town).
MIN_POPULATION_REPEATED = 1_000
# Readings of another name within this much of its best prior count as context for this one.
RIVAL_MARGIN = 1.5
MAX_READINGS = 12
FOCUS_WEIGHT = {"city": 3.0, "admin2": 2.0, "area": 2.0, "admin1": 1.0, "region": 1.0, "country": 0.5}
MAX_CANDIDATES = 25


@dataclass
class Candidate:
    hit: Hit
    fuzzy: bool = False
    prior: float = 0.0
    support: float = 0.0
    local: float = 0.0  # the part of ``support`` below country level (same admin unit, nearness, containment)

    @property
    def entry(self) -> Entry:
        return self.hit.entry

    @property
    def score(self) -> float:
        return self.prior + self.support


@dataclass
class Resolution:
    """What a mention resolved to. ``inside`` marks an unknown place placed in its container ``entry``."""

    mention: Mention
    candidates: list[Candidate] = field(default_factory=list)
    best: Candidate | None = None
    entry: Entry | None = None
    inside: bool = False
    confidence: float = 0.0
    repeated: bool = False  # the text uses the same name more than once


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _prior(hit: Hit, mention: Mention, fuzzy: bool) -> float:
    entry = hit.entry
    score = FEATURE_PRIOR.get(entry.feature, 0.0) + POPULATION_WEIGHT * math.log10(entry.population + 1)
    score -= KIND_PENALTY.get(hit.kind, 0.0) + (FUZZY_PENALTY if fuzzy else 0.0)
    if mention.feature_hint:
        if mention.feature_hint == entry.feature:
            score += 3.0
        elif mention.feature_hint in ("admin1", "admin2") and entry.feature in ("city", "country"):
            score -= 2.0
    if entry.lat is None:
        score -= 1.0
    if entry.capital:
        score += CAPITAL_BONUS
    return score


def _is_short(name: str) -> bool:
    return sum(ch.isalpha() for ch in name) <= 3


def _short_ok(name: str, before: str, source: str = "ner") -> bool:
    """Names of three letters or fewer are codes ('UK', 'U.S.', 'NSW') or dateline abbreviations
    ('SALINA, Kan.'); written any other way ('Sr', 'Art') they are words, except three-letter town
    names the NER itself calls places ('Van', 'Gao')."""
    letters = "".join(ch for ch in name if ch.isalpha())
    if len(letters) > 3 or (len(letters) == 3 and source == "ner" and "." not in name):
        return True
    return letters.isupper() or ("." in name and before.endswith(", "))


def _towns_before_their_units(candidates: list[Candidate]) -> None:
    """'Nottingham', 'Indore': a district named after its town means the town unless a unit word says
    otherwise, so the town inside a same-named district takes at least the district's prior. (Not for
    admin1: 'New York' alone is the state as often as the city.)"""
    units = {c.entry.admin2_code: c.prior for c in candidates if c.entry.feature == "admin2" and c.entry.admin2_code}
    for cand in candidates:
        if cand.entry.feature == "city" and cand.entry.admin2_code in units:
            cand.prior = max(cand.prior, units[cand.entry.admin2_code] + 0.1)


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def candidates(self, mention: Mention, text_before: str = "") -> list[Candidate]:
        if mention.source == "demonym":
            country = self.gazetteer.demonym(name_key(mention.text))
            return [Candidate(Hit(country, 0, name_key(mention.text)))] if country else []
        if mention.alias_of is not None:
            hits = self.gazetteer.by_key(mention.alias_of)
            return [Candidate(h, True, _prior(h, mention, True)) for h in hits]
        if not _short_ok(mention.text, text_before, mention.source):
            return []
        hits = self.gazetteer.lookup(mention.text)
        if _is_short(mention.text) and not mention.text.replace(".", "").isupper() and "." in mention.text:
            hits = tuple(h for h in hits if h.entry.feature == "admin1")  # 'Ga.' the state, not 'Ms.' a code
        words = mention.text.split()
        if len(words) > 1 and words[0].lower() in qualifiers():
            # 'North Texas', 'Western Pennsylvania': a part of the region, or a place so named.
            hits += tuple(Hit(h.entry, max(h.kind, 1), h.matched)
                          for h in self.gazetteer.lookup(" ".join(words[1:]))
                          if h.entry.feature in ("admin1", "country", "region"))
        # A unit's bare stem ('Lancaster' of 'Lancaster County') only competes when no place bears the
        # name itself, or when a unit word announces a unit.
        if any(h.kind < 2 for h in hits) and mention.feature_hint not in ("admin1", "admin2"):
            hits = tuple(h for h in hits if h.kind < 2)
        fuzzy = False
        key = name_key(mention.text)
        if not hits and len(key) >= 5 and key not in common_words():
            hits = tuple(h for k in variant_keys(key) for h in self.gazetteer.by_key(k))
            if not hits:
                hits = tuple(h for h in self.gazetteer.variants(mention.text)
                             if fuzz.ratio(key, h.matched) >= FUZZY_MIN_RATIO)
            fuzzy = bool(hits)
        candidates = [Candidate(h, fuzzy, _prior(h, mention, fuzzy)) for h in hits]
        if any(h.kind == 0 for h in hits):
            for cand in candidates:
                if cand.hit.kind == 1:
                    cand.prior -= ALTERNATE_YIELDS
        if mention.feature_hint not in ("admin1", "admin2"):
            _towns_before_their_units(candidates)
        # 'Washington' has hundreds of readings; context cannot lift one from far down the list.
        return sorted(candidates, key=lambda c: -c.prior)[:MAX_CANDIDATES]

    def __call__(self, mentions: list[Mention], text: str, home_country: str | None = None) -> list[Resolution]:
        resolutions = [Resolution(m, self.candidates(m, text[max(0, m.start - 2):m.start])) for m in mentions]
        self._borrow(resolutions)
        names = Counter(name_key(r.mention.text) for r in resolutions)
        for r in resolutions:
            r.repeated = names[name_key(r.mention.text)] > 1
        for r in resolutions:
            r.best = max(r.candidates, key=lambda c: c.score, default=None)
        for _ in range(PASSES):
            context = self._context(resolutions)
            cache: dict[tuple[int, str], Support] = {}
            for i, r in enumerate(resolutions):
                own = name_key(r.mention.text)
                for cand in r.candidates:
                    found = cache.get((cand.entry.id, own))
                    if found is None:
                        found = cache[(cand.entry.id, own)] = context.support(cand.entry, own)
                    contained = self._containment(cand.entry, i, resolutions, text)
                    cand.local = found.local + contained
                    cand.support = cand.local + found.country
                    if home_country and cand.entry.country_code == home_country:
                        cand.support += 0.5
                r.best = max(r.candidates, key=lambda c: c.score, default=None)
        for r in resolutions:
            self._finish(r, resolutions, text)
        return [r for r in resolutions if r.entry is not None]

    @staticmethod
    def _borrow(resolutions: list[Resolution]) -> None:
        """A name with no candidates that is a misspelling of another name in the same text
        ('Panjhsir' beside 'Panjshir') takes that name's candidates, as fuzzy matches."""
        known = {name_key(r.mention.text): r for r in resolutions if r.candidates and r.mention.source != "demonym"}
        for r in resolutions:
            key = name_key(r.mention.text)
            if r.candidates or len(key) < 5 or key in common_words():
                continue
            match = process.extractOne(key, list(known), scorer=fuzz.ratio, score_cutoff=85)
            if match is not None:
                r.candidates = [Candidate(c.hit, True, _prior(c.hit, r.mention, True))
                                for c in known[match[0]].candidates]

    def _context(self, resolutions: list[Resolution]) -> Context:
        """The names trusted as context, each once, with its readings close to its best."""
        names: dict[str, NameContext] = {}
        for r in resolutions:
            key = name_key(r.mention.text)
            if key in names or r.best is None or not self._counts(r):
                continue
            floor = r.best.prior - RIVAL_MARGIN
            readings = [c.entry for c in r.candidates if c.prior >= floor][:MAX_READINGS]
            names[key] = name_context(key, r.best.entry, readings)
        return Context(list(names.values()))

    def _counts(self, other: Resolution) -> bool:
        """Whether another mention's reading is trusted enough to be context."""
        if other.best is None:
            return False
        if other.best.fuzzy:
            return False  # 'Headington' read as Haddington must not pull 'Oxford' to Pennsylvania
        # A proposal counts once something local supports it (small towns named together hold each
        # other up; measured better than counting only proposals accepted on their own).
        return other.mention.source != "gazetteer" or self._accept_proposal(other, other.best.local >= 1)

    @staticmethod
    def _containment(entry: Entry, index: int, resolutions: list[Resolution], text: str) -> float:
        """'Alexandria, La.' / 'Paryan district, Panjshir province': the next mention names a container."""
        if index + 1 >= len(resolutions):
            return 0.0
        nxt = resolutions[index + 1]
        gap = text[resolutions[index].mention.end:nxt.mention.start].lower()
        if len(gap) > 12 or not any(sep in gap for sep in (",", " in ", " of ", "(")):
            return 0.0
        for cand in nxt.candidates:
            unit = cand.entry
            if unit.feature == "country" and unit.country_code == entry.country_code and entry.feature != "country":
                return 3.0
            if unit.feature == "admin1" and unit.admin1_code == entry.admin1_code and entry.feature != "admin1":
                return 4.0
            if unit.feature == "admin2" and unit.admin2_code == entry.admin2_code and entry.feature == "city":
                return 4.0
        return 0.0

    def _finish(self, r: Resolution, resolutions: list[Resolution], text: str) -> None:
        """Keep or drop the reading; place unknown announced places inside their container."""
        if r.best is not None and r.best.fuzzy and r.best.local < 1 and r.best.entry.feature == "city" \
                and r.best.entry.population < BIG_CITY:
            r.best = None  # a spelling variant of a small town nothing else points to: read as unknown
        if r.best is not None:
            if r.mention.source == "gazetteer" and not self._accept_proposal(r):
                return
            if r.best.hit.kind == 1 and r.best.entry.feature == "city" \
                    and r.best.entry.population < MIN_POPULATION_ALONE and r.best.local < 1:
                return  # a village's old or foreign name ('Thomas', 'Parks'), with nothing near it in the text
            r.entry = r.best.entry
            r.confidence = min(1.0, max(0.05, r.best.score / 10.0))
            return
        if r.mention.feature_hint is None and r.mention.source != "ner":
            return
        container = self._container(r, resolutions, text)
        if container is not None:
            r.entry, r.inside, r.confidence = container, True, 0.3

    @staticmethod
    def _accept_proposal(r: Resolution, supported: bool | None = None) -> bool:
        """Keep a gazetteer-matcher proposal: a feature word agrees, it is a country or admin1 by its
        own name, or the rest of the text supports it."""
        assert r.best is not None
        entry = r.best.entry
        if r.mention.feature_hint is not None and (r.best.hit.kind != 2 or r.mention.feature_hint == entry.feature):
            return True
        if r.best.hit.kind == 2:  # 'Webb' alone is a surname more often than Webb County
            return False
        if entry.feature in ("continent", "country", "region", "admin1") and r.best.hit.kind <= 1 and not r.best.fuzzy:
            return True
        # A town of some size named exactly: the matcher only proposes capitalised, non-person phrases.
        if entry.feature == "city" and r.best.hit.kind == 0 and not r.best.fuzzy \
                and entry.population >= (MIN_POPULATION_REPEATED if r.repeated else MIN_POPULATION_ALONE):
            return True
        # Same country is not enough: any capitalised word is some small town of a large country.
        return supported if supported is not None else r.best.local >= MIN_SUPPORT_GAZETTEER

    def _container(self, r: Resolution, resolutions: list[Resolution], text: str) -> Entry | None:
        """The admin unit an unknown place lies in: the next mention if it is a unit, else the focus."""
        index = resolutions.index(r)
        if index + 1 < len(resolutions):
            nxt = resolutions[index + 1]
            gap = text[r.mention.end:nxt.mention.start].lower()
            if len(gap) <= 25 and nxt.best is not None and nxt.best.entry.feature in ("admin1", "admin2"):
                return nxt.best.entry
        # The text's focus: its most mentioned country, then in it the most mentioned place, the more
        # specific the better (a street of the town the story is about, a village of its province).
        # An unknown province lies in the focus country, an unknown district in the focus admin1.
        trusted = [o.best.entry for o in resolutions if o is not r and o.best is not None and self._counts(o)]
        countries = Counter(e.country_code for e in trusted if e.country_code)
        if not countries:
            return None
        country = countries.most_common(1)[0][0]
        inside = [e for e in trusted if e.country_code == country]
        hint = r.mention.feature_hint
        if hint == "admin1":
            return self.gazetteer.country(country)
        focus: dict[int, float] = defaultdict(float)
        for entry in inside:
            if hint == "admin2" and entry.feature in ("city", "admin2"):
                unit = self.gazetteer.admin(entry.admin1_code, "admin1") if entry.admin1_code else None
                if unit is not None:
                    focus[unit.id] += 1.0
                continue
            focus[entry.id] += FOCUS_WEIGHT.get(entry.feature, 0.0)
        if focus:
            return self.gazetteer.get(max(focus, key=lambda place: focus[place]))
        return self.gazetteer.country(country)
