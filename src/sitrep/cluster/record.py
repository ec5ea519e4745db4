"""``build_cluster_record``: one incident's record, derived from its member reports by a fixed policy.

Members come in ingest order; "earlier" and "later" below mean by publication date (then ingest order).

- **type**: the sub-event type most reports give (ties: the earliest report's).
- **date**: the date the reports about the incident (prominence 'main') give, each report's vote weighed by
  the precision of its date (a day 1, a week 1/2, a month 1/4: a report that gives no day and falls back to its
  publication date counts half), ties to the earliest date; reports that only recall the incident vote when no
  report is about it (measured against "most precise consistent" on both dev halves, docs/evaluation.md). A day
  the report names only by words read against its publication date, where that reading is least sure, votes
  0.8 of its weight (``_loose_day``): a phrase of the day of publication ('last night', 'today', 'overnight':
  right only if the publication date is the local day of writing), a weekday more than three days back (the same
  weekday of another week when the publication date is off) and a holiday more than three days back (another
  year's, or recalled: 'since Easter'). A day written out ('June 7') or a weekday of the last three days keeps
  its full vote.
- **place**: most precise consistent: the admin1 unit most placed reports agree on; inside it the finest
  geo precision, and at that precision the place most reports name (ties: the earliest report's). Reports
  placed elsewhere stay members but do not move the place.
- **actors**: every actor any report names, with each role it is given and how many reports name it.
- **fatalities / injured**: read from the reports that are about the incident (prominence 'main'); an
  article that recalls it in passing gives its figures only when no such report does. Each non-party report
  votes for its figure, ``best`` is the figure with the most votes (a single report's misread figure does not
  override several that agree):
  - a report that counts the victims of the other kind but gives no figure of this kind ('a man was shot and
    wounded': no death) votes 0, once any report gives a figure of this kind (no figure anywhere stays none);
  - a report whose own figures of that kind disagree (its ``low`` differs from its ``high``) votes half;
  - a report that a report of a later day (within 30 days) updates (as many people shot, more of them dead: a
    wounded victim died) votes the later report's killed and injured;
  - among figures equally supported, the killed toll is the latest report's (tolls rise as victims die, so a
    later non-party report supersedes an earlier one), the injured figure the lowest (a wounded victim who dies
    leaves the injured; reports over-count the wounded more often than they under-count them).
  ``low`` is the least and ``high`` the most any non-party report gives (a vote of 0 counts for ``low``). A
  report whose figure rests only on a party's claim (every claim on that figure is by a party to the event)
  raises ``high`` only, until a non-party source gives a figure. Measured 2026-12-07, docs/evaluation.md.
- **sources**: distinct independent origins (``origin.origin_key``); wire reprints count once.
- **claims_by_side**: every claim of every report, grouped by claimant (each once, names case-folded),
  the claimant on the ``party`` side when any report counts it a party to the event.
- **contested**: sides disagree on whether it happened (one denies the event another asserts) or on the
  figures (a party's figure differs from a non-party's, or two parties give different figures), or a
  report flagged the event contested itself; ``contested_reasons`` says which.
- **flags**: each report's flags, once per (code, reason).
- **first_reported / last_updated**: the earliest and latest publication dates.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.cluster.origin import origin_key
from sitrep.dates import lexicon
from sitrep.model.cluster import (
    ArticleMeta,
    ClaimantClaims,
    ClusterActor,
    ClusterClaim,
    ClusterRecord,
    MemberReport,
    ReportRef,
)
from sitrep.model.records import Count, Event, Flag, Place

__all__ = ["Vote", "build_cluster_record", "explain_merged", "member_origin"]

_LATE = dt.date.max


def member_origin(article: ArticleMeta) -> str:
    return article.origin or origin_key(article)


def _chronological(members: Sequence[MemberReport]) -> list[MemberReport]:
    order = {id(m): i for i, m in enumerate(members)}
    return sorted(members, key=lambda m: (m.article.published or _LATE, order[id(m)]))


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    if not counts:
        return None
    top = max(counts.values())
    # first reached in the given (chronological) order among the most common
    return next(v for v in counts if counts[v] == top)


# A report's vote for its date by the date's ACLED precision: a day counts fully, a week (mostly the publication
# date standing in for an undated report) half, a month a quarter (measured 2026-12-07, docs/evaluation.md).
_DATE_VOTE = {1: 1.0, 2: 0.5, 3: 0.25}
_YEAR_VOTE = 0.05
_PRECISION_NAMES = {2: "week", 3: "month"}


def _about(members: Sequence[MemberReport]) -> list[MemberReport]:
    """The reports about the incident (prominence 'main'); all members when none is."""
    return [m for m in members if m.event.prominence in (None, "main")] or list(members)


@dataclass(frozen=True)
class Vote:
    """One report's vote on a merged value: the value, its weight and why it weighs so."""

    value: Any
    weight: float
    article_id: str
    why: str = ""


