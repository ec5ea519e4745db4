"""Fatality figures: ACLED's conservative best figure, and the flags the figures raise.

ACLED codes the lowest credible figure. Here a figure is credible unless it is flagged
implausible, and a figure that only a party to the fighting claims is set aside when an
independent figure exists (parties' claims about enemy losses are the least reliable).
"""

from __future__ import annotations

from sitrep.claims.party import parties, same_actor
from sitrep.claims.plausibility import fatality_flag, is_implausible
from sitrep.model import Attribution, Claim, Count, Event, Flag


def claim_on(event: Event, kind: str, index: int) -> Claim | None:
    return next((c for c in event.claims if c.fact == kind and c.fact_index == index), None)


def best_fatalities(event: Event) -> Count:
    reported = event.fatalities.reported
    if not reported:
        return event.fatalities
    credible = [i for i, q in enumerate(reported) if not is_implausible(q, event.event_type)]
    credible = credible or list(range(len(reported)))
    independent = [i for i in credible if not ((c := claim_on(event, "fatalities", i)) and c.claimant_is_party)]
    pool = independent or credible
    return Count(low=min(q.low if q.low is not None else q.value for q in reported),
                 best=min(reported[i].value for i in pool),
                 high=max(q.high if q.high is not None else q.value for q in reported),
                 reported=reported)


def figure_flags(event: Event, attributions: list[Attribution]) -> list[Flag]:
    flags = [f for q in event.fatalities.reported if (f := fatality_flag(q, event.event_type)) is not None]
    figures: dict[str, set[int]] = {}
    for i, q in enumerate(event.fatalities.reported):
        claim = claim_on(event, "fatalities", i)
        if claim is None:
            continue
        figures.setdefault(claim.claimant, set()).add(q.value)
        if claim.claimant_is_party and q.about and not same_actor(q.about, claim.claimant):
            flags.append(Flag(code="party_claim_on_enemy",
                              reason=f"{claim.claimant}, a party, gives the losses of {q.about} as {q.value}; "
                                     "kept, but not taken as best while an independent figure exists",
                              spans=[q.span]))
    if len(figures) > 1 and len({v for values in figures.values() for v in values}) > 1:
        told = "; ".join(f"{who}: {', '.join(map(str, sorted(v)))}" for who, v in figures.items())
        flags.append(Flag(code="contested", reason=f"conflicting fatality figures ({told})",
                          spans=[q.span for q in event.fatalities.reported]))
    names = parties(event)
    for attribution in attributions:
        if attribution.stance != "denied":
            continue
        by_party = attribution.claimant is not None and any(same_actor(attribution.claimant, n) for n in names)
        if by_party or any(attribution.content.overlaps(e) for e in event.evidence):
            flags.append(Flag(code="contested", reason=f"{attribution.claimant or 'a source'} denies: "
                                                       f"'{attribution.content.text[:80]}'",
                              spans=[s for s in (attribution.cue, attribution.content) if s is not None]))
    return flags
