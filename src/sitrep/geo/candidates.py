"""Candidate readings of a toponym mention and their priors.

A reading's prior is its feature class (a country named is that country), its
population, whether it is a capital, and how the name belongs to it (own name,
alternate, a unit's bare stem, a spelling variant). Context comes later
(:mod:`sitrep.geo.resolve`).
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from sitrep.geo.gazetteer import Entry, Gazetteer, Hit
from sitrep.geo.lexicon import common_words, qualifiers, titles
from sitrep.geo.recognise import Mention
from sitrep.geo.text import name_key, variant_keys

# A country or continent called by its name is that, not a village named after it ('Russia', Ohio).
FEATURE_PRIOR = {"continent": 6.0, "country": 6.0, "region": 3.0, "admin1": 3.0, "admin2": 1.0, "city": 0.0,
                 "area": 0.0}
# How the name belongs to the place: its own, an alternate, or a unit's bare stem ('Clarke').
KIND_PENALTY = {0: 0.0, 1: 0.4, 2: 2.5}
# An alternate name (often historic: 'Paris' for a Georgia town) yields to places that bear the name.
ALTERNATE_YIELDS = 1.5
FUZZY_MIN_RATIO = 85.0
# Prior per tenfold population: a city of millions needs real evidence to lose to a village.
POPULATION_WEIGHT = 0.6
# A capital's name stands for its government ('Washington said'), so it is read as the capital first.
CAPITAL_BONUS = 3.0
# A town this many times as populous as a namesake's district is not outranked by the district's lift.
FAR_LARGER = 10
# A region across borders ('Middle East', 'Sahel') with no population given counts as this populous.
REGION_POPULATION = 10_000_000
FUZZY_PENALTY = 1.0
# A name the text uses as a town's ('a Lebanon woman': recognise._town_use) loses a country's feature prior and
# more, so that a town of the name wins (a state keeps its prior: 'a Texas man' is the state's).
COUNTRY_AS_TOWN = 9.0
MAX_CANDIDATES = 25
CODE_POPULATION = 5_000_000
GREAT_CITY = 1_000_000
# A town this populous has sides a text names by compass ('East Baltimore', 'Southwest Philadelphia').
SIDED_TOWN = 100_000


@dataclass
class Candidate:
    """One reading of a mention: a gazetteer place, its prior and (set by the resolver) its support."""

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


def prior(hit: Hit, mention: Mention, fuzzy: bool) -> float:
    entry = hit.entry
    population = entry.population or (REGION_POPULATION if entry.feature in ("region", "continent") else 0)
    score = FEATURE_PRIOR.get(entry.feature, 0.0) + POPULATION_WEIGHT * math.log10(population + 1)
    score -= KIND_PENALTY.get(hit.kind, 0.0) + (FUZZY_PENALTY if fuzzy else 0.0)
    if mention.feature_hint:
        if mention.feature_hint == entry.feature:
            score += 3.0
        elif mention.feature_hint in ("admin1", "admin2") and entry.feature in ("city", "country"):
            score -= 2.0
    if mention.town_use and entry.feature == "country":
        score -= COUNTRY_AS_TOWN
    if entry.lat is None:
        score -= 1.0
    if entry.capital:
        score += CAPITAL_BONUS
    return score


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


def _is_short(name: str) -> bool:
    return sum(ch.isalpha() for ch in name) <= 3


def _short_ok(name: str, before: str, source: str = "ner", placed: bool = False) -> bool:
    """Names of three letters or fewer are codes ('UK', 'U.S.', 'NSW') or dateline abbreviations
    ('SALINA, Kan.'); written any other way ('Sr', 'Art') they are words, except three-letter town
    names the NER itself calls places ('Van', 'Gao') or the text places (``placed``: 'Gao (Gao, Gao)')."""
    letters = "".join(ch for ch in name if ch.isalpha())
    if len(letters) > 3 or (len(letters) == 3 and (source == "ner" or placed) and "." not in name):
        return True
    if _INITIALS.fullmatch(name):
        return True  # 'S.C.', 'D.C.', 'N.Y.': initials with stops are abbreviations wherever they stand
    return letters.isupper() or ("." in name and before.endswith(", "))


def _towns_before_their_units(candidates: list[Candidate]) -> None:
    """'Nottingham', 'Indore': a district named after its town means the town unless a unit word says
    otherwise, so the town inside a same-named district takes at least the district's prior. For admin1
    only a city of millions ('São Paulo', 'Tokyo') or its country's capital ('Washington' beside the state,
    'Buenos Aires' beside the province): 'New York' alone is the state as often as the city, but a
    country's great namesake city or capital is what news names far more often than the province."""
    units = {c.entry.admin2_code: c.prior for c in candidates if c.entry.feature == "admin2" and c.entry.admin2_code}
    states = {c.entry.admin1_code: c.prior for c in candidates if c.entry.feature == "admin1" and c.entry.admin1_code}
    # Same-named admin1 units by country: a capital outranks its country's namesake state wherever it lies.
    countries: dict[str, float] = {}
    for c in candidates:
        if c.entry.feature == "admin1" and c.entry.country_code and c.hit.kind == 0:
            countries[c.entry.country_code] = max(countries.get(c.entry.country_code, -99.0), c.prior)
    for cand in candidates:
        if cand.entry.feature == "city" and cand.entry.admin2_code in units:
            cand.prior = max(cand.prior, min(units[cand.entry.admin2_code] + 0.1, _far_larger_town(cand, candidates)))
    for cand in candidates:
        if cand.entry.feature == "admin2" and cand.hit.kind == 0:
            # ... and the district itself does not outrank it either
            cand.prior = min(cand.prior, _far_larger_town(cand, candidates))
        if cand.entry.feature == "city" and cand.hit.kind == 0 and cand.entry.population >= GREAT_CITY \
                and cand.entry.admin1_code in states:
            cand.prior = max(cand.prior, states[cand.entry.admin1_code] + 0.1)
        if cand.entry.feature == "city" and cand.hit.kind == 0 and cand.entry.capital \
                and cand.entry.country_code in countries:
            cand.prior = max(cand.prior, countries[cand.entry.country_code] + 0.1)
    _towns_before_smaller_units(candidates)


