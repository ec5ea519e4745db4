"""Toponym recognition: where the text names a place.

Three detectors, in order of trust, each giving character spans:
1. spaCy's place entities (GPE, LOC, FAC);
2. demonyms in NORP entities ("Afghan", "Russians") that name a country;
3. a gazetteer-driven matcher over capitalised phrases the NER missed or mislabelled
   ("Panjshir" tagged ORG, "Huntsville Police Department", an ALL-CAPS dateline),
   and over names announced by a feature word ("the Dasht-e-Rivet area").
The matcher only proposes: a proposal from (3) is kept by the resolver only when
the gazetteer and the document's context support it, and never from a PERSON
entity, a language name or a common word (data/geo/common_words.txt).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.guards import PLACE_LABELS, aged, is_code, person_words
from sitrep.geo.lexicon import (
    city_cues,
    common_words,
    feature_words,
    language_names,
    natural_features,
    party_letters,
    qualifiers,
    street_suffixes,
    street_words,
    titles,
    town_uses,
)
from sitrep.geo.text import ABBREVIATED, name_key, variant_keys
from sitrep.pipeline.parse import parsed_text

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

# Entities the matcher may look inside: organisations often start with a place
# ("Gainesville Police"), and the small model tags many unknown places ORG or PRODUCT.
SCANNED_LABELS = frozenset({"", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "FAC"})
MAX_WORDS = 4
_PLURAL_UNITS = frozenset({"counties", "districts", "provinces", "parishes", "states", "governorates"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Lower-case words inside a town's or unit's name as ACLED and transliterations write them ('Deir al Balah',
# 'Maguindanao del Sur', 'Deir ez Zor').
STATED_CONNECTORS = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "ez", "es", "de", "del", "des", "du", "la",
                               "le", "di", "da", "do", "dos", "das", "of", "bin", "ibn", "wa"})
CONNECTORS = frozenset({"e", "i", "ye", "al", "el", "ul", "-e", "-i", "e-", "i-"})
MAX_HYPHENATED = 8  # tokens after the NER's end: 'Saint-Louis-du-Nord' is 7 ('Saint' + 3 hyphens and words)


@dataclass(frozen=True)
class Mention:
    """A stretch of text that may name a place."""

    start: int
    end: int
    text: str
    source: str  # "ner" | "demonym" | "gazetteer"
    feature_hint: str | None = None  # from an adjacent feature word: admin1 | admin2 | city | area
    precision_hint: int | None = None
    alias_of: str | None = None  # a misspelling of this name, used elsewhere in the text
    # the name begins a street's or a building's ('Bartlett Avenue'): context for the text's other names
    # (a road is often named for the town it leads to), never a place of its own
    street: bool = False
    # the text uses the name as a town's ('a Lebanon woman', 'Smith, 60, Lebanon'): not the same-named country
    town_use: bool = False
    # a natural feature or park named after a place ('Freeborn Lake': 'Freeborn'), that the gazetteer lacks: read
    # through that name's places, kept only where the text is (resolve)
    named_after: str | None = None


def _street(doc: SpacyDoc, end: int) -> bool:
    """'Bartlett Avenue', 'Jackson Apartments': the capitalised word after the name makes it a street's or
    a building's (data/geo/street_words.tsv). Not after a unit word: 'Douglas County Road 4' is in the county."""
    if not (end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_.rstrip(".") in street_words()):
        return False
    # 'the Lebanon Street Department': an office of the town, not a street; 'Oxford Road 5': the county's
    # numbered road, in that county
    return not (end + 1 < len(doc) and (doc[end + 1].like_num or doc[end + 1].is_alpha
                                        and doc[end + 1].text[:1].isupper()))


def _hint(doc: SpacyDoc, start: int, end: int) -> tuple[str, int] | None:
    """Feature word ending the span ("Clarke County"), right after it ("Panjshir province") or before
    it ("province of Panjshir")."""
    words = feature_words()
    if end - start > 1 and doc[end - 1].lower_ in words:
        return words[doc[end - 1].lower_]
    if end < len(doc) and doc[end].lower_ in words:
        return words[doc[end].lower_]
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in words:
        return words[doc[start - 2].lower_]
    return None


