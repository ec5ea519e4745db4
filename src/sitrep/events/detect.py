"""Event detection and typing: which sentences report an event, and of which sub-event type.

Per sentence: cue phrases (data/events/cues.tsv) pick the candidates, but only cues whose clause
reports something done (``events.modality``: not an appeal, a threat, a plan, a negation); the lexical
head of the trained classifier types them all; the ``max_embedded`` (one) most
event-like ones per article are re-typed with the full head over MiniLM
embeddings (capped at 128 word pieces). Embedding costs ~15 ms for one sentence
alone on this CPU but ~5 ms in a batch (the weights are read once per pass), so
the pipeline hands the detector each parsed batch first (``prepare_batch``).
Each mention keeps its sentence and its trigger span.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from sitrep.events.classifier import NONE, EventClassifier, Unit, get_classifier, make_unit
from sitrep.events.embed import get_encoder
from sitrep.events.instruments import idle_thing, is_stray_fire, is_thing
from sitrep.events.modality import asserted
from sitrep.events.taxonomy import event_type_of, is_acled, sub_event_types
from sitrep.events.triggers import UNACCUSATIVE, CueHit, find_cues
from sitrep.model import EventMention
from sitrep.model.span import Span
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document
from sitrep.resources import read_patterns, read_table

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

# Cues that may stand as the trigger of a code besides the code's own cues (protest codes have
# protest vocabulary as their trigger, territory codes the capture or withdrawal verb).
TRIGGER_CUES: dict[str, tuple[str, ...]] = {
    "PEACE_PROTEST": ("protest",),
    "PROTEST_WITH_INTER": ("protest_intervene", "protest"),
    "FORCE_AGAINST_PROTEST": ("protest_lethal", "protest"),
    "VIOL_DEMONSTR": ("protest_riot", "protest"),
    "GOV_REGAINS_TERIT": ("territory",),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("territory",),
    "NON_VIOL_TERRIT_TRANSFER": ("territory_withdraw",),
    "ARMED_CLASH": ("ATTACK", "territory"),
    "ATTACK": ("ARMED_CLASH",),
    "MOB_VIOL": ("ATTACK", "protest_riot"),
    "PROPERTY_DISTRUCT": ("protest_riot",),
}


# Event types whose cues report violence done to people; with mob violence and lethal force against a
# protest they make a mention ``violent``.
VIOLENT_EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# CASE's extra codes under which ACLED still codes the violence a sentence reports: attacks by organised
# criminal groups (ACLED codes gangs' violence), a claim of responsibility for an attack (the attack is the
# event), a diplomatic reaction that tells the attack it condemns. A violent sentence typed by one of them
# is re-typed by its best ACLED code. Disasters keep their code: an accidental blast or a flood that kills is
# no conflict event (the mention says it is violent and names the ACLED alternative for assembly to judge).
RETYPED_WHEN_VIOLENT = frozenset({"ORG_CRIME", "ATTRIB", "DIPLO"})
# Cues of force used on people besides the violent codes' own (tear gas, baton charges, stone-throwing, casualties).
FORCE_CUES = frozenset({"protest_intervene", "protest_lethal", "protest_riot", "kill"})
# The cue of casualty words (killed, died, dead, wounded, injured, fatalities).
CASUALTY_CUE = "kill"
# Sentences a toll may look back over for the event it belongs to ("... in Bama. The attackers fled. Two
# guards were killed.").
TOLL_REACH = 2


def toll_owner(code: str) -> bool:
    return code in violent_codes()


@functools.lru_cache(maxsize=1)
def violent_codes() -> frozenset[str]:
    """ACLED codes of violence done to people (the codes of VIOLENT_EVENT_TYPES and the violent protest codes)."""
    codes = {code for code, sub in sub_event_types().items() if sub.event_type in VIOLENT_EVENT_TYPES}
    return frozenset(codes | {"MOB_VIOL", "VIOL_DEMONSTR", "FORCE_AGAINST_PROTEST"})


@functools.lru_cache(maxsize=1)
def violent_cues() -> frozenset[str]:
    return frozenset((violent_codes() - {"VIOL_DEMONSTR", "FORCE_AGAINST_PROTEST"}) | {"protest_lethal"})


@dataclass(frozen=True)
class Typed:
    """The classifier's verdict on one candidate sentence."""

    code: str  # the most probable event code (never NONE: NONE weighs against all of them together)
    probability: float  # of ``code``
    event_probability: float  # 1 - P(NONE)
    source: str  # "classifier" (full head) | "lexical"
    acled_code: str = ""  # the most probable of ACLED's 25 codes
    acled_probability: float = 0.0
    ranked: tuple[tuple[str, float], ...] = ()  # every event code and its probability, most probable first