def _far_larger_town(cand: Candidate, candidates: list[Candidate]) -> float:
    """The ceiling of the lift a town takes from its same-named district: just under the prior of a town
    bearing the name that is ten times as populous as the district ('Sacramento', California over the
    Brazilian municipality of Sacramento and its town)."""
    district = max((c.entry.population for c in candidates
                    if c.entry.feature == "admin2" and c.entry.admin2_code == cand.entry.admin2_code), default=0)
    larger = [c.prior for c in candidates if c is not cand and c.entry.feature == "city" and c.hit.kind == 0
              and c.entry.population >= max(FAR_LARGER * district, 1)]
    return max(larger) - 0.05 if larger else math.inf


def _towns_before_smaller_units(candidates: list[Candidate]) -> None:
    """'Portland': an admin1 unit with fewer people than a town bearing the same name (a Jamaican parish,
    Portland, Oregon) is the less known of the two, so the town takes at least the unit's prior."""
    units = [c for c in candidates if c.entry.feature == "admin1" and c.hit.kind == 0 and c.entry.population]
    for cand in candidates:
        if cand.entry.feature != "city" or cand.hit.kind != 0:
            continue
        smaller = [u.prior for u in units if u.entry.population < cand.entry.population]
        if smaller:
            cand.prior = max(cand.prior, max(smaller) + 0.1)