def _city_cue(doc: SpacyDoc, start: int, end: int) -> tuple[str, int] | None:
    """('city', 1) when a word beside the name says it is a town ('Washington Mayor X', 'the mayor of New
    York', 'downtown Washington'): a city, not the same-named state."""
    cues = city_cues()
    after = (end < len(doc) and cues.get(doc[end].lower_) == "after") or (
        start >= 2 and doc[start - 1].lower_ == "of" and cues.get(doc[start - 2].lower_) == "after")
    before = start >= 1 and cues.get(doc[start - 1].lower_) == "before"
    return ("city", 1) if after or before else None


def _natural_feature_end(doc: SpacyDoc, end: int) -> int:
    """The end of a natural feature's or park's name that goes on past ``end`` ('Freeborn' [Lake], 'Zion'
    [National Park]; data/geo/natural_features.tsv, capitalised), else ``end``."""
    for size in (2, 1):
        words = doc[end:end + size]
        if len(words) == size and all(t.text[:1].isupper() for t in words) \
                and tuple(t.lower_ for t in words) in natural_features():
            return end + size
    return end


def _town_use(doc: SpacyDoc, start: int, end: int) -> bool:
    """Whether the text uses the name as a town's: a person or a town's body right after it ('a Lebanon woman',
    'Jordan Middle School'; data/geo/town_uses.tsv), a person's age before it ('Jolly, 60, Lebanon', 'Lee, 45, of
    Jordan') or an address ('400 Oak St., Lebanon'). English writes a country's adjective there, so the name is
    a town of the name, not the country."""
    uses = town_uses()
    for size in (2, 1):
        words = doc[end:end + size]
        kind = uses.get(tuple(t.lower_ for t in words)) if len(words) == size else None
        if kind == "body" or (kind == "person" and words[0].text.islower()):
            return True
    k = start - 1 if start >= 1 and doc[start - 1].lower_ == "of" else start
    if k < 2 or doc[k - 1].text != ",":
        return False
    if k >= 3 and doc[k - 2].text.isdigit() and 0 < int(doc[k - 2].text) <= 110 and doc[k - 3].text == ",":
        return True
    return k == start and doc[k - 2].lower_.rstrip(".") in street_suffixes() \
        and any(t.like_num for t in doc[max(0, k - 6):k - 2])


def _capitalised(token: Token) -> bool:
    """A capitalised word, hyphenated name, abbreviation or name with an elided article ("N'gourma", "N'Djamena")."""
    text = token.text
    elided = any(c in text[1:-1] for c in "'\u2019") and text.replace("'", "").replace("\u2019", "").isalpha()
    return bool(text) and text[0].isupper() and (token.is_alpha or "-" in text or text.endswith(".") or elided)


_CAPITALISED: dict[int, bool] = {}  # ORTH hash -> _capitalised: both depend on the word alone


def _capitalised_tokens(doc: SpacyDoc) -> list[bool]:
    """``_capitalised`` of every token, memoised per word: a Token and its text per word cost more."""
    from spacy.attrs import ORTH

    found: list[bool] = []
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        caps = _CAPITALISED.get(orth)
        if caps is None:
            caps = _capitalised(doc[i])
            if len(_CAPITALISED) < 500_000:
                _CAPITALISED[orth] = caps
        found.append(caps)
    return found


def _date_word(token: Token) -> bool:
    """Whether a word the NER tagged DATE can be one: a number, or a month's, weekday's, holiday's or relative
    day's name. The small model also tags a town as a date ('to death in Sokoto. 1 fatality')."""
    from sitrep.dates import lexicon  # the date words are the dates stage's data

    word = token.lower_.rstrip(".")
    return not token.is_alpha or word in lexicon.month_numbers() or word in lexicon.weekday_numbers() \
        or word in lexicon.relative_expressions() or bool(lexicon.holiday_pattern().fullmatch(token.text))


def _join_connectors(doc: SpacyDoc, end: int) -> int:
    """Extend a span over '-i-Sharif' / '-e Rewat' when the tokenizer or NER cut a transliterated name."""
    k = end
    while k < len(doc) and k - end < 3 and (doc[k].text == "-" or doc[k].lower_ in CONNECTORS) \
            and (not doc[k - 1].whitespace_ or doc[k].text == "-" or doc[k - 1].text == "-"):
        k += 1
    if k > end and k < len(doc) and _capitalised(doc[k]) and "-" in doc[end - 1:k + 1].text:
        return k + 1
    return end


_LIST_GAP = re.compile(r"^\s*(,|,?\s*(and|or|&))\s*$")


