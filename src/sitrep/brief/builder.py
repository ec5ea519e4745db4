"""Build a situation brief from the store: deterministic, templated, every sentence sourced.

Sections: overview (counts by type and area, change from the previous period of the same
length), main incidents by severity, fatalities as ranges, contested claims stated as such,
actors new to the area. A sentence is made only with the events it rests on; they are
numbered in order of first citation, and each number links to /api/events/{id}.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sitrep.brief import templates as t
from sitrep.brief.collect import Period, area_filter, fetch_clusters, previous_period
from sitrep.brief.model import Brief, Reference, Section, Sentence
from sitrep.filters import EventFilter

__all__ = ["MAX_CITED", "build_brief"]

MAX_CITED = 12  # citations on one sentence; counts over more events cite the first twelve and say so
TOP_INCIDENTS = 5
QUOTE_CHARS = 160
MAX_STATEMENTS = 4  # claimants quoted on one contested incident


class Citations:
    """Numbers events in order of first citation."""

    def __init__(self, url_prefix: str) -> None:
        self.url_prefix = url_prefix
        self.numbers: dict[str, int] = {}
        self.references: list[Reference] = []

    def cite(self, clusters: Iterable[Any]) -> tuple[int, ...]:
        numbers = []
        for cluster in clusters:
            if cluster.id not in self.numbers:
                n = len(self.references) + 1
                self.numbers[cluster.id] = n
                self.references.append(Reference(n, cluster.id, f"{self.url_prefix}{cluster.id}", label(cluster)))
            numbers.append(self.numbers[cluster.id])
        return tuple(dict.fromkeys(numbers))

    def sentence(self, text: str, clusters: Sequence[Any]) -> Sentence:
        shown = clusters[:MAX_CITED]
        if len(clusters) > len(shown):
            text = text[:-1] + t.MORE.format(shown=len(shown), total=len(clusters)) + text[-1]
        return Sentence(text, self.cite(shown))


def place_name(cluster: Any) -> str:
    place = cluster.location
    if place is None:
        return "an unknown place"
    return ", ".join(dict.fromkeys(p for p in (place.name, place.admin1) if p)) or "an unknown place"


def label(cluster: Any) -> str:
    when = cluster.date.isoformat() if cluster.date else "undated"
    return f"{when} {cluster.sub_event_type}, {place_name(cluster)}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def fatality_range(low: int | None, high: int | None) -> str:
    low = low or 0
    high = high if high is not None else low
    return str(high) if low == high else f"{low}-{high}"


def _severity(cluster: Any) -> tuple[int, int, int, str]:
    f = cluster.fatalities
    return (-(f.best or 0), -(f.high or 0), -cluster.sources, cluster.id)


def _counts(values: Iterable[str]) -> list[tuple[str, int]]:
    return sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0]))


def _overview(c: Citations, area: str, period: Period, prev: Period, now: list[Any], before: list[Any]) -> Section:
    by_type = _counts(x.event_type for x in now)
    sentences = [c.sentence(t.OVERVIEW.format(
        date_from=period.date_from, date_to=period.date_to, events=plural(len(now), "event"),
        were="was" if len(now) == 1 else "were", area=area,
        by_type=", ".join(f"{name}: {n}" for name, n in by_type)), now)]
    areas = _counts(x.location.admin1 for x in now if x.location is not None and x.location.admin1)
    if len(areas) > 1:
        by_area = ", ".join(f"{name} {n}" for name, n in areas)
        sentences.append(c.sentence(t.BY_AREA.format(by_area=by_area), [x for x in now if x.location]))
    days, fmt = prev.days, {"prev_from": prev.date_from, "prev_to": prev.date_to}
    if not before:
        sentences.append(c.sentence(t.CHANGE_NEW.format(days=days, **fmt), now))
    elif len(now) == len(before):
        sentences.append(c.sentence(t.CHANGE_SAME.format(days=days, **fmt), [*now, *before]))
    else:
        template = t.CHANGE_UP if len(now) > len(before) else t.CHANGE_DOWN
        sentences.append(c.sentence(template.format(delta=abs(len(now) - len(before)),
                                                    previous=len(before), days=days, **fmt), before))
    return Section(t.SECTION_TITLES["overview"], tuple(sentences))


def _actor_names(cluster: Any, role: str) -> list[str]:
    return [a.actor.name for a in cluster.actors if role in a.roles]


def _incident(c: Citations, cluster: Any) -> Sentence:
    first = _actor_names(cluster, "actor1")
    second = [name for name in _actor_names(cluster, "actor2") if name not in first[:1]]
    actors = ""
    if first:
        actors = f": {first[0]}" + (f" against {second[0]}" if second else "")
    f = cluster.fatalities
    toll = f", {fatality_range(f.low, f.high)} killed" if f.high else ""
    text = t.INCIDENT.format(date=cluster.date or "an unknown date", what=cluster.sub_event_type.lower(),
                             place=place_name(cluster), actors=actors, toll=toll,
                             sources=plural(cluster.sources, "independent source"))
    return c.sentence(text, [cluster])


def _fatalities(c: Citations, now: list[Any]) -> Section:
    deadly = [x for x in now if x.fatalities.high]
    if not deadly:
        return Section(t.SECTION_TITLES["fatalities"],
                       (c.sentence(t.FATALITIES_NONE.format(events=plural(len(now), "event")), now),))
    low = sum(x.fatalities.low or 0 for x in deadly)
    high = sum(x.fatalities.high or 0 for x in deadly)
    best = sum(x.fatalities.best or 0 for x in deadly)
    sentences = [c.sentence(t.FATALITIES_TOTAL.format(low=low, high=high, best=best,
                                                      events=plural(len(deadly), "event")), deadly)]
    for event_type in sorted({x.event_type for x in deadly}):
        group = [x for x in deadly if x.event_type == event_type]
        rng = fatality_range(sum(x.fatalities.low or 0 for x in group), sum(x.fatalities.high or 0 for x in group))
        sentences.append(c.sentence(t.FATALITIES_TYPE.format(event_type=event_type, range=rng,
                                                             events=plural(len(group), "event")), group))
    return Section(t.SECTION_TITLES["fatalities"], tuple(sentences))


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "…") + "”"


def _claims(cluster: Any) -> list[tuple[str, Any]]:
    """(claimant, claim) pairs, the parties' first."""
    return [(by.claimant, claim) for side in ("party", "non_party")
            for by in cluster.claims_by_side.get(side, []) for claim in by.claims]


