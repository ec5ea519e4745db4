"""Fatality figures: ACLED's conservative best figure, and the flags the figures raise.

The figures are grouped by whom they count (``Quantity.about``, aliases of one actor together), as
``sitrep.events.fields.summarise`` groups them:

* figures about different groups add up ("61 soldiers" and "17 militants" = 78);
* figures about the same group are alternatives: those not from a party to the fighting are one report's
  partial counts and updated tolls and the largest, the full toll, is taken ('two were killed' ... 'a
  third victim died'); when only parties give figures, the lowest credible one (ACLED's rule);
* a figure about nobody in particular ("12 people") is a total: the best is at least that.

A count needs a number or a vague amount in the text ("several", "dozens"): a bare plural or a pronoun
("the terrorists were captured", "killing them", "Fatalities unknown") is kept in ``reported`` but counts
toward no low or best figure (``is_bare``). The quantities stage still reads such phrases as a vague plural,
for readers with other conventions (ISAF's annotators count "detained insurgents" as two or more).

A figure is credible unless it is flagged implausible. A figure its claim denies is kept in the
record and the high figure, but counts toward neither the best nor the low figure; so does a party's
figure for its enemy's losses when that enemy denies it ("the army denied the claim"). A party's figure for its enemy's losses is
kept and marked (``party_claim_on_enemy``) and is not taken as best while another figure for that
group exists; when every figure for a group is such a claim, the lowest one is used and the flag
says so. Figures conflict (``contested``) only when they count the same group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from sitrep.claims.party import parties, same_actor, same_side
from sitrep.claims.plausibility import fatality_flag, is_implausible
from sitrep.model import TITLE, Attribution, Claim, Count, Event, Flag, Quantity
from sitrep.quantities.headline import states_a_number
from sitrep.quantities.numbers import find_numbers
from sitrep.quantities.tolls import with_perpetrators


def is_bare(quantity: Quantity) -> bool:
    """A vague figure whose words hold no number and no vague amount: a bare plural ('the terrorists',
    'victims') or a pronoun ('them'). It says people were counted, not how many."""
    return quantity.vague and not find_numbers(quantity.span.text)


def without_bare(count: Count) -> Count:
    """``count`` with no low, best or high figure when every reported figure is bare (all stay reported)."""
    if count.reported and all(is_bare(q) for q in count.reported):
        return Count(reported=count.reported)
    return count


def claim_on(event: Event, kind: str, index: int) -> Claim | None:
    return next((c for c in event.claims if c.fact == kind and c.fact_index == index), None)


@dataclass
class Group:
    """The figures of an event that count one group (``about`` None: figures about nobody named)."""

    about: str | None
    indices: list[int] = field(default_factory=list)


def groups_of(figures: list[Quantity]) -> list[Group]:
    groups: list[Group] = []
    for i, q in enumerate(figures):
        group = next((g for g in groups if (g.about is None) == (q.about is None)
                      and (q.about is None or same_actor(g.about or "", q.about))), None)
        if group is None:
            group = Group(q.about)
            groups.append(group)
        group.indices.append(i)
    return groups


def on_enemy(event: Event, index: int) -> Claim | None:
    """The claim on figure ``index`` when a party gives it for another side's losses, else None."""
    about = event.fatalities.reported[index].about
    claim = claim_on(event, "fatalities", index)
    if claim is None or not claim.claimant_is_party or about is None or same_side(about, claim.claimant):
        return None
    return claim


def chosen(event: Event, group: Group) -> list[int]:
    """The figures of ``group`` the best figure may come from: credible, and not a party's word on its enemy
    while some other figure exists."""
    reported = event.fatalities.reported
    credible = [i for i in group.indices if not is_implausible(reported[i], event.event_type)] or group.indices
    return [i for i in credible if on_enemy(event, i) is None] or credible


def denied(event: Event, index: int, deniers: frozenset[str] = frozenset()) -> bool:
    """Whether figure ``index`` is given only to be denied ('the rebels deny that 17 fighters died'), or is
    a party's figure for its enemy's losses that the enemy denies ('the army denied the claim')."""
    claim = claim_on(event, "fatalities", index)
    if claim is not None and claim.stance == "denied":
        return True
    about = event.fatalities.reported[index].about
    return (about is not None and on_enemy(event, index) is not None
            and any(same_side(about, denier) for denier in deniers))


def party_deniers(event: Event, attributions: list[Attribution]) -> frozenset[str]:
    """The event's parties that deny something in its text ('The army denied the claim')."""
    names = parties(event)
    return frozenset(a.claimant for a in attributions if a.stance == "denied" and a.claimant is not None
                     and any(same_side(a.claimant, n) for n in names))


def _total(per_group: list[tuple[str | None, int]]) -> int:
    named = sum(v for about, v in per_group if about is not None)
    unnamed = [v for about, v in per_group if about is None]
    if unnamed:
        return max(unnamed[0], named) if len(per_group) > 1 else unnamed[0]
    return named


def _best(event: Event, pool: list[int]) -> int:
    """The best of one group's figures: figures from others than the parties are one report's partial
    counts and updated tolls ('two were killed' ... 'a third victim died'), so the largest, the full
    toll, is best; when only parties give figures, ACLED's lowest credible one."""
    reported = event.fatalities.reported
    independent = [i for i in pool if (c := claim_on(event, "fatalities", i)) is None or not c.claimant_is_party]
    if independent:
        # A figure the text writes beats a bare plural's guess ('the victims' = 3).
        stated = [i for i in independent if not reported[i].vague] or independent
        return max(reported[i].value for i in stated)
    return min(reported[i].value for i in pool)