def supporting_cues(code: str) -> tuple[str, ...]:
    return (code, *TRIGGER_CUES.get(code, ()))


def stands_on_unreported(code: str, hits: tuple[CueHit, ...], reported: tuple[CueHit, ...]) -> bool:
    """True when every cue of ``code`` in the sentence is in an appeal, plan, threat or negation: "They
    called on supporters to join demonstrations" reports a call, not a protest."""
    support = [h for h in hits if h.event and h.cue in supporting_cues(code)]
    return bool(support) and not any(h in reported for h in support)


def choose_trigger(code: str, hits: tuple[CueHit, ...]) -> CueHit | None:
    """The cue hit that best stands for ``code``: its own cue, a related one, else the first event cue."""
    events = [h for h in hits if h.event]
    for cue in supporting_cues(code):
        for hit in events:
            if hit.cue == cue:
                return hit
    return events[0] if events else None


def verdicts(model: EventClassifier, proba: np.ndarray, source: str) -> list[Typed]:
    """The best event code of each row. 'Not an event' is weighed against all event codes together: a
    sentence at P(NONE) 0.25, P(ARMED_CLASH) 0.2 and the rest spread over look-alike codes is an event."""
    none = model.classes.index(NONE) if NONE in model.classes else -1
    events = np.array([c != NONE for c in model.classes])
    acled = np.array([is_acled(c) for c in model.classes])
    found = []
    for row in proba:
        best = int(np.where(events, row, -1.0).argmax())
        best_acled = int(np.where(acled, row, -1.0).argmax())
        p_event = 1.0 - float(row[none]) if none >= 0 else 1.0
        ranked = tuple((model.classes[i], float(row[i])) for i in np.argsort(-row) if events[i])
        found.append(Typed(model.classes[best], float(row[best]), p_event, source,
                           model.classes[best_acled], float(row[best_acled]), ranked))
    return found


def supported(code: str, triggers: Sequence[CueHit]) -> bool:
    return any(h.cue in supporting_cues(code) for h in triggers)


# Mob violence is a crowd's (ACLED: rioters); violence between armed forces is a battle or an attack.
ARMED_KINDS = ("state_actor", "nonstate_actor")
CROWD_CUES = frozenset({"crowd_actor", "MOB_VIOL", "protest", "protest_riot"})
ARMED_CODES = ("ARMED_CLASH", "ATTACK")


def armed_not_mob(verdict: Typed, hits: Sequence[CueHit]) -> str | None:
    """'Clashes between the army and the RSF' typed as mob violence: with state forces and an armed group
    named and no crowd, the most probable of armed clash and attack."""
    cues = {h.cue for h in hits}
    if not verdict.ranked or not all(kind in cues for kind in ARMED_KINDS) or cues & CROWD_CUES:
        return None
    return next((code for code, _ in verdict.ranked if code in ARMED_CODES), None)