def _share_town_use(mentions: list[Mention]) -> list[Mention]:
    """One name, one place in a text: where it is once used as a town's ('Lebanon, 60, was arrested'), its other
    mentions ('Lebanon Police') are that town too, not the same-named country."""
    towns = {name_key(m.text) for m in mentions if m.town_use}
    return [dataclasses.replace(m, town_use=True)
            if not m.town_use and m.source != "demonym" and name_key(m.text) in towns else m
            for m in mentions]


def _share_list_hints(mentions: list[Mention], text: str) -> list[Mention]:
    """'Butler, Clark and Hamilton counties': the unit word after a list names every item's kind."""
    out = list(mentions)
    listed = [False] * len(out)
    for i in range(len(out) - 1, -1, -1):
        here = out[i]
        following = text[here.end:here.end + 16].split()
        if following and following[0].lower().strip(".,;") in _PLURAL_UNITS:
            listed[i] = here.feature_hint is not None
        elif i + 1 < len(out) and listed[i + 1] and _LIST_GAP.match(text[here.end:out[i + 1].start]):
            out[i] = dataclasses.replace(here, feature_hint=out[i + 1].feature_hint,
                                         precision_hint=out[i + 1].precision_hint)
            listed[i] = True
    return out


class Recogniser:
    """Finds candidate toponym spans in a parsed document."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._person_words: frozenset[str] = frozenset()
        self._caps: list[bool] = []
        self._ner_places: set[str] = set()

    def __call__(self, doc: SpacyDoc) -> list[Mention]:
        self._person_words = person_words(doc, self.gazetteer)
        # One pass over the tokens: the scan below only ever starts or continues at capitalised words.
        self._caps = _capitalised_tokens(doc)
        mentions: list[Mention] = []
        taken = [False] * len(doc)
        for ent in doc.ents:
            if taken[ent.start]:
                continue  # swallowed by the extension of the entity before ('Democratic Republic' 'the Congo')
            if ent.label_ == "NORP":
                found = self._demonyms(doc, ent.start, ent.end)
                mentions.extend(found)
                for demonym in found:
                    part = doc.char_span(demonym.start, demonym.end)
                    for i in range(part.start, part.end) if part is not None else ():
                        taken[i] = True
                continue
            mention = self._from_entity(doc, ent.start, ent.end, ent.label_)
            if mention is not None:
                mentions.append(mention)
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                for i in range(ent.start, max(ent.end, span.end if span is not None else ent.end)):
                    taken[i] = True
        mentions = self._whole_stated_units(doc, mentions, taken)
        self._ner_places = {name_key(m.text) for m in mentions if m.source == "ner"}
        mentions.extend(self._stated_units(doc, taken))
        mentions.extend(self._scan(doc, taken))
        mentions.extend(self.consistent(doc, mentions))
        return _share_town_use(_share_list_hints(sorted(mentions, key=lambda m: m.start), parsed_text(doc)))

    def _demonyms(self, doc: SpacyDoc, start: int, end: int) -> list[Mention]:
        """The places a NORP entity names: 'Russians'; each part of a compound ('Russian-American',
        'Egyptian- Israeli'); else its first word that is a demonym ('American Indians', 'Hardline Saudi')."""
        parts: list[tuple[int, int]] = []
        part = start
        for k in range(start, end + 1):
            if k == end or doc[k].text == "-":
                if k > part:
                    parts.append((part, k))
                part = k + 1
        found = []
        for first, last in parts:
            place = self.gazetteer.demonym(name_key(doc[first:last].text))
            if len(parts) > 1 and place is not None and place.feature in ("continent", "region"):
                continue  # 'African-American', 'Asian-Australian': a people's origin, not a place in the story
            if place is None:  # 'African American' names no place, 'Hardline Saudi' Saudi Arabia
                word = next((k for k in range(first, last) if (e := self.gazetteer.demonym(doc[k].lower_)) is not None
                             and e.feature not in ("continent", "region")), None)
                if word is None:
                    continue
                first, last = word, word + 1
            found.append(Mention(doc[first].idx, doc[last - 1].idx + len(doc[last - 1]), doc[first:last].text,
                                 "demonym"))
        return found

    def _from_entity(self, doc: SpacyDoc, start: int, end: int, label: str) -> Mention | None:
        if label not in PLACE_LABELS:
            return None
        while start < end and (doc[start].lower_ == "the" or not doc[start].text.strip()):
            start += 1
        while end > start and (doc[end - 1].is_punct or not doc[end - 1].text.strip()
                               or doc[end - 1].lower_ in POSSESSIVES):
            end -= 1
        if start >= end:
            return None
        end = self._abbreviated_saint(doc, start, end)
        end = self._extend(doc, start, self._hyphenated(doc, start, _join_connectors(doc, end)))
        whole = end
        # 'Zion National Park', 'the Sacramento River' taken whole: the park or river, not the town alone
        for stem in (end - 2, end - 1):
            if stem > start and _natural_feature_end(doc, stem) == end \
                    and (natural := self._natural_feature(doc, start, stem)) is not None:
                return dataclasses.replace(natural, source="ner")
        end = self._known_prefix(doc, start, end)
        start = self._country_ending(doc, self._known_suffix(doc, start, end), end)
        # 'Freeborn Lake', 'the Ural Mountains' the gazetteer lacks: the feature, not the town it is named after
        if (natural := self._natural_feature(doc, start, end)) is not None:
            return dataclasses.replace(natural, source="ner")
        span = doc[start:end]
        if end < whole and end - start == 1 and self.gazetteer.demonym(doc[start].lower_) is not None:
            # 'the Canadian Lottery': a country's adjective opening a longer name, not Canadian, Texas
            return Mention(span.start_char, span.end_char, span.text, "demonym")
        if not any(ch.isupper() for ch in span.text):  # 'crawfish': the NER's guess, not a name
            return None
        if name_key(span.text) in language_names() and not self.gazetteer.lookup(span.text):
            return None
        if end - start == 1 and not self._maybe_place(doc, start, end):
            return None  # the NER's 'GPE' for a surname the text uses for a person ('Saakashvili')
        if end - start > 1 and aged(doc, end) and not self.gazetteer.lookup(span.text):
            return None  # ... or for a person's whole name with an age ('Dana Gaines, 23,')
        hint = _hint(doc, start, end) or _city_cue(doc, start, end)
        return Mention(span.start_char, span.end_char, span.text, "ner",
                       hint[0] if hint else None, hint[1] if hint else None, street=hint is None and _street(doc, end),
                       town_use=_town_use(doc, start, end))

    def _natural_feature(self, doc: SpacyDoc, start: int, end: int) -> Mention | None:
        """'Freeborn Lake', 'Zion National Park', the 'Ural Mountains' that the gazetteer lacks: the whole name,
        read through the places of the name it is named after, which must be a place's own name. Not when
        the end of the whole is a town's own name ('R-Elbow Lake' is Elbow Lake)."""
        natural = _natural_feature_end(doc, end)
        if natural == end or self.gazetteer.lookup(doc[start:natural].text) \
                or any(self.gazetteer.lookup(doc[k:natural].text) for k in range(start + 1, end)) \
                or not any(h.kind == 0 for h in self.gazetteer.lookup(doc[start:end].text)):
            return None  # ... a place's own name: 'Drakes Creek' is not named after Holland, Ohio, once 'Drakes'
        whole = doc[start:natural]
        return Mention(whole.start_char, whole.end_char, whole.text, "gazetteer", named_after=doc[start:end].text)

    def _abbreviated_saint(self, doc: SpacyDoc, start: int, end: int) -> int:
        """A dateline's 'ST. PAUL' that the NER cut after 'ST' (read as a country code): the whole name."""
        if end - start == 1 and name_key(doc[start].text) in ABBREVIATED and end + 1 < len(doc) \
                and doc[end].text == "." and self._caps[end + 1] and self.gazetteer.lookup(doc[start:end + 2].text):
            return end + 2
        return end

    def _known_prefix(self, doc: SpacyDoc, start: int, end: int) -> int:
        """A facility or body named after its place ('London International Airport', 'Henderson County
        Jail') that the gazetteer does not know whole: keep the longest leading name it knows."""
        if end - start < 2 or self.gazetteer.lookup(doc[start:end].text):
            return end
        qualified = doc[start].lower_ in qualifiers()  # 'Northwest D.C.' is a part of D.C., not 'Northwest'
        for k in range(end - 1, start, -1):
            if not self._caps[k - 1] or (k - start == 1 and (qualified or doc[start].lower_ in common_words())):
                continue
            hits = self.gazetteer.lookup(doc[start:k].text)
            # after a qualifier only a town so named ('North Las Vegas Police'), not a region's part
            if hits and (not qualified or any(h.kind == 0 and h.entry.feature == "city" for h in hits)):
                return k
        return end

    def _known_suffix(self, doc: SpacyDoc, start: int, end: int) -> int:
        """A name the gazetteer does not know whole that ends in 'of' and a name it knows ('Battle of
        Richmond', 'United Way of America'): the place is the part after 'of'."""
        if end - start < 3 or self.gazetteer.lookup(doc[start:end].text):
            return start
        for k in range(start + 2, end):
            if doc[k - 1].lower_ == "of" and self._caps[k] and self.gazetteer.lookup(doc[k:end].text):
                return k
        return start

    def _country_ending(self, doc: SpacyDoc, start: int, end: int) -> int:
        """A place name the gazetteer does not know whole, one word and a country's own name ('United Georgia', a
        party; 'Greater Ukraine'): the place is the country, not an unknown place of the text's focus."""
        # one capitalised word before the country: 'Central Africa - Nigeria' names both, and is left whole
        if end - start < 2 or not doc[start].is_alpha or self.gazetteer.lookup(doc[start:end].text):
            return start
        k = start + 1
        if self._caps[k] and doc[k].is_alpha and any(h.kind == 0 and h.entry.feature == "country"
                                                     for h in self.gazetteer.lookup(doc[k:end].text)):
            return k
        return start

    def _hyphenated(self, doc: SpacyDoc, start: int, end: int) -> int:
        """A hyphenated name with lower-case parts that the NER cut at its first hyphen ('Croix' of
        'Croix-des-Bouquets', 'Aix' of 'Aix-en-Provence'): the longest whole name the gazetteer knows."""
        best = k = end
        while k + 1 < len(doc) and k - end < MAX_HYPHENATED and doc[k].text == "-" \
                and not doc[k - 1].whitespace_ and not doc[k].whitespace_:
            k += 2
            if self.gazetteer.lookup(doc[start:k].text):
                best = k
        return best

    def _extend(self, doc: SpacyDoc, start: int, end: int) -> int:
        """The NER often stops short of a longer name the gazetteer knows: 'Mashonaland' [West], 'Newfoundland'
        [and Labrador], 'Democratic Republic' [of the Congo], 'Kasai' [Occidental]. Take the longest such name."""
        best = end
        k = end
        while k < len(doc) and k - end < 4 and (self._caps[k] or doc[k].lower_ in ("of", "the", "and")):
            k += 1
            if self._caps[k - 1] and self.gazetteer.lookup(doc[start:k].text):
                best = k
        return best

    def _scan(self, doc: SpacyDoc, taken: list[bool]) -> list[Mention]:
        """Longest gazetteer names among capitalised words the NER did not claim as places."""
        found: list[Mention] = []
        i = 0
        while i < len(doc):
            match = self._match_at(doc, i, taken) if self._may_start(doc, i, taken) else None
            if match is None:
                i += 1
                continue
            found.append(match)
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            i = span.end if span is not None else i + 1
        return found

    def _may_start(self, doc: SpacyDoc, i: int, taken: list[bool]) -> bool:
        return self._caps[i] and not taken[i]

    def _match_at(self, doc: SpacyDoc, i: int, taken: list[bool]) -> Mention | None:
        """The longest gazetteer name starting at ``i``; failing that, a name a feature word right after
        it announces ('the Dasht-e-Rivet area'), or a demonym inside an organisation ('American Airlines')."""
        dotted = self._dotted_unit(doc, i) or self._party_home(doc, i, taken)
        if dotted is not None:
            return dotted
        commons = common_words()
        inside_name = i > 0 and self._caps[i - 1] and doc[i].ent_iob_ == "I" and not doc[i - 1].is_stop
        if inside_name and doc[i - 1].lower_ not in qualifiers():
            # the middle of a longer name the NER saw whole ('Alliance' of 'the Northern Alliance'), unless
            # the name ends in a country's or a place the text names ('Taco Bell Canada', 'Education Ohio')
            return self._place_ending(doc, i)
        ends = self._ends(doc, i, taken)
        for end in ends:
            span = doc[i:end]
            if end - i == 1 and doc[i].ent_type_ not in ("PERSON", "NORP") \
                    and self.gazetteer.demonym(doc[i].lower_) is not None:
                # 'the Canadian Coast Guard': a country's adjective, not the town of Canadian, Texas
                return Mention(doc[i].idx, doc[i].idx + len(doc[i]), doc[i].text, "demonym")
            if end - i > 1 and doc[i].ent_type_ not in ("PERSON", "NORP") \
                    and self.gazetteer.demonym(name_key(span.text)) is not None:
                # 'the Sri Lankan civil war', which the NER left untagged
                return Mention(span.start_char, span.end_char, span.text, "demonym")
            if end - i == 1 and name_key(span.text) in commons and not is_code(doc, i):
                continue
            hint = _hint(doc, i, end)
            if not self._allowed(doc, i, end, hint is not None):
                continue
            natural = self._natural_feature(doc, i, end)
            if natural is not None and not any(taken[k] for k in range(end, _natural_feature_end(doc, end))):
                return natural
            hits = self.gazetteer.lookup(span.text)
            if inside_name and qualifiers()[doc[i - 1].lower_] == "region":
                # after 'Western' or 'Northeast' only a region: 'Northern Alliance' is no town
                hits = tuple(h for h in hits if h.entry.feature in ("admin1", "country", "region", "continent"))
            if hits:
                return Mention(span.start_char, span.end_char, span.text, "gazetteer",
                               hint[0] if hint else None, hint[1] if hint else None,
                               street=hint is None and _street(doc, end), town_use=_town_use(doc, i, end))
            if end == ends[0] and end < len(doc) and doc[end].lower_ in feature_words() \
                    and not any(t.lower_ in commons for t in span):
                # The whole capitalised name, announced by the feature word right after it.
                feature, precision = feature_words()[doc[end].lower_]
                return Mention(span.start_char, span.end_char, span.text, "gazetteer", feature, precision)
        if doc[i].ent_type_ in ("ORG", "") and self.gazetteer.demonym(doc[i].lower_) is not None:
            return Mention(doc[i].idx, doc[i].idx + len(doc[i]), doc[i].text, "demonym")
        return None

    def _dotted_unit(self, doc: SpacyDoc, i: int) -> Mention | None:
        """'London, Ont.', 'Kingston, Ont., said': a dotted admin1 abbreviation after a comma, as datelines and
        addresses write it, which the NER often takes for a person ('Ont')."""
        if i < 1 or doc[i - 1].text != ",":
            return None
        if doc[i].text.endswith(".") and len(doc[i]) > 2:
            end = i + 1
        elif i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_:
            end = i + 2
        else:
            return None
        span = doc[i:end]
        if not any(h.entry.feature == "admin1" for h in self.gazetteer.lookup(span.text)):
            return None
        return Mention(span.start_char, span.end_char, span.text, "gazetteer", "admin1", 3)

    def _stated_units(self, doc: SpacyDoc, taken: list[bool]) -> list[Mention]:
        """'Galcad (Ceel Buur, Galgaduud)', 'Kiryat Shmona (HaZafon)': a town followed by its district and
        province in parentheses, as ACLED's notes and many wire reports write it. The NER often takes such
        names for persons or one organisation; the last stated name being a country, province or district
        the gazetteer knows makes them places: the town (placed in its stated unit when the gazetteer lacks
        it; one stated unit is enough only for a town the gazetteer knows) and each stated unit."""
        found: list[Mention] = []
        for p, token in enumerate(doc):
            if token.text != "(" or p == 0:
                continue
            parts = self._parenthesised_names(doc, p, taken)
            town = self._name_before(doc, p, taken)
            if not parts or town is None:
                continue
            units = [self._unit_hits(doc[a:b].text) for a, b in parts]
            town_span = doc[town:p]
            known_town = bool(self.gazetteer.lookup(town_span.text))
            # one stated name must be a unit the gazetteer knows ('Kampala (Kampala)'); of two or more, any
            # name it knows, also by a spelling variant ('Galgaduud'), or the town's own name again when the
            # gazetteer knows the town: a name too short for the checks above ('Gao (Gao, Gao)')
            repeated = known_town and name_key(town_span.text) in {name_key(doc[a:b].text) for a, b in parts}
            if not (units[-1] if len(parts) < 2 else any(units) or repeated or any(
                    self._known(doc[a:b].text) for a, b in parts)):
                continue
            if len(parts) < 2 and not known_town:
                continue
            found.append(Mention(town_span.start_char, town_span.end_char, town_span.text, "gazetteer", "city", 1))
            for k, (start, end) in enumerate(parts):
                span = doc[start:end]
                if not any(taken[start:end]) and (self.gazetteer.lookup(span.text) or self._known(span.text)):
                    feature = "admin1" if k == len(parts) - 1 else "admin2"
                    found.append(Mention(span.start_char, span.end_char, span.text, "gazetteer", feature,
                                         3 if feature == "admin1" else 2))
            for i in range(town, parts[-1][1]):
                taken[i] = True  # the names inside the NER already read stay as it read them
        return found

    def _whole_stated_units(self, doc: SpacyDoc, mentions: list[Mention], taken: list[bool]) -> list[Mention]:
        """'Cali (Cali, Valle del Cauca)': a stated unit of several words that the NER read only in part
        ('Valle', a department of Honduras) is read whole when the gazetteer knows the whole name as a
        province or district; the NER's pieces inside it are dropped."""
        for p, token in enumerate(doc):
            if token.text != "(":
                continue
            parts = self._parenthesised_names(doc, p, [False] * len(doc))
            for k, (start, end) in enumerate(parts):
                span = doc[start:end]
                if end - start < 2 or all(taken[start:end]) or not self._unit_hits(span.text):
                    continue
                inside = [m for m in mentions if span.start_char <= m.start and m.end <= span.end_char]
                if not inside or any(m.start < span.start_char < m.end or m.start < span.end_char < m.end
                                     for m in mentions):
                    continue  # nothing read in part, or a reading that crosses the unit's bounds
                mentions = [m for m in mentions if m not in inside]
                feature = "admin1" if k == len(parts) - 1 else "admin2"
                mentions.append(Mention(span.start_char, span.end_char, span.text, "gazetteer", feature,
                                        3 if feature == "admin1" else 2))
                for i in range(start, end):
                    taken[i] = True
        return mentions

    def _unit_hits(self, name: str) -> bool:
        """Whether ``name`` (four letters or more) is a country, province or district by its own or another
        name."""
        return sum(ch.isalpha() for ch in name) >= 4 and any(
            h.kind <= 1 and h.entry.feature in ("admin1", "admin2", "country") for h in self.gazetteer.lookup(name))

    def _known(self, name: str) -> bool:
        key = name_key(name)
        return len(key) >= 5 and (bool(self.gazetteer.lookup(name))
                                  or any(self.gazetteer.by_key(k) for k in variant_keys(key)))

    def _name_before(self, doc: SpacyDoc, p: int, taken: list[bool]) -> int | None:
        """Start of the capitalised name right before ``p`` (a town's name may join words by 'al', 'de'... and
        by hyphens: 'Croix-des-Bouquets')."""
        start = p
        while start > 0 and sum(t.text != "-" for t in doc[start:p]) < MAX_WORDS and not taken[start - 1] and (
                self._caps[start - 1] or (start < p and self._joins_words(doc, start - 1))):
            start -= 1
        while start < p and not self._caps[start]:
            start += 1
        return start if start < p else None

    @staticmethod
    def _joins_words(doc: SpacyDoc, k: int) -> bool:
        """A lower-case word inside a name ('Deir al Balah') or a hyphen written without spaces."""
        token = doc[k]
        return token.lower_ in STATED_CONNECTORS or (
            token.text == "-" and k + 1 < len(doc) and token.idx + 1 == doc[k + 1].idx)

    def _parenthesised_names(self, doc: SpacyDoc, p: int, taken: list[bool]) -> list[tuple[int, int]]:
        """The comma-separated capitalised names between the '(' at ``p`` and its ')', or [] if anything else
        stands there (names the NER already read as places included)."""
        parts: list[tuple[int, int]] = []
        start = k = p + 1
        while k < len(doc) and k - p < 3 * MAX_WORDS:
            text = doc[k].text
            if text in (",", ")"):
                if k == start or not self._caps[start] or not self._caps[k - 1]:
                    return []
                parts.append((start, k))
                if text == ")":
                    return parts
                start = k + 1
            elif not (self._caps[k] or doc[k].lower_ in STATED_CONNECTORS or text == "-"):
                return []
            k += 1
        return []

    def _party_home(self, doc: SpacyDoc, i: int, taken: list[bool]) -> Mention | None:
        """'Sen. Bob Casey, D-Pa.', 'Marty Seifert, R-Marshall', '(R-Elbow Lake)': after a legislator's party
        letter (data/geo/party_letters.txt) the name is the member's state or home town, which the NER leaves
        untagged or takes for part of a person's name."""
        if i < 3 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_ \
                or doc[i - 2].lower_ not in party_letters() or doc[i - 3].lower_ not in (",", "(", "both"):
            return None
        for end in self._ends(doc, i, taken):
            span = doc[i:end]
            hits = self.gazetteer.lookup(span.text)
            if hits:
                # a state ('D-Pa.') is a unit, else a town; a name that is also a county's ('R-Berkeley',
                # a delegate's county) is left to the resolver
                if any(h.entry.feature == "admin1" for h in hits):
                    return Mention(span.start_char, span.end_char, span.text, "gazetteer", "admin1", 3)
                county = any(h.entry.feature == "admin2" for h in hits)
                return Mention(span.start_char, span.end_char, span.text, "gazetteer",
                               None if county else "city", None if county else 1)
        return None

    def _place_ending(self, doc: SpacyDoc, i: int) -> Mention | None:
        end = i
        while end < len(doc) and (end == i or doc[end].ent_iob_ == "I") and end - i < MAX_WORDS:
            end += 1
        if end < len(doc) and doc[end].ent_iob_ == "I":
            return None  # not the end of the name
        span = doc[i:end]
        hits = self.gazetteer.lookup(span.text)
        if hits and (name_key(span.text) in self._ner_places or any(h.kind == 0 and h.entry.feature == "country"
                                                                     for h in hits)):
            return Mention(span.start_char, span.end_char, span.text, "gazetteer")
        return None

    def _allowed(self, doc: SpacyDoc, start: int, end: int, hinted: bool) -> bool:
        """Entity labels a proposal may come from. The small model tags many towns PERSON ('an Athens
        man'): such a span may be a place unless its words name a person elsewhere or a title precedes it."""
        labels = {"" if t.ent_type_ == "DATE" and not _date_word(t) else t.ent_type_ for t in doc[start:end]}
        if not labels <= SCANNED_LABELS | {"PERSON"}:
            return False
        # Whatever the label: 'President Obama', or 'Scott' after 'Rick Scott', is a person.
        return hinted or self._maybe_place(doc, start, end)

    def _maybe_place(self, doc: SpacyDoc, start: int, end: int) -> bool:
        if start > 0 and doc[start - 1].lower_.rstrip(".") in titles():
            return False
        if end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I" \
                and doc[end].lower_ not in common_words():
            return False  # the span is the first name of a longer person name
        return not any(doc[k].text in self._person_words for k in range(start, end))

    def _ends(self, doc: SpacyDoc, i: int, taken: list[bool]) -> list[int]:
        """Possible span ends from ``i``, longest first: capitalised words, joined by hyphens or the
        izafa/article connectors of transliterated names ('Dasht-e-Rivet', 'Mazar-i-Sharif')."""
        ends = []
        j, words = i, 0
        while j < len(doc) and words < MAX_WORDS and not taken[j] and self._caps[j]:
            j += 1
            words += 1
            ends.append(j)
            ends.extend(self._hyphen_ends(doc, j, taken))
            k = j
            while k < len(doc) and not taken[k] and (doc[k].text == "-" or doc[k].lower_ in CONNECTORS) \
                    and not doc[k - 1].whitespace_ and k - j < 3:
                k += 1
            if k > j and k < len(doc) and self._caps[k] and doc[k - 1].whitespace_ != "\n":
                j = k
            elif k > j:
                break
        return sorted(set(ends), reverse=True)

    @staticmethod
    def _hyphen_ends(doc: SpacyDoc, end: int, taken: list[bool]) -> list[int]:
        """Ends of a hyphenated name with lower-case parts ('Croix-des-Bouquets', 'Aix-en-Provence'): the
        tokenizer splits it at each hyphen, and the NER may read its first word as a person."""
        ends, k = [], end
        while k + 1 < len(doc) and k - end < MAX_HYPHENATED and doc[k].text == "-" and not taken[k + 1] \
                and not doc[k - 1].whitespace_ and not doc[k].whitespace_ and doc[k + 1].is_alpha:
            k += 2
            ends.append(k)
        return ends

    def consistent(self, doc: SpacyDoc, mentions: list[Mention]) -> list[Mention]:
        """Misspellings of a name the text already uses as a place ('Panjhsir' after 'Panjshir'),
        which the NER often takes for a person: fuzzy-matched against this document's names only."""
        from rapidfuzz import fuzz

        known = {name_key(m.text) for m in mentions if m.source != "demonym" and len(m.text) >= 5}
        covered = {(m.start, m.end) for m in mentions}
        extra = []
        for ent in doc.ents:
            key = name_key(ent.text)
            if (ent.start_char, ent.end_char) in covered or ent.label_ in PLACE_LABELS or key in known:
                continue
            best = max(known, key=lambda k: fuzz.ratio(key, k), default=None)
            if len(key) >= 5 and best is not None and fuzz.ratio(key, best) >= 85:
                extra.append(Mention(ent.start_char, ent.end_char, ent.text, "gazetteer", alias_of=best))
        return extra
