"""Claims on facts and flags: who claims each fact of an event, and whether it is plausible.

Every fact of an event (that it happened, each fatality/injury/capture figure, each
materiel item, the place, the date) gets the claims of the attributions whose content
holds its words; a fact nobody is quoted on is asserted by the outlet. Then:

* the best fatality figure follows ACLED's conservative rule (claims/figures.py);
* flags: ``single_party_claim``, ``contested``, ``implausible_quantity`` and
  ``party_claim_on_enemy`` (a party's figure for its enemy's losses, kept and marked).
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.claims.channel import Channel, channel_of
from sitrep.claims.figures import best_fatalities, figure_flags, party_deniers, without_bare
from sitrep.claims.party import is_party, is_party_name
from sitrep.claims.plausibility import materiel_flag
from sitrep.model import ActorMention, Attribution, Claim, Event, Flag, Span
from sitrep.model.records import FactKind
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document

UNKNOWN_OUTLET = "the outlet"


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    index: int | None
    span: Span


def facts_of(event: Event, triggers: list[Span]) -> list[Fact]:
    """The facts of an event with the words that state each one."""
    facts: list[Fact] = []
    anchor = next((t for t in triggers if any(e.contains(t) for e in event.evidence)), None)
    if anchor is None and event.evidence:
        anchor = event.evidence[0]
    if anchor is not None:
        facts.append(Fact("event", None, anchor))
    for kind, count in (("fatalities", event.fatalities), ("injured", event.injured), ("captured", event.captured)):
        facts.extend(Fact(kind, i, q.span) for i, q in enumerate(count.reported))  # type: ignore[arg-type]
    facts.extend(Fact("materiel", i, m.span) for i, m in enumerate(event.materiel))
    if event.location is not None and event.location.spans:
        facts.append(Fact("location", None, event.location.spans[0]))
    if event.date_span is not None:
        facts.append(Fact("date", None, event.date_span))
    return facts


def covering(span: Span, attributions: list[Attribution]) -> Attribution | None:
    """The attribution whose content holds ``span``: the innermost, so nested reports go to the nearest speaker.

    Only cues that report facts count: 'X plans to attack' or 'X criticized the raid' (class "other")
    say nothing about whether the raid happened.
    """
    holding = [a for a in attributions if a.content.contains(span) and a.cue_class != "other"]
    if not holding:
        return None
    return min(holding, key=lambda a: a.content.end - a.content.start)


def affiliations(actors: list[ActorMention]) -> dict[str, str]:
    """Mention text -> canonical actor ('Amrullah Saleh' -> 'National Resistance Front'), for party checks."""
    return {m.span.text.strip(): m.actor.name for m in actors}


def claim_for(fact: Fact, event: Event, attributions: list[Attribution], outlet: str,
              affiliation: dict[str, str], channels: dict[int, Channel | None] | None = None) -> Claim:
    """The claim on ``fact``; ``channels`` maps ``id(attribution)`` to the medium it was made through."""
    attribution = covering(fact.span, attributions)
    if attribution is None:
        # The outlet's own word; an outlet can itself be a party (a military's press release).
        return Claim(fact=fact.kind, fact_index=fact.index, claimant=outlet, stance="asserted", span=fact.span,
                     claimant_is_party=outlet != UNKNOWN_OUTLET and is_party_name(outlet, event))
    claimant = attribution.claimant or (attribution.source.text.strip() if attribution.source else outlet)
    party = is_party(claimant, attribution, event, affiliation.get(claimant)) if attribution.source else \
        outlet != UNKNOWN_OUTLET and is_party_name(outlet, event)
    channel = (channels or {}).get(id(attribution))
    return Claim(fact=fact.kind, fact_index=fact.index, claimant=claimant, claimant_span=attribution.source,
                 claimant_is_party=party, stance=attribution.stance, cue=attribution.cue, span=attribution.content,
                 commitment=attribution.commitment, channel=channel.name if channel else None,
                 channel_span=channel.span if channel else None)


def party_flags(event: Event) -> list[Flag]:
    """single_party_claim when some fact rests on one party's word alone; contested when a claim denies."""
    flags: list[Flag] = []
    lone: dict[str, list[str]] = {}  # claimant -> the facts resting on its word alone
    for kind in ("event", "fatalities", "injured", "captured", "materiel"):
        claims = [c for c in event.claims if c.fact == kind]
        claimants = {c.claimant for c in claims}
        if claims and all(c.claimant_is_party for c in claims) and len(claimants) == 1:
            lone.setdefault(claims[0].claimant, []).append(kind)
    for claimant, kinds in lone.items():
        # One span once, though several facts rest on the same sentence.
        spans = list({(s.start, s.end): s for c in event.claims if c.fact in kinds for s in [c.span]}.values())
        facts = " and ".join(kinds) if len(kinds) <= 2 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
        verb = "rests" if len(kinds) == 1 else "rest"
        flags.append(Flag(code="single_party_claim",
                          reason=f"{facts} {verb} only on the word of {claimant}, a party to the event",
                          spans=spans))
    denials = [c for c in event.claims if c.stance == "denied"]
    if denials:
        flags.append(Flag(code="contested", reason=f"{denials[0].claimant} denies it",
                          spans=[c.span for c in denials]))
    return flags


class ClaimAssessor(Component[list[Event]]):
    """Attaches claims and flags to each event."""

    name = "claims.assess"
    reads = ("events", "attributions", "actors")
    writes = ("events",)

    def match(self, doc: Document) -> list[Event]:
        outlet = doc.article.outlet or UNKNOWN_OUTLET
        triggers = [m.trigger for m in doc.event_mentions if m.trigger is not None]
        affiliation = affiliations(doc.actors)
        channels = {id(a): channel_of(doc, a) for a in doc.attributions}
        assessed = []
        for event in doc.events:
            event = event.model_copy(deep=True)
            event.claims = [claim_for(fact, event, doc.attributions, outlet, affiliation, channels)
                            for fact in facts_of(event, triggers)]
            flags = [f for f in event.flags if f.code not in ("single_party_claim", "contested",
                                                              "implausible_quantity", "party_claim_on_enemy")]
            flags.extend(party_flags(event))
            flags.extend(figure_flags(event, doc.attributions))
            flags.extend(f for m in event.materiel if (f := materiel_flag(m)) is not None)
            event.fatalities = best_fatalities(event, party_deniers(event, doc.attributions))
            event.injured, event.captured = without_bare(event.injured), without_bare(event.captured)
            event.flags = _merge(flags)
            assessed.append(event)
        return assessed

    def set_annotations(self, doc: Document, found: list[Event]) -> None:
        doc.events = found


def _merge(flags: list[Flag]) -> list[Flag]:
    """One flag per code: reasons and spans joined, so a reader sees each warning once."""
    merged: dict[str, Flag] = {}
    for flag in flags:
        if flag.code not in merged:
            merged[flag.code] = flag
            continue
        kept = merged[flag.code]
        merged[flag.code] = Flag(code=flag.code, reason=f"{kept.reason}; {flag.reason}",
                                 spans=[*kept.spans, *(s for s in flag.spans if s not in kept.spans)],
                                 source=kept.source if flag.source in (None, kept.source)
                                 else f"{kept.source}; {flag.source}")
    return list(merged.values())
