"""Deciding where a new mention goes: a new cluster, an existing one, or a bridge between several.

Each candidate cluster is scored by its best-matching main member. A pair of mentions scores (log-odds)

    bias + text * cosine + place[agreement] + date * closeness + gap * min(gap, 60)/60 + figures[agreement]
         + names * shared_names + specifics * shared_specifics + stale * (months apart, nothing specific shared)

(see ``pair_scores``); a cluster scores its best member's score moved ``support`` of the way towards its
median member's (a cluster is one incident: all its reports should look alike, not one; not when the best
member shares two rare names with the new report), and is joined when its score reaches ``threshold``. When
none does, the one candidate cluster that stands out (``lone_threshold``, ``lone_margin``: placed alike, close
in date or sharing a name or detail, every rival far below) is joined. The one must-not-link
rule vetoes a pair whatever its score: two town-level places far apart on one day-precise date, unless the
words agree, the two share a rare name, or one names the other's town (a misread place). A name or detail
the new report shares with three candidate clusters or more (a city's hospital, a common age) counts for
nothing (``common_keys``). A cluster with more vetoed members than matching ones is not joined. When
several clusters reach ``bridge_threshold`` a main report is taken to link them: they merge, the oldest
surviving. Ties break on cluster id, so the same input in the same order gives the same clusters.

The weights in ``DEFAULT_POLICY`` are a logistic regression fitted on the development split of the
clusters corpus by scripts/fit_merge_weights.py, the threshold chosen by a sweep (docs/clustering.md has
both); nothing in them names an item.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from sitrep.cluster.blocking import radius_km
from sitrep.cluster.mention import Mention, name_key
from sitrep.cluster.vector import centroid, cosine

__all__ = ["DEFAULT_POLICY", "Decision", "MergePolicy", "decide", "distance_km", "pair_scores"]

DecisionKind = Literal["new", "join", "bridge"]


@dataclass(frozen=True)
class MergePolicy:
    """Weights (log-odds of 'same incident') and thresholds of the merge decision (see docs/clustering.md)."""

    text: float = 16.0  # per unit of text cosine
    place_same: float = 1.0  # place agreement 1
    place_near: float = 0.6  # 0.5: near enough, or one place inside the other
    place_unknown: float = -0.6  # 0: a place missing, or only one region known
    place_apart_in_unit: float = -0.4  # -0.5: apart within one admin1 unit
    place_apart: float = -2.0  # -1: apart
    date: float = 5.1  # per unit of date closeness exp(-gap / date_scale_days)
    gap: float = -0.9  # per 60 days of date gap (capped at 60)
    figures_same: float = 0.4
    figures_apart: float = -0.2  # tolls are misread often: conflicting ones count little against a match
    names: float = 2.8  # per unit of shared rare names (one: 0.5, two or more: 1)
    specifics: float = 1.0  # per unit of shared ages, streets, blocks (one: 0.5, two or more: 1)
    # replaces the place weight when the places disagree (agreement below 0.5) but one report's town is the
    # other's by name: the same town name read as a namesake elsewhere, or the town its title names
    place_named: float | None = 1.0  # (None: not used)
    bias: float = -8.7
    threshold: float = 0.25  # log-odds needed to join (0 before the specifics and place_named features)
    bridge_threshold: float = 1.5  # log-odds each cluster needs for a report to bridge them
    date_scale_days: float = 4.0
    same_day_town_km: float = 25.0  # two town-level places farther apart than this, on one day: never one
    veto_text: float = 0.45  # ... unless their words agree this much (a misread place: same names, same story)
    veto_named: bool = True  # ... or they share a rare name, or one names the other's town (a misread place)
    centroid: bool = False  # also compare the text with the cluster's centroid (its main reports' words)
    # how far a cluster's score moves from its best-matching member towards its median one: one member alike
    # is not enough when the others are not (a round-up of a city's weekend shootings chained unrelated
    # incidents through one similar report each); 0 = single link
    support: float = 0.35
    # ... except when the best member shares this many units of rare names with the new report (1: two names
    # or more, not common ones): a trial months later names the victim and the accused, and the cluster's other
    # reports, told before anyone was named, should not pull it apart (0: the pull always applies)
    support_names: float = 1.0
    # the one candidate: when no cluster reaches ``threshold``, the best still joins if it scores at least
    # ``lone_threshold``, every other candidate cluster scores ``lone_margin`` less or more, and its best
    # member is placed alike (same or near place, or the town named) and close in date (closeness at least
    # ``lone_date``) or shares a rare name or detail: one report of a town's incident among no rival
    # incidents, told in other words (a page whose text is mostly links, a short wire item) (None: not used)
    lone_threshold: float | None = -2.0
    lone_margin: float = 4.0
    lone_date: float = 0.5
    # a name or detail the new report shares with this many candidate clusters or more says nothing about which
    # of them it belongs to (a city's hospital, a trauma centre's town, a common age): it is not counted as
    # shared (0: every shared name counts)
    common_clusters: int = 3
    # two reports a month or more apart (event dates and publication dates) that share no rare name and no
    # specific detail: a later report of one incident names its victim, street or age; without any, its words
    # alike ('Four shot in Eastgate') are a town's next incident (0: not used)
    stale: float = -3.0
    stale_days: int = 30

    def place_weight(self, agreement: float) -> float:
        table = {1.0: self.place_same, 0.5: self.place_near, 0.0: self.place_unknown,
                 -0.5: self.place_apart_in_unit, -1.0: self.place_apart}
        return table[agreement]


DEFAULT_POLICY = MergePolicy()


@dataclass(frozen=True)
class Decision:
    """Where a mention goes. ``cluster_ids``: joined cluster, or for a bridge the merged ones, oldest first."""

    kind: DecisionKind
    cluster_ids: tuple[str, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)


def distance_km(a: Mention, b: Mention) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _norm(name: str | None) -> str:
    return (name or "").strip().lower()


def place_agreement(a: Mention, b: Mention) -> float:
    """1 same place, 0.5 compatible (one contains the other or near enough), 0 unknown, -1 apart."""
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return -1.0
    if _norm(a.place_name) and _norm(a.place_name) == _norm(b.place_name) and _norm(a.admin1) == _norm(b.admin1):
        return 1.0
    km = distance_km(a, b)
    if km is None:
        return 0.0
    reach = max(radius_km(a.geo_precision), radius_km(b.geo_precision))
    if km <= reach:
        both_towns = a.geo_precision == 1 and b.geo_precision == 1
        return 1.0 if both_towns and km <= reach / 3 else 0.5
    if a.admin1 and a.admin1 == b.admin1:
        coarse = (a.geo_precision or 3) >= 3 or (b.geo_precision or 3) >= 3
        return 0.0 if coarse else -0.5
    return -1.0


def date_closeness(a: Mention, b: Mention, scale: float) -> float:
    """exp(-gap / scale) for the nearer of the event dates' gap and the publication dates' gap: a misread
    event date should not part two reports of one incident published days apart."""
    gaps = [abs((x - y).days) for x, y in ((a.anchor, b.anchor), (a.published, b.published)) if x and y]
    return math.exp(-min(gaps) / scale) if gaps else 0.0


def figure_agreement(a: Mention, b: Mention) -> float:
    """1 same toll, 0 unknown or compatible (a toll that rose), -1 incompatible."""
    known = [(a.killed, b.killed), (a.injured, b.injured)]
    if all(x is None or y is None for x, y in known):
        return 0.0
    if all(x == y for x, y in known if x is not None and y is not None):
        return 1.0
    total_a = (a.killed or 0) + (a.injured or 0)
    total_b = (b.killed or 0) + (b.injured or 0)
    # victims who die move from injured to killed: the total of people shot stays close
    if abs(total_a - total_b) <= max(1, min(total_a, total_b) // 3):
        return 0.0
    return -1.0


def shared_names(a: Mention, b: Mention, common: frozenset[str] = frozenset()) -> float:
    """0 no rare name in common, 0.5 one, 1 two or more (a victim and a suspect, a first and a full name);
    names in ``common`` (shared with many candidates) left out."""
    if not a.names or not b.names:
        return 0.0
    return min(len(set(a.names).intersection(b.names) - common), 2) / 2


def shared_specifics(a: Mention, b: Mention, common: frozenset[str] = frozenset()) -> float:
    """0 no specific detail in common, 0.5 one, 1 two or more (an age and a street...); details in ``common``
    left out."""
    if not a.specifics or not b.specifics:
        return 0.0
    return min(len(set(a.specifics).intersection(b.specifics) - common), 2) / 2


def common_keys(m: Mention, candidates: Mapping[str, Sequence[Mention]], at_least: int) -> frozenset[str]:
    """The names and details of ``m`` that the main members of ``at_least`` candidate clusters or more also
    give: in one city and season a hospital's name or a common age is no sign of one incident. Counted over
    the candidates only, so the cost stays bounded (no store-wide frequency)."""
    if at_least <= 0:
        return frozenset()
    own = set(m.names) | set(m.specifics)
    if not own:
        return frozenset()
    counts: Counter[str] = Counter()
    for members in candidates.values():
        found: set[str] = set()
        for member in members:
            if member.is_main:
                found.update(own.intersection(member.names))
                found.update(own.intersection(member.specifics))
        counts.update(found)
    return frozenset(key for key, n in counts.items() if n >= at_least)


@functools.lru_cache(maxsize=50_000)
def _title_key(title: str) -> str:
    return f" {name_key(title)} "


def place_named(a: Mention, b: Mention) -> bool:
    """Whether one report's town is the other's by name: the same town name (placed at namesakes in two
    states: 'Richmond' in Kentucky and in Virginia), or the town the other's title names ('Fort Lauderdale
    shooting victims' beside a report placed in Miami). A title tells the article's main incident only."""
    ka, kb = a.place_key, b.place_key
    if ka and ka == kb:
        return True
    return bool((ka and b.is_main and b.title and f" {ka} " in _title_key(b.title))
                or (kb and a.is_main and a.title and f" {kb} " in _title_key(a.title)))


def _family(m: Mention) -> str:
    return m.event_type


def vetoed(a: Mention, b: Mention, policy: MergePolicy = DEFAULT_POLICY,
           common: frozenset[str] = frozenset()) -> str | None:
    """Why ``a`` and ``b`` cannot be one incident, or None."""
    if a.date and b.date and a.date == b.date and a.date_precision == 1 == b.date_precision \
            and a.geo_precision == 1 == b.geo_precision and _norm(a.place_name) != _norm(b.place_name):
        km = distance_km(a, b)
        if km is not None and km > policy.same_day_town_km and cosine(a.vector, b.vector) < policy.veto_text \
                and not (policy.veto_named and (shared_names(a, b, common) or place_named(a, b))):
            return "different towns on one day"
    return None


def pair_scores(a: Mention, b: Mention, policy: MergePolicy = DEFAULT_POLICY,
                common: frozenset[str] = frozenset()) -> dict[str, float]:
    """The features of one pair and their weighted sum (``score``); ``common``: names and details that count
    for nothing (``common_keys``)."""
    gap = abs((a.anchor - b.anchor).days) if a.anchor and b.anchor else 60
    features = {
        "text": cosine(a.vector, b.vector),
        "place": place_agreement(a, b),
        "date": date_closeness(a, b, policy.date_scale_days),
        "gap": min(gap, 60) / 60,
        "figures": figure_agreement(a, b),
        "names": shared_names(a, b, common),
        "specifics": shared_specifics(a, b, common),
    }
    features["named"] = float(features["place"] < 0.5 and place_named(a, b))
    place = policy.place_named if features["named"] and policy.place_named is not None \
        else policy.place_weight(features["place"])
    figures = policy.figures_same if features["figures"] > 0 else policy.figures_apart if features["figures"] < 0 else 0
    score = (policy.bias + policy.text * features["text"] + place
             + policy.date * features["date"] + policy.gap * features["gap"] + figures
             + policy.names * features["names"] + policy.specifics * features["specifics"])
    features["stale"] = float(not features["names"] and not features["specifics"] and gap >= policy.stale_days
                              and a.published is not None and b.published is not None
                              and abs((a.published - b.published).days) >= policy.stale_days)
    score += policy.stale * features["stale"]
    return {**features, "score": round(score, 6)}


def _cluster_score(m: Mention, members: Sequence[Mention], policy: MergePolicy,
                   common: frozenset[str] = frozenset()) -> tuple[float, dict[str, float]]:
    # only the reports a cluster is about speak for it: an incident recalled in passing in another
    # article carries that article's words and is too often filed wrongly to chain further reports on
    members = [x for x in members if x.is_main]
    best: dict[str, float] = {"score": -math.inf}
    vetoes = 0
    every: list[float] = []
    for member in members:
        if vetoed(m, member, policy, common):
            vetoes += 1
            continue
        scores = pair_scores(m, member, policy, common)
        every.append(scores["score"])
        if scores["score"] > best["score"]:
            best = {**scores, "member": 0.0}
    if vetoes * 2 > len(members) or best["score"] == -math.inf:
        return -math.inf, {"vetoes": float(vetoes)}
    if len(every) > 1 and policy.support and not (policy.support_names and best["names"] >= policy.support_names):
        median = sorted(every, reverse=True)[len(every) // 2]
        best["score"] -= policy.support * (best["score"] - median)
    if policy.centroid and len(members) > 1:
        # the cluster's words together: a report may share names with the incident, not with any one report
        together = cosine(m.vector, centroid([x.vector for x in members]))
        if together > best["text"]:
            best["score"] += policy.text * (together - best["text"])
            best["text"] = together
    return best["score"], {k: v for k, v in best.items() if k != "member"}


def _age_key(cluster_id: str, members: Sequence[Mention]) -> tuple[str, str]:
    first = min((m.published.isoformat() for m in members if m.published), default="9999")
    return first, cluster_id


def _lone_candidate(features_of: Mapping[str, Mapping[str, float]], policy: MergePolicy) -> tuple[float, str] | None:
    """The one candidate cluster that stands out (``MergePolicy.lone_threshold``), or None."""
    if not features_of or policy.lone_threshold is None:
        return None
    ranked = sorted(((f["score"], cid) for cid, f in features_of.items()), key=lambda item: (-item[0], item[1]))
    score, cluster_id = ranked[0]
    if score < policy.lone_threshold or (len(ranked) > 1 and ranked[1][0] > score - policy.lone_margin):
        return None
    best = features_of[cluster_id]
    placed = best.get("place", 0.0) >= 0.5 or bool(best.get("named"))
    close = best.get("date", 0.0) >= policy.lone_date or bool(best.get("names")) or bool(best.get("specifics"))
    return (score, cluster_id) if placed and close else None


def decide(m: Mention, candidates: Mapping[str, Sequence[Mention]],
           policy: MergePolicy = DEFAULT_POLICY) -> Decision:
    """Where ``m`` goes among ``candidates`` (cluster id -> its member mentions). Deterministic."""
    scored: list[tuple[float, str]] = []
    details: dict[str, float] = {}
    features_of: dict[str, dict[str, float]] = {}
    common = common_keys(m, candidates, policy.common_clusters)
    for cluster_id in sorted(candidates):
        score, features = _cluster_score(m, candidates[cluster_id], policy, common)
        if score == -math.inf:
            continue
        details[cluster_id] = round(score, 4)
        features_of[cluster_id] = {**features, "score": score}
        if score >= policy.threshold:
            scored.append((score, cluster_id))
    if not scored and policy.lone_threshold is not None:
        lone = _lone_candidate(features_of, policy)
        if lone is not None:
            scored.append(lone)
    if not scored:
        return Decision("new", (), details)
    scored.sort(key=lambda item: (-item[0], item[1]))
    bridged = [cid for score, cid in scored if score >= policy.bridge_threshold]
    if len(bridged) >= 2 and m.is_main:  # an incident recalled in passing links nothing
        ordered = tuple(sorted(bridged, key=lambda cid: _age_key(cid, candidates[cid])))
        return Decision("bridge", ordered, details)
    return Decision("join", (scored[0][1],), details)
