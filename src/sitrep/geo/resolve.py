"""Toponym resolution: which gazetteer place each mention denotes, read in document context.

Each mention gets candidates (exact names, then transliteration variants checked with
rapidfuzz). A candidate's score is a prior (feature class, population, how the name
belongs to it) plus context from the other mentions' current best readings: the
same country, admin1 or admin2 ("Athens" next to "Clarke County" is the
Georgia town), explicit containment ("Paryan district, Panjshir province"),
nearness, and the outlet's home country as a weak prior. Two passes let context
flow both ways. A name the gazetteer lacks but a feature word announces ("the
Dasht-e-Rivet area") is placed inside the unit that contains it or, failing that,
the document's focus unit, keeping its own name.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from sitrep.geo.candidates import Candidate, find_candidates, prior
from sitrep.geo.context import Context, NameContext, Support, name_context
from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.geo.lexicon import announces_neighbourhood, common_words, feature_words, part_of_town, qualifiers
from sitrep.geo.recognise import Mention
from sitrep.geo.text import name_key

# A spelling variant is trusted alone only for a town this large ('Hodeidah' for Al Hudaydah).
BIG_CITY = 100_000
PASSES = 3
# A mention proposed only by the gazetteer matcher must score this much context support.
MIN_SUPPORT_GAZETTEER = 2.0
MIN_POPULATION_ALONE = 10_000
MILLION_CITY = 1_000_000
# ... or a smaller one the text names more than once (the story's own town).
MIN_POPULATION_REPEATED = 1_000
# Readings of another name within this much of its best prior count as context for this one.
RIVAL_MARGIN = 1.5
MAX_READINGS = 12
# The admin1 unit more of a text's trusted mentions lie in than any other (at least this many)
# favours its towns and counties by this much.
FOCUS_MIN_MENTIONS = 2
FOCUS_BONUS = 1.0
# A town or county abroad whose own admin1 unit the text names ('Dublin' beside 'Ohio', 'London' beside
# 'Ontario'), in a country the text supports more than the likeliest namesake's: the text says which
# country's namesake it is, against a foreign capital's size.
NAMED_UNIT_BONUS = 3.0
# A name listed among admin1 units of one country ('Texas, Washington and Wyoming') is one more of them.
LISTED_UNIT_BONUS = 4.0
LIST_GAPS = frozenset({",", "and", "or", ", and", ", or"})
# The outlet's home unit (geo.outlet: 'baltimoresun.com' is Maryland's) favours its towns and counties by
# this much: a local paper's unqualified 'Monroe' or 'Charlotte' is its own state's.
HOME_UNIT_BONUS = 2.5
# ... and towns and counties near the outlet's home town (geo.outlet's table: WLKY is Louisville's) by this much
# more, when the name is their own ('Jackson', not Jackson County's short name): a station's 'Jackson' is the one
# in its market, not a namesake across its state.
HOME_TOWN_BONUS = 1.5
# A text that names no country but names armed groups of one country ('Houthi forces shelled Hays', 'Fulani
# militiamen attacked Mangu': ACLED's short notes): the groups fight at home, which counts as much as the
# country named would (a village the gazetteer alone proposes is then kept, and read in that country).
GROUP_COUNTRY_SUPPORT = 3.0
# '(Hombori, ': a first stated unit in parentheses that no mention reads (the gazetteer lacks it).
UNREAD_STATED_UNIT = re.compile(r"\(\s*[A-Z][^(),]{0,40},")
HOME_TOWN_KM = 120.0
# A town that near the outlet's home town is read by its own name alone from this population (a hamlet's name is
# more often a word or a family's).
MARKET_TOWN_POPULATION = 500
FOCUS_WEIGHT = {"city": 3.0, "admin2": 2.0, "area": 2.0, "admin1": 1.0, "region": 1.0, "country": 0.5}


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
    named_place: bool = False  # the NER takes the same name for a place elsewhere in the text
    spelling_of: str | None = None  # the key of the text's name this one misspells ('Panjhsir': 'panjshir')
    # placed inside a unit the text gives for a place the gazetteer lacks: the town of 'the X neighborhood', the
    # state of 'X, North Dakota'
    placed_by_text: bool = False


def _one_place_per_name(resolutions: list[Resolution]) -> None:
    """One name, one place: once 'the Washington Park neighborhood' is placed in the text's town, or 'PINETOWN,
    N.C.' in its state, every other mention of the name ('Washington Park shooting', 'a home in Pinetown') is that
    place too, not a namesake elsewhere. Not when the text places the name in two units."""
    placed: dict[str, Resolution] = {}
    twice: set[str] = set()
    for r in resolutions:
        key = name_key(r.mention.text)
        if r.placed_by_text and r.entry is not None:
            if key in placed and placed[key].entry != r.entry:
                twice.add(key)
            placed.setdefault(key, r)
    for r in resolutions:
        key = name_key(r.mention.text)
        found = placed.get(key)
        if found is None or key in twice or r.placed_by_text or r.mention.street:
            continue
        r.best, r.entry, r.inside, r.confidence = None, found.entry, True, found.confidence
        r.placed_by_text = True


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _near(entry: Entry, town: Entry) -> bool:
    """A town or county within HOME_TOWN_KM of ``town``."""
    return entry.feature in ("city", "admin2") and entry.lat is not None and entry.lon is not None \
        and town.lat is not None and town.lon is not None \
        and distance_km(entry.lat, entry.lon, town.lat, town.lon) <= HOME_TOWN_KM


# 'The Washington Park neighborhood' in a Chicago story: a same-named town of the text's state this far off is
# a misreading (a neighbourhood lies inside its town; a town across the state is not 'the X neighborhood').
NEIGHBOURHOOD_KM = 50.0
# What naming the same state alone gives a reading (geo/context.py caps the admin1 support at 3).
SAME_STATE_SUPPORT = 3.0


def _far(entry: Entry, town: Entry, km: float) -> bool:
    """Whether ``entry`` lies more than ``km`` from ``town`` (both placed)."""
    return entry.lat is not None and entry.lon is not None and town.lat is not None and town.lon is not None \
        and distance_km(entry.lat, entry.lon, town.lat, town.lon) > km


def _bare(key: str) -> str:
    """'historic dublin' / 'dublin city' -> 'dublin': the name without a qualifier or a unit word."""
    words = key.split()
    if len(words) > 1 and words[0] in qualifiers():
        words = words[1:]
    if len(words) > 1 and words[-1] in feature_words():
        words = words[:-1]
    return " ".join(words)


def _same_place_as_bare_name(resolutions: list[Resolution]) -> None:
    """'Dublin City Council' and 'Historic Dublin' in a story about Dublin, Ohio are that Dublin: a name
    that is another name of the text plus a qualifier or unit word takes its reading when it is a town --
    unless it is the own name of a town beside that one: 'East Chicago' and 'North Charleston' are towns of their
    own, while 'North Richmond' in a story about Richmond, Virginia is no town in California."""
    plain = {name_key(r.mention.text): r.best for r in resolutions if r.best is not None}
    for r in resolutions:
        key = name_key(r.mention.text)
        bare = _bare(key)
        other = plain.get(bare) if bare != key else None
        if other is not None and other.entry.feature == "city" and r.best is not None \
                and r.best.entry.id != other.entry.id and r.best.entry.feature == "city" \
                and not _own_name_nearby(r.best, other.entry, key):
            r.best = Candidate(other.hit, other.fuzzy, other.prior, other.support, other.local)
            r.candidates = [r.best]


# A qualified town name of its own ('East Chicago') is that town when it lies this close to the bare name's town.
OWN_NAME_NEAR_KM = 100.0


def _own_name_nearby(best: Candidate, bare_town: Entry, key: str) -> bool:
    entry = best.entry
    if best.hit.kind != 0 or best.hit.matched != key or best.fuzzy:
        return False
    if entry.lat is None or entry.lon is None or bare_town.lat is None or bare_town.lon is None:
        return False
    return distance_km(entry.lat, entry.lon, bare_town.lat, bare_town.lon) <= OWN_NAME_NEAR_KM


def _namesake_abroad(r: Resolution, context: Context, own: str) -> None:
    """'Dublin' in a text that names Ohio and no more of Ireland than of the US is Dublin, Ohio: the text's
    country context decides between namesakes in different countries (NAMED_UNIT_BONUS)."""
    likeliest = max(r.candidates, key=lambda c: c.prior, default=None)
    if likeliest is None or likeliest.entry.feature not in ("city", "admin2"):
        return  # 'Italy' in a story about Texas is still the country, not Italy, Texas
    its_country = likeliest.support - likeliest.local
    for cand in r.candidates:
        if cand.entry.country_code != likeliest.entry.country_code and cand.support - cand.local > its_country \
                and context.names_unit_of(cand.entry, own):
            cand.local += NAMED_UNIT_BONUS
            cand.support += NAMED_UNIT_BONUS


def _holds_namesake(r: Resolution, unit: Entry) -> bool:
    """Whether a reading of ``r``'s name is a town or county inside the admin1 ``unit``."""
    return any(c.entry.feature in ("city", "admin2") and c.entry.admin1_code == unit.admin1_code
               for c in r.candidates)