def arrest_at_protest(hits: Sequence[CueHit]) -> str | None:
    """An arrest told beside a protest the authorities broke up ('broke up a vigil and took its organisers into
    custody'): ACLED codes the arrests made in breaking up a protest as protest with intervention. Only with force
    on the protest other than the arrest itself (an intervention cue that is no arrest cue): 'police arrested a
    protest leader at his home' stays an arrest."""
    arrests = {(h.start, h.end) for h in hits if h.cue == "ARREST"}
    protest = any(h.cue == "protest" for h in hits)
    force = any(h.cue == "protest_intervene" and (h.start, h.end) not in arrests for h in hits)
    return "PROTEST_WITH_INTER" if protest and force else None


def backed_code(verdict: Typed, triggers: Sequence[CueHit]) -> tuple[str, float]:
    """The verdict's code, unless nothing in the sentence backs it: a code of no violence (a protest, an
    arrest, a strategic development, one of CASE's extra codes) typed from the words around the cues
    alone ("Police urged people to avoid the area" typed as an arrest, "launched a series of attacks" as a
    change to a group) gives way to the most probable code that one of the sentence's reported cues
    stands for. Violent codes keep their verdict: "killed when their vehicle hit a mine" is rightly a
    remote explosive though only 'killed' is a cue."""
    if not verdict.ranked or verdict.code in violent_codes() or supported(verdict.code, triggers):
        return verdict.code, verdict.probability
    # A code whose own cue is there ('shooting' -> attack) before one a related cue stands for (armed clash).
    own = {h.cue for h in triggers}
    return next(((code, p) for code, p in verdict.ranked if code in own),
                next(((code, p) for code, p in verdict.ranked if supported(code, triggers)),
                     (verdict.code, verdict.probability)))


# Codes named by their weapon or act: the sentence must name it ("shot dead a man and then himself" is no
# suicide bombing, "a 5-year-old girl was shot" no sexual violence, "a barrage of gunfire" no air strike), by a
# cue of the code or a word of data/events/named_by.tsv.
INSTRUMENT_CODES = frozenset({"SUIC_BOMB", "AIR_STRIKE", "GRENADE", "CHEM_WEAP", "SEX_VIOL", "REM_EXPLOS",
                              "ART_MISS_ATTACK", "MOB_VIOL"})
# Cues of other kinds that name what a code is defined by: a protest's or riot's words name a mob's crowd.
ALSO_NAMED_BY = {"MOB_VIOL": ("protest", "protest_riot")}


@functools.lru_cache(maxsize=1)
def _named_by() -> dict[str, re.Pattern[str]]:
    """Code -> one pattern of the words that name it (data/events/named_by.tsv)."""
    words: dict[str, list[str]] = {}
    for row in read_table("events/named_by.tsv"):
        words.setdefault(row["code"], []).append(re.escape(row["phrase"].lower()))
    return {code: re.compile(rf"\b(?:{'|'.join(sorted(w, key=len, reverse=True))})(?:e?s)?\b") for code, w in words.items()}


def _other_senses() -> dict[str, re.Pattern[str]]:
    """Code -> one pattern of the phrases in which its words name something else (data/events/other_senses.tsv)."""
    return read_patterns("events/other_senses.tsv", "code")


def in_its_sense(code: str, text: str) -> str:
    """``text`` lower-cased, without the phrases in which a word of ``code`` names something else ('shell casings',
    'a barrage of gunfire', 'flown by air medical helicopter')."""
    other = _other_senses().get(code)
    return text.lower() if other is None else other.sub(" ", text.lower())