def _contested(c: Citations, cluster: Any) -> Sentence:
    claims = _claims(cluster)
    denials = [(who, cl) for who, cl in claims if cl.stance == "denied"]
    if denials:
        denier, denial = denials[0]
        said = [(who, cl) for who, cl in claims if cl.stance != "denied" and who != denier]
        said.sort(key=lambda wc: (wc[1].fact != denial.fact, wc[0]))
        if said:
            who, claim = said[0]
            return c.sentence(t.CONTESTED_DENIAL.format(claimant=who, claim=_quote(claim.span.text),
                                                        denier=denier, denial=_quote(denial.span.text)), [cluster])
    what, date = cluster.sub_event_type.lower(), cluster.date or "an unknown date"
    figures: dict[str, Any] = {}
    for who, claim in claims:  # each claimant's first fatality figure, in the words it used
        if claim.fact == "fatalities" and claim.value is not None and claim.stance != "denied":
            figures.setdefault(who, claim)
    if len({claim.value for claim in figures.values()}) > 1:
        statements = [t.CONTESTED_SAYS.format(claimant=who, claim=_quote(claim.span.text))
                      for who, claim in list(figures.items())[:MAX_STATEMENTS]]
        statements += [reason for reason in cluster.contested_reasons if " denies" in reason][:1]
        return c.sentence(t.CONTESTED_FIGURES.format(what=what, date=date, place=place_name(cluster),
                                                     statements="; ".join(statements)), [cluster])
    reason = "; ".join(cluster.contested_reasons) or "the reports disagree"
    return c.sentence(t.CONTESTED_REASON.format(what=what, date=date, reason=reason), [cluster])


def _new_actors(c: Citations, now: list[Any], before: list[Any]) -> list[Sentence]:
    seen_before = {a.actor.name for x in before for a in x.actors}
    first_seen: dict[str, tuple[Any, Any]] = {}
    for cluster in now:  # sorted by date: the first appearance wins
        for a in cluster.actors:
            if a.actor.name not in seen_before and a.actor.name not in first_seen:
                first_seen[a.actor.name] = (a.actor, cluster)
    out = []
    for name in sorted(first_seen):
        actor, cluster = first_seen[name]
        kind = f" ({actor.type})" if actor.type else ""
        out.append(c.sentence(t.NEW_ACTOR.format(actor=name, kind=kind, date=cluster.date or "an unknown date",
                                                 what=cluster.sub_event_type.lower(),
                                                 place=f" in {place_name(cluster)}"), [cluster]))
    return out


def build_brief(store: Any, area: str, date_from: dt.date, date_to: dt.date,
                base_filter: EventFilter | None = None, url_prefix: str = "/api/events/") -> Brief:
    """The brief on ``area`` (country or admin1) for ``date_from``..``date_to`` (inclusive)."""
    period = Period(date_from, date_to)
    prev = previous_period(period)
    scope = area_filter(area, base_filter)
    now, cut = fetch_clusters(store, scope, period)
    before, _ = fetch_clusters(store, scope, prev)
    notes: list[str] = []
    if cut:
        notes.append(f"Only the first {len(now)} events of the period are covered.")
    c = Citations(url_prefix)
    sections: list[Section] = []
    if not now:
        notes.append(t.EMPTY.format(area=area, date_from=date_from, date_to=date_to))
    else:
        sections.append(_overview(c, area, period, prev, now, before))
        top = sorted(now, key=_severity)[:TOP_INCIDENTS]
        sections.append(Section(t.SECTION_TITLES["incidents"], tuple(_incident(c, x) for x in top)))
        sections.append(_fatalities(c, now))
        contested = [_contested(c, x) for x in sorted(now, key=_severity) if x.contested]
        if contested:
            sections.append(Section(t.SECTION_TITLES["contested"], tuple(contested)))
        new_actors = _new_actors(c, now, before)
        if new_actors:
            sections.append(Section(t.SECTION_TITLES["actors"], tuple(new_actors)))
    return Brief(area, date_from, date_to, prev.date_from, prev.date_to, tuple(sections),
                 tuple(c.references), tuple(notes))