# A day named only by words read against the publication date, where that reading is least sure, votes this share
# of its weight; "near" is within this many days before publication (measured 2026-12-08, docs/evaluation.md).
_LOOSE_DAY_VOTE = 0.8
_NEAR_DAYS = 3


def _loose_day(event: Event, published: dt.date | None) -> str | None:
    """Why the report's day is loosely read ('weekday 5 days back'), or None when it is written out or near.

    Reports in this corpus write a weekday of the last three days and are right most often; a weekday further
    back is sometimes the same weekday of another week (a publication date days off), a holiday further back
    another year's or one recalled ('since Easter'), and a phrase of the day of publication ('last night',
    'today', 'overnight') is only as right as the publication date is the local day of writing.
    """
    if event.date is None or event.date_precision != 1 or event.date_span is None:
        return None
    words = event.date_span.text
    if lexicon.explicit_pattern().search(words) or lexicon.iso_pattern().search(words):
        return None  # a calendar day written out
    back = (published - event.date).days if published is not None else 0
    if lexicon.holiday_pattern().search(words):
        return f"holiday {back} days back" if back > _NEAR_DAYS else None
    if lexicon.weekday_pattern().search(words):
        return f"weekday {back} days back" if back > _NEAR_DAYS else None
    if _of_publication_day(words):
        return "read from the publication day"
    return None


def _of_publication_day(words: str) -> bool:
    """'last night', 'this morning', 'overnight', 'two days ago': a day counted from the publication date."""
    relative = lexicon.relative_pattern().search(words)
    if relative is not None:
        expression = lexicon.relative_expressions().get(" ".join(relative["phrase"].lower().split()))
        if expression is not None and expression.unit == "day":
            return True
    ago = lexicon.ago_pattern().search(words)
    return bool(lexicon.overnight_pattern().search(words) or (ago and ago["unit"].lower().startswith("day")))


def _date_votes(members: Sequence[MemberReport]) -> list[Vote]:
    votes = []
    for member in _about(members):
        event = member.event
        if event.date is None:
            continue
        precision = event.date_precision or 3
        weight = _DATE_VOTE.get(precision, _YEAR_VOTE)
        why = "" if precision == 1 else _PRECISION_NAMES.get(precision, "year")
        loose = _loose_day(event, member.article.published)
        if loose is not None:
            weight, why = weight * _LOOSE_DAY_VOTE, loose
        votes.append(Vote(event.date, weight, member.article.id, why))
    return votes


def _merged_date(members: Sequence[MemberReport]) -> tuple[dt.date | None, int | None]:
    """The date the reports about the incident give, each report's vote weighed by its date's precision (ties: the
    earliest date); reports that only recall the incident vote when no report is about it."""
    votes = _date_votes(members)
    if not votes:
        return None, None
    support = _support(votes)
    top = max(support.values())
    date = min(d for d, n in support.items() if abs(n - top) < 1e-9)
    precision = min(m.event.date_precision or 3 for m in _about(members) if m.event.date == date)
    return date, precision


def _support(votes: Sequence[Vote]) -> dict[Any, float]:
    support: dict[Any, float] = {}
    for vote in votes:
        support[vote.value] = support.get(vote.value, 0.0) + vote.weight
    return support


