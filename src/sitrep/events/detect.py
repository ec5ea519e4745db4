"""Event detection and typing: which sentences report an event, and of which sub-event type.

Per sentence: cue phrases (data/events/cues.tsv) pick the candidates, but only cues whose clause
reports something done (``events.modality``: not an appeal, a threat, a plan, a negation); the lexical
head of the trained classifier types them all; the ``max_embedded`` most
event-like ones per article are re-typed with the full head over MiniLM
embeddings (capped at 128 word pieces). Embedding costs ~15 ms for one sentence
alone on this CPU but ~5 ms in a batch (the weights are read once per pass), so
the pipeline hands the detector each parsed batch first (``prepare_batch``).
Each mention keeps its sentence and its trigger span.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from sitrep.events.classifier import NONE, EventClassifier, Unit, get_classifier, make_unit
from sitrep.events.embed import get_encoder
from sitrep.events.modality import asserted
from sitrep.events.taxonomy import event_type_of, is_acled
from sitrep.events.triggers import CueHit
from sitrep.model import EventMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document

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


@dataclass(frozen=True)
class Typed:
    """The classifier's verdict on one candidate sentence."""

    code: str
    probability: float  # of ``code``
    event_probability: float  # 1 - P(NONE)
    source: str  # "classifier" (full head) | "lexical"


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
    none = model.classes.index(NONE) if NONE in model.classes else -1
    found = []
    for row in proba:
        best = int(row.argmax())
        p_event = 1.0 - float(row[none]) if none >= 0 else 1.0
        found.append(Typed(model.classes[best], float(row[best]), p_event, source))
    return found


@dataclass
class Candidates:
    """The candidate sentences of one parsed article and their verdicts."""

    sents: list[int]  # indices into the article's sentences
    units: list[Unit]
    typed: list[Typed]
    triggers: list[tuple[CueHit, ...]]  # per candidate: its event cues that report something done


def reported_hits(parsed: SpacyDoc, hits: tuple[CueHit, ...]) -> tuple[CueHit, ...]:
    """The event cues whose clause asserts the event: not an appeal, a threat, a plan, a negation."""
    return tuple(h for h in hits if h.event and asserted(parsed[h.start:h.end]))


def find_candidates(parsed: SpacyDoc) -> Candidates:
    """Sentences holding an event cue that reports something done; only these are typed at all."""
    found = Candidates([], [], [], [])
    for i, sent in enumerate(parsed.sents):
        unit = make_unit([sent])
        triggers = reported_hits(parsed, unit.hits) if any(h.event for h in unit.hits) else ()
        if triggers:
            found.sents.append(i)
            found.units.append(unit)
            found.triggers.append(triggers)
    return found


class EventDetector(Component[list[EventMention]]):
    """Finds event mentions per sentence and types them (25 ACLED codes + 5 CASE extras)."""

    name = "events.detect"
    reads = ("parsed", "sentences")
    writes = ("event_mentions",)

    def __init__(self, max_embedded: int = 2, min_event_probability: float = 0.5) -> None:
        # At most this many sentences per article go through MiniLM (~5 ms each when a pipeline batch
        # is embedded at once, ~15 ms alone); the rest keep the lexical verdict.
        self.max_embedded = max_embedded
        self.min_event_probability = min_event_probability
        self._prepared: dict[int, Candidates] = {}  # id(spaCy doc) -> candidates, for the current batch

    def _lexical(self, found: Candidates) -> list[int]:
        """Types every candidate with the lexical head; returns the ones worth the full head."""
        model = get_classifier()
        found.typed = verdicts(model, model.lexical_proba(found.units), "lexical") if found.units else []
        ranked = sorted(range(len(found.units)), key=lambda i: -found.typed[i].event_probability)
        # Only sentences the lexical head already takes for an ACLED event are worth refining: the extra
        # CASE codes (crime, disasters, diplomacy) build no event, so their exact type matters less.
        return [i for i in ranked if is_acled(found.typed[i].code)
                and found.typed[i].event_probability >= self.min_event_probability][:self.max_embedded]

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
        mentions = []
        for i, unit, triggers, verdict in zip(found.sents, found.units, found.triggers, found.typed, strict=True):
            if verdict.code == NONE or verdict.event_probability < self.min_event_probability \
                    or stands_on_unreported(verdict.code, unit.hits, triggers):
                continue
            hit = choose_trigger(verdict.code, triggers)
            trigger = None
            if hit is not None:
                span = doc.parsed[hit.start:hit.end]
                trigger = doc.span(span.start_char, span.end_char)
            mentions.append(EventMention(i, verdict.code, event_type_of(verdict.code),
                                         round(verdict.event_probability, 4), trigger, verdict.source))
        return mentions

    def set_annotations(self, doc: Document, found: list[EventMention]) -> None:
        doc.event_mentions = found