def names_its_instrument(code: str, hits: Sequence[CueHit], words: Sequence[str], text: str) -> bool:
    """Whether the sentence ``text`` names what ``code`` is defined by; ``words`` are the lemmas of ``hits``. A cue
    word of the code counts only where it is still there once the phrases of its other senses are taken out."""
    if code not in INSTRUMENT_CODES:
        return True
    sense = in_its_sense(code, text)
    own = {w for h, w in zip(hits, words, strict=True) if (h.cue == code or h.cue in ALSO_NAMED_BY.get(code, ()))
           and (code not in _other_senses() or re.search(rf"\b{re.escape(w)}", sense))}
    named = code in _named_by() and _named_by()[code].search(sense) is not None
    if code == "SUIC_BOMB" and own <= {"suicide"}:
        # 'suicide' names a suicide bombing only beside a word of explosives, not in a murder-suicide.
        return bool(own) and named
    return bool(own) or named


def instrument_code(code: str, verdict: Typed, hits: Sequence[CueHit], words: Sequence[str], text: str,
                    triggers: Sequence[CueHit]) -> str:
    """``code``, unless it is defined by a weapon, an act or a crowd the sentence does not name: then the
    most probable violent code that the sentence backs and that needs no such word ('shooting' -> attack)."""
    if code not in violent_codes() or names_its_instrument(code, hits, words, text):
        return code
    fitting = [c for c, _ in verdict.ranked
               if c in violent_codes() and c != code and names_its_instrument(c, hits, words, text)]
    return next((c for c in fitting if supported(c, triggers)), fitting[0] if fitting else code)


def is_violent(triggers: Sequence[CueHit]) -> bool:
    return any(h.cue in violent_cues() for h in triggers)


def is_toll(parsed: SpacyDoc, hits: Sequence[CueHit], triggers: Sequence[CueHit]) -> bool:
    """'3 soldiers were killed', 'Two civilians died', 'He was injured': the only reported event words are
    casualty words with nobody doing them. Such a sentence gives the toll of an event told before it, not an
    event of its own type."""
    casualty = {h.start for h in hits if h.cue == CASUALTY_CUE}
    if not triggers or any(h.start not in casualty for h in triggers):
        return False
    for hit in triggers:
        verb = parsed[hit.start]
        for child in verb.children:
            # "5 injured" (a participle after "were killed and") and "a woman died" name who suffered;
            # "killed by militants" names who did it, "wounded by stray bullets" does not.
            names_agent = child.dep_ == "agent" and not all(
                is_stray_fire(t) for t in child.children if t.dep_ == "pobj")
            if names_agent or (child.dep_ in ("nsubj", "csubj") and verb.tag_ != "VBN"
                               and verb.lemma_.lower() not in UNACCUSATIVE):
                return False
    return True


@dataclass
class Candidates:
    """The candidate sentences of one parsed article and their verdicts."""

    sents: list[int]  # indices into the article's sentences
    units: list[Unit]
    typed: list[Typed]
    triggers: list[tuple[CueHit, ...]]  # per candidate: its event cues that report something done


def reported_hits(parsed: SpacyDoc, hits: tuple[CueHit, ...]) -> tuple[CueHit, ...]:
    """The event cues whose clause asserts the event: not an appeal, a threat, a plan, a negation; and not
    a weapon or a person named without taking part in anything ("an expert in drone warfare")."""
    told = [h for h in hits if h.event and asserted(parsed[h.start:h.end])]
    # Act words make the thing they govern take part: event cues ('the slaying of five demonstrators') and
    # words of force that alone make no candidate ('police beat demonstrators').
    acts = {i for h in hits if (h.event or h.cue in violent_cues() or h.cue in FORCE_CUES)
            and not is_thing(parsed[h.start:h.end]) for i in range(h.start, h.end)}
    return tuple(h for h in told if not idle_thing(parsed[h.start:h.end], acts))


def find_candidates(parsed: SpacyDoc) -> Candidates:
    """Sentences holding an event cue that reports something done; only these are typed at all."""
    found = Candidates([], [], [], [])
    for i, sent in enumerate(parsed.sents):
        # The cue scan first: most sentences hold no event cue and need no classifier input.
        hits = tuple(find_cues(sent))
        triggers = reported_hits(parsed, hits) if any(h.event for h in hits) else ()
        if triggers:
            found.sents.append(i)
            found.units.append(make_unit([sent]))
            found.triggers.append(triggers)
    return found