def _merged_place(members: Sequence[MemberReport]) -> Place | None:
    placed = [m.event.location for m in members if m.event.location is not None]
    if not placed:
        return None
    unit = _most_common(p.admin1 or p.country or "" for p in placed)
    consistent = [p for p in placed if (p.admin1 or p.country or "") == unit]
    finest = min(p.geo_precision or 3 for p in consistent)
    at_finest = [p for p in consistent if (p.geo_precision or 3) == finest]
    name = _most_common(p.name for p in at_finest)
    return next(p for p in at_finest if p.name == name)


def _actors(members: Sequence[MemberReport]) -> list[ClusterActor]:
    found: dict[str, ClusterActor] = {}
    for member in members:
        event = member.event
        named_here: set[str] = set()
        roles = [("actor1", event.actor1), ("actor2", event.actor2)]
        roles += [("assoc_actor", a) for a in event.assoc_actors]
        for role, actor in roles:
            if actor is None:
                continue
            entry = found.setdefault(actor.name, ClusterActor(actor=actor.model_copy(update={"spans": []})))
            if role not in entry.roles:
                entry.roles.append(role)  # type: ignore[arg-type]
            if actor.name not in named_here:
                entry.reports += 1
                named_here.add(actor.name)
    return sorted(found.values(), key=lambda a: (-a.reports, a.actor.name))


def _party_only(event: Event, fact: str) -> bool:
    claims = [c for c in event.claims if c.fact == fact]
    return bool(claims) and all(c.claimant_is_party for c in claims)


# A report's vote on a figure: a report whose own figures of that kind disagree (its low differs from its high:
# "two wounded ... three people were hurt") is less sure of it and votes half (measured 2026-12-07, docs/evaluation.md).
_UNSURE_VOTE = 0.5


@dataclass(frozen=True)
class _Victims:
    """The killed and injured a report tells, a figure it does not give read as 0."""

    killed: int
    injured: int

    @property
    def shot(self) -> int:
        return self.killed + self.injured


def _victims(event: Event) -> _Victims | None:
    """The victims a report tells; None when it gives neither figure."""
    killed, injured = event.fatalities.best, event.injured.best
    if killed is None and injured is None:
        return None
    return _Victims(killed or 0, injured or 0)


# A wounded victim's death is reported within weeks; a report a year on (a trial, an indictment: 'five attempted
# murders') that reads the figures otherwise updates nothing (measured 2026-12-07, docs/evaluation.md).
_UPDATE_DAYS = 30


def _died_since(about: Sequence[MemberReport]) -> dict[int, _Victims]:
    """Reports (by index) that a report of a later day, within ``_UPDATE_DAYS``, updates: it tells as many people
    shot, more of them dead (a wounded victim died), so the earlier report's figures are the later one's (the
    latest such report's)."""
    updated: dict[int, _Victims] = {}
    for i, member in enumerate(about):
        told, day = _victims(member.event), member.article.published
        if told is None or day is None:
            continue
        for later in about[i + 1:]:
            now, when = _victims(later.event), later.article.published
            if (now is not None and when is not None and 0 < (when - day).days <= _UPDATE_DAYS
                    and now.killed > told.killed and now.shot == told.shot):
                updated[i] = now
    return updated


def _figure_votes(about: Sequence[MemberReport], kind: str) -> list[Vote]:
    """Each non-party report's vote on the figure of ``kind``, in time order.

    A report that counts the victims of the other kind but none of this one ('a man was shot and wounded': no
    death) says none of this kind died or was hurt, so it votes 0 (``_merged_count`` counts these votes only when
    some report gives a figure of this kind). A report that a later day's report updates (``_died_since``) votes
    the later figure.
    """
    other = "injured" if kind == "fatalities" else "fatalities"
    updated = _died_since(about)
    votes: list[Vote] = []
    for i, member in enumerate(about):
        count: Count = getattr(member.event, kind)
        if count.best is None and count.high is None:
            if getattr(member.event, other).best is not None:
                vote = Vote(0, 1.0, member.article.id, "none told")
            else:
                continue
        elif count.best is None or _party_only(member.event, kind):
            continue
        else:
            sure = count.low is None or count.high is None or count.low == count.high
            vote = Vote(count.best, 1.0 if sure else _UNSURE_VOTE, member.article.id,
                        "" if sure else f"unsure: {count.low}-{count.high}")
        if i in updated:
            value = updated[i].killed if kind == "fatalities" else updated[i].injured
            vote = Vote(value, vote.weight, vote.article_id, f"{vote.value} then, a victim died since")
        votes.append(vote)
    return votes


