"""The text of `sitrep show`: a cluster record, its reports with their evidence, and (``--explain``) the
matching decision each report got at ingest. Reuses the `extract --explain` layout for each report."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.cluster.record import explain_merged
from sitrep.export.explain import explain_event
from sitrep.model import Count, Event
from sitrep.model.cluster import ArticleMeta, MemberReport
from sitrep.store.clustering import ClusterRecord
from sitrep.store.records import Decision


def _count(count: Count) -> str:
    return f"best {count.best} (low {count.low}, high {count.high})"


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 4] + " ..."


def header_lines(record: ClusterRecord, merged: Sequence[str] = ()) -> list[str]:
    """The record's values (``merged``: how the date and figures were chosen, printed after the figures)."""
    place = record.location
    where = ", ".join(p for p in (place.name, place.admin1, place.country) if p) if place else "place unknown"
    lines = [f"cluster {record.id}  {record.event_type} / {record.sub_event_type}  "
             f"{record.date.isoformat() if record.date else 'date unknown'}  {where}"]
    lines.append(f"  sources       {record.sources} independent ({'; '.join(record.origins)}), "
                 f"{len(record.reports)} report(s), first reported {record.first_reported or '?'}, "
                 f"last updated {record.last_updated or '?'}")
    if record.fatalities.best is not None or record.fatalities.high is not None:
        lines.append(f"  fatalities    {_count(record.fatalities)}")
    if record.injured.best is not None:
        lines.append(f"  injured       {_count(record.injured)}")
    lines += merged
    for actor in record.actors:
        lines.append(f"  actor         {actor.actor.name} ({', '.join(actor.roles)}; {actor.reports} report(s))")
    contested = "yes: " + "; ".join(record.contested_reasons) if record.contested else "no"
    lines.append(f"  contested     {contested}")
    for side, title in (("party", "claims by parties"), ("non_party", "claims by others")):
        groups = record.claims_by_side.get(side, [])  # type: ignore[call-overload]
        if not groups:
            continue
        lines.append(f"  {title}:")
        for group in groups:
            lines.append(f"    {group.claimant}")
            for claim in group.claims:
                value = f" {claim.value}" if claim.value is not None else ""
                lines.append(f"      {claim.fact}{value} ({claim.stance})  <- \"{_short(claim.span.text)}\" "
                             f"@{claim.span.start}-{claim.span.end} [{claim.article_id}]")
    for flag in record.flags:
        lines.append(f"  flag:{flag.code}  {flag.reason}")
    return lines


def merged_lines(record: ClusterRecord, events: Sequence[Event]) -> list[str]:
    """How the record's date and figures were merged from its reports (cluster.record.explain_merged)."""
    refs = {r.event_id: r for r in record.reports}
    members = [MemberReport(event=e, article=ArticleMeta(id=refs[e.id].article_id, outlet=refs[e.id].outlet,
                                                         url=refs[e.id].url, published=refs[e.id].published,
                                                         origin=refs[e.id].origin))
               for e in events if e.id in refs]
    if not members:
        return []
    return ["  merged values:"] + [f"    {line}" for line in explain_merged(members)]


def render_cluster(record: ClusterRecord, events: Sequence[Event], decisions: Sequence[Decision] = (),
                   color: bool = False, explain: bool = False) -> str:
    """The cluster, then each member report (outlet, date, URL, its event explained) in ingest order;
    ``explain``: also how the merged values were chosen (each value's votes)."""
    by_event = {d.event_id: d for d in decisions}
    refs = {r.event_id: r for r in record.reports}
    out = ["\n".join(header_lines(record, merged_lines(record, events) if explain else []))]
    for n, event in enumerate(events, 1):
        ref = refs.get(event.id)
        meta = [f"report {n}/{len(events)}"]
        if ref is not None:
            meta += [ref.outlet or "outlet unknown", str(ref.published or "date unknown"), ref.url or "",
                     f"article {ref.article_id}", f"origin {ref.origin}"]
        block = ["  ".join(m for m in meta if m)]
        if ref is not None and ref.title:
            block.append(f"  title: {ref.title}")
        decision = by_event.get(event.id)
        if decision is not None:
            scores = ", ".join(f"{k} {v:.3f}" for k, v in sorted(decision.scores.items()))
            target = " + ".join(decision.cluster_ids) or "a new cluster"
            block.append(f"  decision: {decision.kind} -> {target} ({decision.candidates} candidate "
                         f"report(s) compared){'; ' + scores if scores else ''}")
        block.append("  " + explain_event(event, color).replace("\n", "\n  "))
        out.append("\n".join(block))
    return "\n\n".join(out)
