"""Event detection and typing: which sentences report an event, and of which sub-event type.

Per sentence: cue phrases (data/events/cues.tsv) pick the candidates; the lexical
head of the trained classifier types them all; the ``max_embedded`` most
event-like ones are re-typed with the full head over MiniLM embeddings (batched,
capped at 128 word pieces). Embedding costs ~8 ms a sentence on this CPU, hence
the budget per article. Each mention keeps its sentence and its trigger span.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sitrep.events.classifier import NONE, EventClassifier, Unit, get_classifier, make_unit
from sitrep.events.embed import get_encoder
from sitrep.events.taxonomy import event_type_of, is_acled
from sitrep.events.triggers import CueHit
from sitrep.model import EventMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document

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
}


@dataclass(frozen=True)
class Typed:
    """The classifier's verdict on one candidate sentence."""

    code: str
    probability: float  # of ``code``
    event_probability: float  # 1 - P(NONE)
    source: str  # "classifier" (full head) | "lexical"


def choose_trigger(code: str, hits: tuple[CueHit, ...]) -> CueHit | None:
    """The cue hit that best stands for ``code``: its own cue, a related one, else the first event cue."""
    events = [h for h in hits if h.event]
    for cue in (code, *TRIGGER_CUES.get(code, ())):
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


class EventDetector(Component[list[EventMention]]):
    """Finds event mentions per sentence and types them (25 ACLED codes + 5 CASE extras)."""

    name = "events.detect"
    reads = ("parsed", "sentences")
    writes = ("event_mentions",)

    def __init__(self, max_embedded: int = 2, min_event_probability: float = 0.5) -> None:
        # At most this many sentences per article go through MiniLM (~8-10 ms each on this CPU; the
        # pipeline's budget is ~40 ms an article in all); the rest keep the lexical verdict.
        self.max_embedded = max_embedded
        self.min_event_probability = min_event_probability

    def type_units(self, units: list[Unit]) -> list[Typed]:
        """Verdicts for candidate units: lexical for all, full head for the most event-like few."""
        if not units:
            return []
        model = get_classifier()
        typed = verdicts(model, model.lexical_proba(units), "lexical")
        ranked = sorted(range(len(units)), key=lambda i: -typed[i].event_probability)
        # Only sentences the lexical head already takes for an ACLED event are worth refining: the extra
        # CASE codes (crime, disasters, diplomacy) build no event, so their exact type matters less.
        chosen = [i for i in ranked if is_acled(typed[i].code)
                  and typed[i].event_probability >= self.min_event_probability][:self.max_embedded]
        if chosen:
            embeddings = get_encoder().encode([units[i].text for i in chosen])
            full = verdicts(model, model.full_proba([units[i] for i in chosen], embeddings), "classifier")
            for i, verdict in zip(chosen, full, strict=True):
                typed[i] = verdict
        return typed

    def match(self, doc: Document) -> list[EventMention]:
        if doc.parsed is None:
            return []
        sents = list(doc.parsed.sents)
        candidates: list[int] = []
        units: list[Unit] = []
        for i, sent in enumerate(sents):
            unit = make_unit([sent])
            if any(h.event for h in unit.hits):
                candidates.append(i)
                units.append(unit)
        found = []
        for i, unit, verdict in zip(candidates, units, self.type_units(units), strict=True):
            if verdict.code == NONE or verdict.event_probability < self.min_event_probability:
                continue
            hit = choose_trigger(verdict.code, unit.hits)
            trigger = None
            if hit is not None:
                span = doc.parsed[hit.start:hit.end]
                trigger = doc.span(span.start_char, span.end_char)
            found.append(EventMention(i, verdict.code, event_type_of(verdict.code),
                                      round(verdict.event_probability, 4), trigger, verdict.source))
        return found

    def set_annotations(self, doc: Document, found: list[EventMention]) -> None:
        doc.event_mentions = found
