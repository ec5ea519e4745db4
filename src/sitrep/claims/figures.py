"""Fatality figures: ACLED's conservative best figure, and the flags the figures raise.

ACLED codes the lowest credible figure. Here a figure is credible unless it is flagged
implausible, and a figure that only a party to the fighting claims is set aside when an
independent figure exists (parties' claims about enemy losses are the least reliable).
"""

from __future__ import annotations

from itertools import combinations

from sitrep.claims.party import parties, same_actor
from sitrep.claims.plausibility import fatality_flag, is_implausible
from sitrep.model import Attribution, Claim, Count, Event, Flag, Quantity


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


def conflicting_figures(event: Event) -> list[Flag]:
    """'contested' when a party's figure for a group's losses differs from someone else's for the same group.

    Two figures from different sources often count different sets ('27 across the country', '20 in
    Samangan'), so only a party against another voice, about the same named group, counts as a conflict.
    """
    told: list[tuple[Claim, Quantity]] = []
    for i, q in enumerate(event.fatalities.reported):
        claim = claim_on(event, "fatalities", i)
        if claim is not None and q.about:
            told.append((claim, q))
    flags = []
    for (a, qa), (b, qb) in combinations(told, 2):
        if a.claimant != b.claimant and (a.claimant_is_party or b.claimant_is_party) \
                and qa.value != qb.value and same_actor(qa.about or "", qb.about or ""):
            flags.append(Flag(code="contested",
                              reason=f"conflicting figures for {qa.about}: {qa.value} ({a.claimant}) "
                                     f"against {qb.value} ({b.claimant})", spans=[qa.span, qb.span]))
    return flags


def figure_flags(event: Event, attributions: list[Attribution]) -> list[Flag]:
    flags = [f for q in event.fatalities.reported if (f := fatality_flag(q, event.event_type)) is not None]
    for i, q in enumerate(event.fatalities.reported):
        claim = claim_on(event, "fatalities", i)
        if claim is not None and claim.claimant_is_party and q.about and not same_actor(q.about, claim.claimant):
            flags.append(Flag(code="party_claim_on_enemy",
                              reason=f"{claim.claimant}, a party, gives the losses of {q.about} as {q.value}; "
                                     "kept, but not taken as best while an independent figure exists",
                              spans=[q.span]))
    flags.extend(conflicting_figures(event))
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