def find_candidates(gazetteer: Gazetteer, mention: Mention, text_before: str = "") -> list[Candidate]:
    """The readings of a mention, best prior first: exact names, then transliteration variants."""
    if mention.named_after is not None:  # 'Freeborn Lake', which the gazetteer lacks, through 'Freeborn'
        mention = dataclasses.replace(mention, text=mention.named_after, named_after=None)
    # A misspelling-alias that is a demonym ('Sri Lankan' beside 'Sri Lanka') names the country.
    if mention.source == "demonym" or (mention.alias_of is not None and gazetteer.demonym(name_key(mention.text))):
        country = gazetteer.demonym(name_key(mention.text))
        return [Candidate(Hit(country, 0, name_key(mention.text)))] if country else []
    if mention.alias_of is not None:
        hits = gazetteer.by_key(mention.alias_of)
        return [Candidate(h, True, prior(h, mention, True)) for h in hits]
    # 'Fla.' where the NER calls it a place ('moved to Fla.') is read too: only as an admin1 unit (below).
    dotted_place = mention.source == "ner" and "." in mention.text and mention.text.lower().rstrip(".") not in titles()
    # ... and so is one the matcher read as a unit from where it stands ('Sen. Bob Casey, D-Pa.').
    dotted_place = dotted_place or (mention.source == "gazetteer" and mention.feature_hint == "admin1"
                                    and "." in mention.text)
    # A name the matcher read with the kind of place the text gives it is placed by the text itself: its stated
    # units ('Gao (Gao, Gao)'), a unit word ('Ely County') or a city cue ('the mayor of Ely').
    placed = mention.source == "gazetteer" and mention.precision_hint is not None
    if not (_short_ok(mention.text, text_before, mention.source, placed) or dotted_place):
        return []
    hits = gazetteer.lookup(mention.text)
    if _is_short(mention.text) and not mention.text.replace(".", "").isupper() and "." in mention.text:
        hits = tuple(h for h in hits if h.entry.feature == "admin1")  # 'Ga.' the state, not 'Ms.' a code
    elif (_is_short(mention.text) or (mention.text.isupper() and len(mention.text) <= 4)) and not (
            placed and not mention.text.isupper()):
        # Capitals are codes: 'UK', 'NSW', never the village 'Un' or 'Hiv'; and from the matcher only
        # codes readers know ('US', 'DRC'), not 'TV' (Tuvalu) or 'MAC' (Macao).
        floor = CODE_POPULATION if mention.source == "gazetteer" and "." not in mention.text else 0
        # ... or a great city's short name ('L.A.', 'NYC': data/geo/city_abbreviations.tsv).
        hits = tuple(h for h in hits if (h.entry.feature in ("country", "admin1", "region", "continent") or (
                     h.entry.feature == "city" and h.kind == 1 and h.entry.population >= GREAT_CITY))
                     and h.entry.population >= floor)
    words = mention.text.split()
    rest = " ".join(words[1:])
    if name_key(mention.text) in qualifiers() and mention.feature_hint is None:
        # 'Metro', 'Southeast', 'Downtown' alone: a part of the town or region the text is about (Nashville's
        # Metro police, Southeast D.C.), never a town so named elsewhere; a unit so named stays a reading.
        hits = tuple(h for h in hits if h.entry.feature in ("admin1", "country", "region", "continent"))
    # ... never when the rest is a common word: 'North Island' is no part of Iceland ('Island', an alternate).
    if len(words) > 1 and words[0].lower() in qualifiers() and not any(h.kind == 0 for h in hits) \
            and name_key(rest) not in common_words():
        # 'North Texas', 'Western Pennsylvania': a part of the region, unless a place bears the whole
        # name ('Northern Ireland', 'West Virginia', 'South Sudan'); 'west Jackson', 'south Memphis': a part of
        # the town (a compass word in lower case before a town's name; capitalised, 'South Peoria' is as often a
        # street named for a town elsewhere).
        town_part = words[0].islower() and qualifiers()[words[0]] == "region" and len(words) <= 3
        hits += tuple(Hit(h.entry, max(h.kind, 1), h.matched)
                      for h in gazetteer.lookup(rest)
                      if h.entry.feature in ("admin1", "country", "region")
                      or (town_part and h.entry.feature == "city" and h.kind == 0))
    if not hits and len(words) > 1 and mention.source == "ner" and not mention.street \
            and qualifiers().get(words[0].lower()) == "region" and len(words) <= 3:
        # 'East Baltimore', 'Southwest Philadelphia': the NER's compass side of a great town that no place bears
        # the whole name of is a part of that town, not an unknown place to be put wherever the text's focus is
        hits = tuple(Hit(h.entry, 1, h.matched) for h in gazetteer.lookup(rest)
                     if h.entry.feature == "city" and h.kind == 0 and h.entry.population >= SIDED_TOWN)
    # A unit's bare stem ('Lancaster' of 'Lancaster County') only competes when no place bears the
    # name itself, or when a unit word announces a unit.
    if any(h.kind < 2 for h in hits) and mention.feature_hint not in ("admin1", "admin2"):
        hits = tuple(h for h in hits if h.kind < 2)
    fuzzy = False
    key = name_key(mention.text)
    if not hits and len(key) >= 5 and key not in common_words():
        hits = tuple(h for k in variant_keys(key) for h in gazetteer.by_key(k))
        if not hits:
            hits = tuple(h for h in gazetteer.variants(mention.text)
                         if fuzz.ratio(key, h.matched) >= FUZZY_MIN_RATIO)
        fuzzy = bool(hits)
    candidates = [Candidate(h, fuzzy, prior(h, mention, fuzzy)) for h in hits]
    if any(h.kind == 0 for h in hits):
        for cand in candidates:
            if cand.hit.kind == 1:
                cand.prior -= ALTERNATE_YIELDS
    if mention.feature_hint not in ("admin1", "admin2"):
        _towns_before_their_units(candidates)
    # 'Washington' has hundreds of readings; context cannot lift one from far down the list.
    return sorted(candidates, key=lambda c: -c.prior)[:MAX_CANDIDATES]