@dataclass(frozen=True)
class Decision:
    """What a candidate sentence reports once its verdict is checked against its cues."""

    code: str
    score: float  # the probability that the sentence reports an event at all
    violent: bool
    alternative: str | None = None
    alternative_score: float = 0.0


# The classifier's event probability a sentence needs to give an event (the body's and the headline's bar).
MIN_EVENT_PROBABILITY = 0.5


def decide(verdict: Typed, unit: Unit, triggers: tuple[CueHit, ...], parsed: SpacyDoc, text: str,
           min_event_probability: float) -> Decision | None:
    """The code a candidate sentence (``text``, parsed in ``parsed``) reports, or None: its verdict backed by its
    reported cues, named by its instrument, re-typed when violent; None when it is no event or stands on cues that
    report nothing done. Shared by the body's sentences and the headline (events.headline)."""
    if verdict.code == NONE or verdict.event_probability < min_event_probability:
        return None
    (code, probability), violent = backed_code(verdict, triggers), is_violent(triggers)
    if code == "MOB_VIOL":
        code = armed_not_mob(verdict, unit.hits) or code
    elif code == "ARREST":
        code = arrest_at_protest(unit.hits) or code
    words = [parsed[h.start:h.end].lemma_.lower() for h in unit.hits]
    code = instrument_code(code, verdict, unit.hits, words, text, triggers)
    alternative, alternative_score = None, 0.0
    if not is_acled(code) and violent:
        if code in RETYPED_WHEN_VIOLENT:
            # The ACLED head's code must name its weapon or act too ('fatal shooting' is no sexual violence).
            code, alternative = instrument_code(verdict.acled_code, verdict, unit.hits, words, text, triggers), code
            alternative_score = probability
        else:
            alternative, alternative_score = verdict.acled_code, verdict.acled_probability
    if stands_on_unreported(code, unit.hits, triggers):
        return None
    return Decision(code, round(verdict.event_probability, 4), violent, alternative, round(alternative_score, 4))