def _names_a_country(resolutions: list[Resolution]) -> bool:
    """Whether a mention reads as a country by its own name or demonym ('Kenya', 'Kenyan')."""
    return any(r.best is not None and r.best.entry.feature == "country" and r.best.hit.kind == 0
               for r in resolutions)


def _part_of_a_unit(r: Resolution) -> bool:
    """An admin1 reading of a compass word ('Western') or of a qualified name ('West Midlands' as part of
    Midlands): many countries have such a unit, so only the text's countries make it likely."""
    assert r.best is not None
    key = name_key(r.mention.text)
    words = key.split()
    return r.best.entry.feature == "admin1" and r.mention.feature_hint is None and (
        key in qualifiers() or (len(words) > 1 and words[0] in qualifiers() and r.best.hit.matched != key))


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.home_town: Entry | None = None

    def __call__(self, mentions: list[Mention], text: str, home_country: str | None = None,
                 home_unit: str | None = None, home_town: Entry | None = None,
                 group_country: str | None = None) -> list[Resolution]:
        self.home_town = home_town
        # A side of a town ('the West Side') has no reading of its own: it is placed in the text's town (_finish).
        resolutions = [Resolution(m, [] if part_of_town(m.text)
                                  else find_candidates(self.gazetteer, m, text[max(0, m.start - 2):m.start]))
                       for m in mentions]
        self._borrow(resolutions)
        names = Counter(name_key(r.mention.text) for r in resolutions)
        ner_places = {name_key(r.mention.text) for r in resolutions if r.mention.source == "ner" and r.candidates}
        for r in resolutions:
            r.repeated = names[name_key(r.mention.text)] > 1
            r.named_place = name_key(r.mention.text) in ner_places
        for r in resolutions:
            r.best = max(r.candidates, key=lambda c: c.score, default=None)
        if group_country is not None and _names_a_country(resolutions):
            group_country = None  # the text says where it is: the groups' home is no evidence against it
        previous: tuple[Context, dict[tuple[int, str], Support]] | None = None
        for _ in range(PASSES):
            context = self._context(resolutions)
            cache: dict[tuple[int, str], Support] = {}
            # A pass whose context names the same readings as the last one's gets the same support (a pure
            # function of the context): reuse it rather than score every reading again.
            if previous is not None and previous[0].names == context.names:
                context, cache = previous
            previous = (context, cache)
            for i, r in enumerate(resolutions):
                own = name_key(r.mention.text)
                alias = r.spelling_of or r.mention.alias_of
                # Not for a capital's name: 'Washington' beside 'Texas' is still the capital.
                capital = any(c.entry.capital for c in r.candidates)
                for cand in r.candidates:
                    found = cache.get((cand.entry.id, own))
                    if found is None:
                        found = cache[(cand.entry.id, own)] = context.support(
                            cand.entry, own, alias, siblings=cand.hit.kind == 0 and not capital)
                    contained = self._containment(cand.entry, i, resolutions, text) \
                        + self._listed_with_units(cand.entry, i, resolutions, text)
                    cand.local = found.local + contained
                    cand.support = cand.local + found.country
                    if group_country and cand.entry.country_code == group_country \
                            and cand.entry.feature in ("city", "admin2", "admin1"):
                        cand.local += GROUP_COUNTRY_SUPPORT
                        cand.support += GROUP_COUNTRY_SUPPORT
                    if home_country and cand.entry.country_code == home_country:
                        cand.support += 0.5
                    near = home_town is not None and cand.hit.kind == 0 and _near(cand.entry, home_town)
                    # the outlet's market crosses state lines: a New York station's 'Newark' is New Jersey's, no
                    # less than a town of its own state
                    if home_unit and (near or cand.entry.admin1_code == home_unit) \
                            and cand.entry.feature in ("city", "admin2"):
                        cand.support += HOME_UNIT_BONUS
                    if near:
                        cand.support += HOME_TOWN_BONUS
                _namesake_abroad(r, context, own)
                r.best = max(r.candidates, key=lambda c: c.score, default=None)
        self._favour_focus(resolutions)
        self._as_stated(resolutions, text)
        _same_place_as_bare_name(resolutions)
        for r in resolutions:
            self._finish(r, resolutions, text, home_country)
        _one_place_per_name(resolutions)
        return [r for r in resolutions if r.entry is not None]

    def _as_stated(self, resolutions: list[Resolution], text: str) -> None:
        """One name, one place: 'KANSAS CITY, Mo. -- ... killed in Kansas City': a town's name written once with its
        state or county after it is that town wherever the text writes it bare, not a namesake the outlet's state
        or the population favours. Not when the text states two places of the name ('Kansas City, Kan.' and
        'Kansas City, Mo.')."""
        stated: dict[str, set[int]] = defaultdict(set)
        for i, r in enumerate(resolutions):
            if r.best is not None and r.best.entry.feature == "city" and not r.mention.street \
                    and self._containment(r.best.entry, i, resolutions, text) > 0:
                stated[name_key(r.mention.text)].add(r.best.entry.id)
        for r in resolutions:
            ids = stated.get(name_key(r.mention.text))
            if not ids or len(ids) > 1 or r.best is None or r.best.entry.id in ids:
                continue
            found = next((c for c in r.candidates if c.entry.id in ids), None)
            if found is not None:
                r.best = found

    def _favour_focus(self, resolutions: list[Resolution]) -> None:
        """A text mainly about one admin1 unit (a local paper's state) reads its other ambiguous town and
        county names there: 'Paris' in a Texas story is Paris, Texas, when context alone leaves it close."""
        units = Counter(r.best.entry.admin1_code for r in resolutions
                        if r.best is not None and r.best.entry.admin1_code and self._counts(r))
        if not units:
            return
        ranked = units.most_common(2)
        focus, count = ranked[0]
        if count < FOCUS_MIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] == count):
            return  # no unit stands out
        for r in resolutions:
            for cand in r.candidates:
                if cand.entry.admin1_code == focus and cand.entry.feature in ("city", "admin2"):
                    cand.support += FOCUS_BONUS
            r.best = max(r.candidates, key=lambda c: c.score, default=None)

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
                r.candidates = [Candidate(c.hit, True, prior(c.hit, r.mention, True))
                                for c in known[match[0]].candidates]
                r.spelling_of = match[0]

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
        """'Athens, Ga.' / 'Paryan district, Panjshir province': the next mention names a container."""
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

    @staticmethod
    def _listed_with_units(entry: Entry, index: int, resolutions: list[Resolution], text: str) -> float:
        """'Georgia, Washington and Wyoming': a name listed beside an admin1 unit of one country, joined by a
        comma, 'and' or 'or', is one more unit of that country, even when it also names a capital or a
        country ('Washington', 'Georgia'). 'Seattle, Washington' is no list: the neighbour is a town."""
        if entry.feature != "admin1":
            return 0.0
        for other in (index - 1, index + 1):
            if not 0 <= other < len(resolutions):
                continue
            first, second = sorted((resolutions[index].mention, resolutions[other].mention), key=lambda m: m.start)
            gap = " ".join(text[first.end:second.start].replace(",", " , ").split())
            nxt = resolutions[other].best
            if gap not in LIST_GAPS or nxt is None or nxt.entry.feature != "admin1" \
                    or nxt.entry.country_code != entry.country_code or nxt.entry.id == entry.id:
                continue
            # 'Washington, D.C.', 'Kansas City, Missouri': the unit holds a town of the name, no list; nor
            # is 'Cairo, Giza' one of units: a unit holding a town of its own name is named for the town.
            if not _holds_namesake(resolutions[index], nxt.entry) and not _holds_namesake(resolutions[other], nxt.entry) \
                    and not _holds_namesake(resolutions[index], entry):
                return LISTED_UNIT_BONUS
        return 0.0

    @staticmethod
    def _stated_unit(r: Resolution, resolutions: list[Resolution], text: str, home: str | None = None) -> Entry | None:
        """The admin unit a text states a place lies in: in parentheses right after it, as ACLED's notes
        write it ('Kani (Kani, Sagaing)'), or a first-level unit after a comma, as US datelines write it
        ('Berlin, Connecticut', 'Berlin, Conn.'). The most specific unit named there by its own name or
        abbreviation. A comma is looser than parentheses, so after one only a first-level unit of the text's home
        country counts ('the South Side, Michael was at home' names no unit of the Isle of Man), and never a
        qualifier ('Kansas City, North' is no region of Cameroon)."""
        index = resolutions.index(r)
        end = r.mention.end
        units: list[Entry] = []
        for number, nxt in enumerate(resolutions[index + 1:index + 3]):
            gap = text[end:nxt.mention.start].strip()
            if nxt.best is None or name_key(nxt.mention.text) in qualifiers():
                break
            by_comma = number == 0 and gap == ","
            # 'Boni (Hombori, Mopti)': a stated district the gazetteer lacks is skipped, the province still states
            # the unit
            skipped = number == 0 and UNREAD_STATED_UNIT.fullmatch(gap) is not None
            if gap != ("(" if number == 0 else ",") and not by_comma and not skipped:
                break
            best = nxt.best
            if by_comma:
                if best.entry.feature == "admin1" and not best.fuzzy and best.hit.kind <= 1 \
                        and home is not None and best.entry.country_code == home:
                    units.append(best.entry)
                break
            if best.entry.feature in ("admin1", "admin2") and not best.fuzzy and best.hit.kind == 0:
                units.append(best.entry)
            end = nxt.mention.end
        return min(units, key=lambda u: u.feature != "admin2", default=None)

    def _outside_stated_unit(self, r: Resolution, resolutions: list[Resolution], text: str,
                             home: str | None) -> Entry | None:
        """The stated unit when no reading lies in it: the town is one the gazetteer lacks, not a namesake abroad
        or in another state ('Sanborn, North Dakota' is no Sanborn of New York)."""
        assert r.best is not None
        unit = self._stated_unit(r, resolutions, text, home)
        if unit is None or r.best.entry.feature in ("country", "admin1") or r.best.entry.id == unit.id:
            return None
        code = unit.admin2_code if unit.feature == "admin2" else unit.admin1_code
        column = "admin2_code" if unit.feature == "admin2" else "admin1_code"
        if any(getattr(c.entry, column) == code for c in r.candidates):
            return None
        return unit

    def _finish(self, r: Resolution, resolutions: list[Resolution], text: str, home: str | None) -> None:
        """Keep or drop the reading; place unknown announced places inside their container."""
        if r.mention.street:
            return  # 'Bartlett Avenue': context for the other names, not a place of the text
        if r.best is not None and (stated := self._outside_stated_unit(r, resolutions, text, home)) is not None:
            r.best = None
            r.entry, r.inside, r.confidence, r.placed_by_text = stated, True, 0.3, True
            return
        if r.best is not None and (town := self._town_of_neighbourhood(r, resolutions, text)) is not None:
            r.best = None
            r.entry, r.inside, r.confidence, r.placed_by_text = town, True, 0.3, True
            return
        if r.best is not None and r.best.fuzzy and r.best.local < 1 and r.best.entry.feature == "city" \
                and r.best.entry.population < BIG_CITY:
            r.best = None  # a spelling variant of a small town nothing else points to: read as unknown
        if r.best is not None and _part_of_a_unit(r) and r.best.support - r.best.local < 1.0:
            r.best = None  # 'Central Plateau' is no part of Nigeria's Plateau State unless the text is about Nigeria
        if r.best is not None:
            proposal_kept = r.mention.source != "gazetteer" or self._accept_proposal(r) or self._town_of_market(r)
            if not proposal_kept and r.mention.named_after is None:
                return
            # A natural feature named after a place ('the Atlas Mountains') is announced by its feature word: when
            # the text does not support the place's reading, the feature lies in the text's unit or focus.
            if r.mention.named_after is not None \
                    and (not proposal_kept or r.best.fuzzy or r.best.support - r.best.local < 1) \
                    and (container := self._container(r, resolutions, text)) is not None:
                # 'Kish River' in a text whose other places lie in the US, none in the country of any Kish: a river
                # the gazetteer lacks, in the text's unit, not the town the name was given for. Only abroad: in the
                # country of the text a lake or river of the town's name lies by the town more often than not, and
                # placed inside the text's town it would take the town's events from it
                r.best = None
                r.entry, r.inside, r.confidence = container, True, 0.3
                return
            if not proposal_kept:
                return
            if r.best.hit.kind == 1 and r.best.entry.feature == "city" and r.mention.feature_hint != "city" \
                    and r.best.entry.population < MIN_POPULATION_ALONE and r.best.local < 1:
                # a village's old or foreign name ('Thomas', 'Parks'), with nothing near it in the text; not a
                # town the text announces as one ('the town of Tal Abyad': a transliteration the gazetteer
                # keeps as another name)
                return
            r.entry = r.best.entry
            r.confidence = min(1.0, max(0.05, r.best.score / 10.0))
            return
        if r.mention.feature_hint is None and not part_of_town(r.mention.text) \
                and (r.mention.source != "ner" or name_key(r.mention.text) in qualifiers()):
            return  # ... nor is 'Metro' or 'Southeast' alone an unknown place of its own
        container = self._town_of_text(resolutions) if part_of_town(r.mention.text) \
            else self._container(r, resolutions, text)
        if container is not None:
            r.entry, r.inside, r.confidence = container, True, 0.3

    def _town_of_text(self, resolutions: list[Resolution]) -> Entry | None:
        """The town a local report is about: its first trusted reading that is a town of some size (the dateline's,
        in most local news)."""
        for o in resolutions:
            if o.best is not None and o.best.entry.feature == "city" and o.mention.source != "demonym" \
                    and not part_of_town(o.mention.text) and o.best.entry.population >= MIN_POPULATION_ALONE \
                    and self._counts(o):
                return o.best.entry
        return None

    def _town_of_neighbourhood(self, r: Resolution, resolutions: list[Resolution], text: str) -> Entry | None:
        """'the Austin neighborhood' in a Chicago story: a name announced as a neighbourhood whose reading is a town
        in another first-level division of the same country than the text's town, or in the same one but more than
        NEIGHBOURHOOD_KM from it ('the Washington Park neighborhood'), with nothing in the text near it,
        is a neighbourhood of the text's town that the gazetteer lacks (the text's town, else None). Not 'a west
        Charlotte neighborhood': a neighbourhood *of* the town named."""
        assert r.best is not None
        best = r.best.entry
        # the text's state may hold the reading up (up to the admin1 support's cap), nothing nearer may
        if best.feature != "city" or r.best.local > SAME_STATE_SUPPORT \
                or not text[:r.mention.start].rstrip().lower().endswith("the") \
                or not announces_neighbourhood(text[r.mention.end:r.mention.end + 20]):
            return None
        town = self._town_of_text(resolutions)
        if town is None or town.country_code != best.country_code:
            return None
        if town.admin1_code != best.admin1_code:
            return town if r.best.local < 1 else None
        if not _far(best, town, NEIGHBOURHOOD_KM):
            return None  # a town of the same state near the text's town may well be the place meant
        return town

    def _town_of_market(self, r: Resolution) -> bool:
        """A town by its own name near the outlet's home town ('injured in Brooksville on Friday night' on a station
        of the next city): a local outlet names the small towns of its own market, which a text names once and the
        NER often takes for an organisation ('Brooksville police'). Not a hamlet (MARKET_TOWN_POPULATION)."""
        assert r.best is not None
        entry = r.best.entry
        return self.home_town is not None and r.best.hit.kind == 0 and not r.best.fuzzy \
            and entry.feature == "city" and entry.population >= MARKET_TOWN_POPULATION \
            and _near(entry, self.home_town)

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
        if r.named_place and not r.best.fuzzy:
            return True  # one name, one place in a text: the NER's 'Al-Fashir' (LOC) is also its 'Al-Fashir' (PERSON)
        if entry.feature in ("continent", "country", "region", "admin1") and r.best.hit.kind <= 1 and not r.best.fuzzy:
            return True
        # A town of some size named exactly: the matcher only proposes capitalised, non-person phrases.
        if entry.feature == "city" and r.best.hit.kind == 0 and not r.best.fuzzy \
                and entry.population >= (MIN_POPULATION_REPEATED if r.repeated else MIN_POPULATION_ALONE):
            return True
        # A populous district or province by its own name ('Bohol'), as a town of that size would be.
        if entry.feature == "admin2" and r.best.hit.kind == 0 and not r.best.fuzzy and entry.population >= BIG_CITY:
            return True
        # A great city by its other name ('Calcutta', 'Bombay').
        if entry.feature == "city" and r.best.hit.kind == 1 and not r.best.fuzzy and entry.population >= MILLION_CITY:
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
        # Places named, not nationalities: 'Russians' in a London story say who, not where.
        trusted = [o.best.entry for o in resolutions if o is not r and o.best is not None and self._counts(o)
                   and o.mention.source != "demonym"]
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