def _merged_count(members: Sequence[MemberReport], kind: str) -> Count:
    """The cluster's figure of ``kind`` ('fatalities' or 'injured') by the policy in the module docstring."""
    independent: list[Count] = []
    party: list[Count] = []
    reported = []
    about = _about(members)
    for member in about:
        count: Count = getattr(member.event, kind)
        if count.best is None and count.high is None:
            continue
        reported.extend(count.reported)
        (party if _party_only(member.event, kind) else independent).append(count)
    highs = [c.high if c.high is not None else c.best for c in (*independent, *party)]
    high = max((h for h in highs if h is not None), default=None)
    if not independent:
        return Count(high=high, reported=reported)
    votes = _figure_votes(about, kind)
    lows = [c.low if c.low is not None else c.best for c in independent] + [v.value for v in votes if v.value == 0]
    return Count(low=min((v for v in lows if v is not None), default=None),
                 best=_voted_figure(votes, latest=kind == "fatalities"), high=high, reported=reported)


def _voted_figure(votes: Sequence[Vote], latest: bool) -> int | None:
    """The figure with the most votes; among figures equally supported the latest given when ``latest`` (a toll
    that rose: victims die), else the lowest (a wounded victim who dies leaves the injured, and reports count more
    wounded than there were more often than fewer: the dead among the shot, another incident's wounded)."""
    if not votes:
        return None
    support = _support(votes)
    last = {vote.value: i for i, vote in enumerate(votes)}
    top = max(support.values())
    tied = [v for v, n in support.items() if abs(n - top) < 1e-9]
    return int(max(tied, key=lambda v: last[v]) if latest else min(tied))


def _tally(votes: Sequence[Vote]) -> str:
    support = _support(votes)
    parts = []
    for value in sorted(support, key=lambda v: (-support[v], str(v))):
        voters = ", ".join(v.article_id + (f" ({v.why})" if v.why else "") for v in votes if v.value == value)
        parts.append(f"{value} {support[value]:g} [{voters}]")
    return "; ".join(parts)


def explain_merged(members: Sequence[MemberReport]) -> list[str]:
    """How the merged date and figures were chosen: each value's votes and the reports that cast them (for
    `sitrep show --explain`; the same votes ``build_cluster_record`` counts)."""
    ordered = _chronological(members)
    about = _about(ordered)
    lines = [f"reports about the incident (prominence main) vote: {len(about)} of {len(ordered)}; a date weighs by "
             "its precision (day 1, week 1/2, month 1/4; a day loosely read 0.8 of that), a figure 1/2 when its report gives a range (unsure), and a "
             "report counting only the other kind of victim votes 0 (none told)"]
    date, _ = _merged_date(ordered)
    if date is not None:
        lines.append(f"date {date} (ties: the earliest): " + _tally(_date_votes(ordered)))
    for kind, tie in (("fatalities", "the latest report's"), ("injured", "the lowest")):
        count = _merged_count(ordered, kind)
        if count.best is None:
            if count.high is not None:
                lines.append(f"{kind}: only a party's claim, high {count.high}")
            continue
        lines.append(f"{kind} best {count.best} (non-party reports; ties: {tie}): " + _tally(_figure_votes(about, kind)))
    return lines


def _figure_value(event: Event, fact: str, index: int | None) -> int | None:
    if fact not in ("fatalities", "injured") or index is None:
        return None
    reported = getattr(event, fact).reported
    return reported[index].value if 0 <= index < len(reported) else None