def best_fatalities(event: Event, deniers: frozenset[str] = frozenset()) -> Count:
    """``deniers``: the event's parties that deny something (:func:`party_deniers`)."""
    reported = event.fatalities.reported
    if not reported:
        return event.fatalities
    attackers = [i for i, q in enumerate(reported) if q.perpetrator and not denied(event, i, deniers)]
    victims = _victims_best(event, [i for i, q in enumerate(reported) if not q.perpetrator], deniers)
    return with_perpetrators(victims, [reported[i].value for i in attackers])


def _victims_best(event: Event, indices: list[int], deniers: frozenset[str]) -> Count:
    """ACLED's conservative figures over the figures ``indices`` (the victims')."""
    reported = event.fatalities.reported
    if not indices:
        return Count(reported=reported)
    # The headline's figures ('One dead, four wounded in ...', spans of the title) are the ones counted when it
    # states a number (events.fields.headline_first); every figure stays reported.
    title = {i for i in indices if reported[i].span.field == TITLE}
    counted_here = title if any(states_a_number(reported[i].span.text) for i in title) or len(title) == len(
        indices) else set(indices)
    groups = [g for g in (Group(g.about, [i for i in g.indices if i in counted_here]) for g in groups_of(reported))
              if g.indices]
    # ACLED's conservative rule: a denied figure is reported (and bounds the high figure) but never counted;
    # nor is a bare plural, which gives no figure at all.
    counted = [(g, [i for i in g.indices if not denied(event, i, deniers) and not is_bare(reported[i])])
               for g in groups]
    lows = [(g.about, min(q.low if q.low is not None else q.value for q in (reported[i] for i in kept)))
            for g, kept in counted if kept]
    bests = [(g.about, _best(event, pool)) for g, kept in counted
             if (pool := [i for i in chosen(event, g) if i in kept] or kept)]
    highs = [(g.about, max(q.high if q.high is not None else q.value for q in (reported[i] for i in g.indices)))
             for g in groups if any(not is_bare(reported[i]) for i in g.indices)]
    if not bests:
        return Count(reported=reported)
    return Count(low=_total(lows) if lows else None, best=_total(bests), high=_total(highs) if highs else None,
                 reported=reported)


def conflicting_figures(event: Event) -> list[Flag]:
    """'contested' when a party's figure for a group's losses differs from someone else's for the same group.

    Figures about different groups ('61 soldiers', '17 militants') do not conflict; two figures from
    independent sources often count different sets ('27 across the country', '20 in Samangan'), so only
    a party against another voice, about the same named group, counts as a conflict.
    """
    reported = event.fatalities.reported
    flags = []
    for group in groups_of(reported):
        if group.about is None:
            continue
        told = [(c, reported[i]) for i in group.indices if (c := claim_on(event, "fatalities", i)) is not None]
        for (a, qa), (b, qb) in combinations(told, 2):
            if a.claimant != b.claimant and (a.claimant_is_party or b.claimant_is_party) and qa.value != qb.value:
                flags.append(Flag(code="contested",
                                  reason=f"conflicting figures for {group.about}: {qa.value} ({a.claimant}) "
                                         f"against {qb.value} ({b.claimant})", spans=[qa.span, qb.span]))
    return flags


def enemy_flags(event: Event, deniers: frozenset[str] = frozenset()) -> list[Flag]:
    """``party_claim_on_enemy`` for each party's figure on another side's losses, saying whether it is set aside."""
    reported = event.fatalities.reported
    flags = []
    for group in groups_of(reported):
        pool = chosen(event, group)
        for i in group.indices:
            claim = on_enemy(event, i)
            if claim is None:
                continue
            q = reported[i]
            if denied(event, i, deniers):
                note = f"{q.about} denies it, so it is kept but not counted in the best or low figure"
            elif i in pool:
                note = (f"every figure for {q.about} is a party's claim; the lowest ({min(reported[j].value for j in pool)})"
                        " is taken as best")
            else:
                note = "kept, but not taken as best while an independent figure exists"
            flags.append(Flag(code="party_claim_on_enemy",
                              reason=f"{claim.claimant}, a party, gives the losses of {q.about} as {q.value}; {note}",
                              spans=[q.span]))
    return flags


def figure_flags(event: Event, attributions: list[Attribution]) -> list[Flag]:
    flags = [f for q in event.fatalities.reported if (f := fatality_flag(q, event.event_type)) is not None]
    flags.extend(enemy_flags(event, party_deniers(event, attributions)))
    flags.extend(conflicting_figures(event))
    names = parties(event)
    for attribution in attributions:
        if attribution.stance != "denied":
            continue
        by_party = attribution.claimant is not None and any(same_side(attribution.claimant, n) for n in names)
        if by_party or any(attribution.content.overlaps(e) for e in event.evidence):
            flags.append(Flag(code="contested", reason=f"{attribution.claimant or 'a source'} denies: "
                                                       f"'{attribution.content.text[:80]}'",
                              spans=[s for s in (attribution.cue, attribution.content) if s is not None]))
    return flags