class EventDetector(Component[list[EventMention]]):
    """Finds event mentions per sentence and types them (25 ACLED codes + 5 CASE extras)."""

    name = "events.detect"
    reads = ("parsed", "sentences")
    writes = ("event_mentions",)

    def __init__(self, max_embedded: int = 1, min_event_probability: float = MIN_EVENT_PROBABILITY) -> None:
        # At most this many sentences per article go through MiniLM (~5 ms each when a pipeline batch
        # is embedded at once, ~15 ms alone); the rest keep the lexical verdict. One (the lede's, or
        # the surest candidate's) since the sixth session: MiniLM was a sixth of a bench article's CPU
        # (docs/scale.md gives what the second sentence changed in each evaluation).
        self.max_embedded = max_embedded
        self.min_event_probability = min_event_probability
        self._prepared: dict[int, Candidates] = {}  # id(spaCy doc) -> candidates, for the current batch

    def _lexical(self, found: Candidates) -> list[int]:
        """Types every candidate with the lexical head; returns the ones worth the full head."""
        model = get_classifier()
        found.typed = verdicts(model, model.lexical_proba(found.units), "lexical") if found.units else []
        ranked = sorted(range(len(found.units)), key=lambda i: -found.typed[i].event_probability)
        # Only sentences the lexical head already takes for an ACLED event are worth refining: the extra
        # CASE codes (crime, disasters, diplomacy) build no event, so their exact type matters less, unless
        # the sentence reports violence that may still be coded.
        worth = [i for i in ranked if (is_acled(found.typed[i].code) or is_violent(found.triggers[i]))
                 and found.typed[i].event_probability >= self.min_event_probability]
        # The first of them is refined whatever its rank: a lede usually tells the main incident, and its
        # type becomes the event's ("Heavy fighting broke out ..., residents said" typed as mob violence
        # by the lexical head while two later, surer sentences took both places).
        lede = min(worth, default=None)
        return [i for i in dict.fromkeys([*([lede] if lede is not None else []), *worth])][:self.max_embedded]

    def _refine(self, chosen: list[tuple[Candidates, int]]) -> None:
        """Re-types the chosen candidates with the full head, embedding them in one batch."""
        if not chosen:
            return
        model = get_classifier()
        units = [found.units[i] for found, i in chosen]
        embeddings = get_encoder().encode([u.text for u in units])
        for (found, i), verdict in zip(chosen, verdicts(model, model.full_proba(units, embeddings), "classifier"),
                                       strict=True):
            found.typed[i] = verdict

    def prepare_batch(self, parsed: Sequence[SpacyDoc]) -> None:
        """Pipeline hook: type the candidates of a whole batch, so their embeddings share one pass."""
        self._prepared = {}
        chosen: list[tuple[Candidates, int]] = []
        for spacy_doc in parsed:
            found = find_candidates(spacy_doc)
            chosen.extend((found, i) for i in self._lexical(found))
            self._prepared[id(spacy_doc)] = found
        self._refine(chosen)

    def candidates(self, doc: Document) -> Candidates:
        assert doc.parsed is not None
        found = self._prepared.pop(id(doc.parsed), None)
        if found is None:
            found = find_candidates(doc.parsed)
            self._refine([(found, i) for i in self._lexical(found)])
        return found

    def match(self, doc: Document) -> list[EventMention]:
        if doc.parsed is None:
            return []
        found = self.candidates(doc)
        mentions: list[EventMention] = []
        for i, unit, triggers, verdict in zip(found.sents, found.units, found.triggers, found.typed, strict=True):
            mention = self.toll_of(doc, i, unit, triggers, mentions) \
                or self.typed_mention(doc, i, unit, triggers, verdict)
            if mention is not None:
                mentions.append(mention)
        return mentions

    def typed_mention(self, doc: Document, sent: int, unit: Unit, triggers: tuple[CueHit, ...],
                      verdict: Typed) -> EventMention | None:
        """The mention the classifier's verdict makes, or None."""
        assert doc.parsed is not None
        decision = decide(verdict, unit, triggers, doc.parsed, doc.sentences[sent].text, self.min_event_probability)
        if decision is None:
            return None
        return EventMention(sent, decision.code, event_type_of(decision.code), decision.score,
                            self._trigger(doc, decision.code, triggers), verdict.source, decision.violent,
                            decision.alternative, decision.alternative_score)

    def toll_of(self, doc: Document, sent: int, unit: Unit, triggers: tuple[CueHit, ...],
                before: list[EventMention]) -> EventMention | None:
        """A casualty sentence just after an ACLED event takes that event's type and score (the earlier
        sentence stays the one that types the event), so that it joins the event and its figures count
        there instead of standing for an event of another type."""
        assert doc.parsed is not None
        last = before[-1] if before else None
        # Only a violent event owns a toll: deaths after a peaceful protest or an arrest tell another type.
        if last is None or not toll_owner(last.sub_event_type) or sent - last.sent > TOLL_REACH \
                or not is_toll(doc.parsed, unit.hits, triggers):
            return None
        return EventMention(sent, last.sub_event_type, last.event_type, last.score,
                            self._trigger(doc, last.sub_event_type, triggers), "toll", True)

    @staticmethod
    def _trigger(doc: Document, code: str, triggers: tuple[CueHit, ...]) -> Span | None:
        hit = choose_trigger(code, triggers)
        if hit is None or doc.parsed is None:
            return None
        span = doc.parsed[hit.start:hit.end]
        return doc.span(span.start_char, span.end_char)

    def set_annotations(self, doc: Document, found: list[EventMention]) -> None:
        doc.event_mentions = found