def _claims_by_side(members: Sequence[MemberReport]) -> dict[str, list[ClaimantClaims]]:
    """Each claimant once (names compared case-folded), on the party side when any report counts it a party."""
    by_claimant: dict[str, ClaimantClaims] = {}
    for member in members:
        for claim in member.event.claims:
            entry = by_claimant.setdefault(claim.claimant.casefold(),
                                           ClaimantClaims(claimant=claim.claimant, side="non_party"))
            if claim.claimant_is_party:
                entry.side = "party"
            entry.claims.append(ClusterClaim(
                article_id=member.article.id, fact=claim.fact, stance=claim.stance, span=claim.span,
                value=_figure_value(member.event, claim.fact, claim.fact_index)))
    sides: dict[str, list[ClaimantClaims]] = {}
    for key in sorted(by_claimant):
        entry = by_claimant[key]
        sides.setdefault(entry.side, []).append(entry)
    return sides


def _contested(members: Sequence[MemberReport], sides: dict[str, list[ClaimantClaims]]) -> list[str]:
    reasons: list[str] = []
    every = [(entry, claim) for entries in sides.values() for entry in entries for claim in entry.claims]
    deniers = sorted({e.claimant for e, c in every if c.fact == "event" and c.stance == "denied"})
    asserted = any(c.fact == "event" and c.stance != "denied" for _, c in every)
    if deniers and asserted:
        reasons.append(f"whether it happened: denied by {', '.join(deniers)}")
    for fact in ("fatalities", "injured"):
        values: dict[str, set[int]] = {}
        for entry, claim in every:
            if claim.fact == fact and claim.value is not None and claim.stance != "denied":
                values.setdefault(f"{entry.side}:{entry.claimant}", set()).add(claim.value)
        party = {k: v for k, v in values.items() if k.startswith("party:")}
        others = set().union(*(v for k, v in values.items() if not k.startswith("party:")))
        party_values = set().union(*party.values()) if party else set()
        if party and others and party_values.isdisjoint(others):
            reasons.append(f"{fact}: parties give {sorted(party_values)}, others {sorted(others)}")
        elif len(party) >= 2 and len(party_values) >= 2 and all(len(v) == 1 for v in party.values()):
            reasons.append(f"{fact}: parties disagree ({sorted(party_values)})")
    for member in members:
        for flag in member.event.flags:
            if flag.code == "contested" and flag.reason not in reasons:
                reasons.append(flag.reason)
    return reasons


def _flags(members: Sequence[MemberReport]) -> list[Flag]:
    seen: dict[tuple[str, str], Flag] = {}
    for member in members:
        for flag in member.event.flags:
            seen.setdefault((flag.code, flag.reason), flag)
    return list(seen.values())


def _report(member: MemberReport) -> ReportRef:
    article, event = member.article, member.event
    return ReportRef(article_id=article.id, event_id=event.id, outlet=article.outlet, url=article.url,
                     title=article.title, published=article.published, origin=member_origin(article),
                     prominence=event.prominence, evidence=list(event.evidence))


def build_cluster_record(cluster_id: str, members: Sequence[MemberReport]) -> ClusterRecord:
    """The record of the cluster ``cluster_id`` made of ``members`` (in ingest order; at least one)."""
    if not members:
        raise ValueError("a cluster has at least one member report")
    ordered = _chronological(members)
    subtype = _most_common(m.event.sub_event_type for m in ordered)
    typed = next(m.event for m in ordered if m.event.sub_event_type == subtype)
    date, precision = _merged_date(ordered)
    reports = [_report(m) for m in ordered]
    origins = sorted({r.origin for r in reports})
    sides = _claims_by_side(ordered)
    reasons = _contested(ordered, sides)
    published = [m.article.published for m in ordered if m.article.published]
    return ClusterRecord(
        id=cluster_id,
        event_type=typed.event_type,
        sub_event_type=typed.sub_event_type,
        date=date,
        date_precision=precision,
        location=_merged_place(ordered),
        actors=_actors(ordered),
        fatalities=_merged_count(ordered, "fatalities"),
        injured=_merged_count(ordered, "injured"),
        reports=reports,
        sources=len(origins),
        origins=origins,
        claims_by_side=sides,
        contested=bool(reasons),
        contested_reasons=reasons,
        flags=_flags(ordered),
        first_reported=min(published, default=None),
        last_updated=max(published, default=None),
        prominence=members[0].event.prominence,
    )
