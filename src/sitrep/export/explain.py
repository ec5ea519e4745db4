"""`sitrep extract --explain`: each event with its sentences, the evidence spans marked, and a line per
field giving the value, the words it was read from and their character offsets."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.model import TITLE, Actor, Count, Event, Span, make_span
from sitrep.pipeline.document import Document

BOLD, RESET = "\x1b[1m\x1b[33m", "\x1b[0m"


@dataclass
class FieldLine:
    field: str
    value: str
    spans: list[Span]


def field_lines(event: Event) -> list[FieldLine]:
    """The fields worth showing, each with the spans behind it."""
    lines = [FieldLine("type", f"{event.event_type} / {event.sub_event_type}", [])]
    if event.date:
        lines.append(FieldLine("date", f"{event.date.isoformat()} (precision {event.date_precision})",
                               [event.date_span] if event.date_span else []))
    for name, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
        if actor is not None:
            lines.append(FieldLine(name, _actor_value(actor), actor.spans))
    lines += [FieldLine("assoc_actor", _actor_value(a), a.spans) for a in event.assoc_actors]
    if event.location is not None:
        place = event.location
        where = ", ".join(p for p in (place.name, place.admin1, place.country) if p)
        lines.append(FieldLine("location", f"{where} (geo precision {place.geo_precision})", place.spans))
    for name in ("fatalities", "injured", "captured"):
        count: Count = getattr(event, name)
        if count.reported:
            value = f"best {count.best} (low {count.low}, high {count.high}; {len(count.reported)} reported)"
            lines.append(FieldLine(name, value, [q.span for q in count.reported]))
    for item in event.materiel:
        number = f"{item.count} " if item.count is not None else ""
        lines.append(FieldLine("materiel", f"{item.action} {number}{item.item} ({item.category})", [item.span]))
    for claim in event.claims:
        via = f" via {claim.channel}" if claim.channel else ""
        lines.append(FieldLine(f"claim:{claim.fact}", f"{claim.claimant} ({claim.stance}){via}",
                               [s for s in (claim.claimant_span, claim.cue, claim.span, claim.channel_span) if s]))
    for flag in event.flags:
        lines.append(FieldLine(f"flag:{flag.code}", flag.reason, flag.spans))
    return lines


def _actor_value(actor: Actor) -> str:
    kind = f"{actor.type}, inter {actor.inter}" if actor.type else "type unknown"
    return f"{actor.name} ({kind}{'' if actor.known else ', not in dictionary'})"


def highlight(sentence: Span, spans: list[Span], color: bool = False) -> str:
    """The sentence with every span inside it marked: [brackets], or bold on a terminal. ``sentence`` may be the
    headline (a span of the title): only spans of the same field are marked in it."""
    inside = sorted({(s.start, s.end) for s in spans if sentence.contains(s)})
    out, at = [], sentence.start
    open_mark, close_mark = (BOLD, RESET) if color else ("[", "]")
    text = sentence.text
    for start, end in inside:
        if start < at:  # nested or overlapping spans: the outer mark already covers them
            continue
        out.append(text[at - sentence.start:start - sentence.start])
        out.append(open_mark + text[start - sentence.start:end - sentence.start] + close_mark)
        at = end
    out.append(text[at - sentence.start:])
    return "".join(out).replace("\n", " ")


def _short(text: str, limit: int = 80) -> str:
    """Span text on one line, long spans cut in the middle (offsets still give the whole)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit // 2 - 2] + " ... " + text[-(limit // 2 - 3):]


def _at(span: Span) -> str:
    """Where a span lies: '@12-20' in the text, 'title@0-8' in the headline, 'url@8-16' in the URL."""
    return f"{span.field or ''}@{span.start}-{span.end}"


def explain_event(event: Event, color: bool = False, title: str | None = None) -> str:
    """``title``: the article's title, shown marked when a value was read from it."""
    lines = field_lines(event)
    spans = [s for line in lines for s in line.spans]
    out = [f"event {event.id}  {event.sub_event_type}  confidence {event.confidence:.2f}"]
    if title and any(s.field == TITLE for s in spans):
        out.append(f"  headline > {highlight(make_span(title, 0, len(title), TITLE), spans, color)}")
    out += [f"  > {highlight(sentence, spans, color)}" for sentence in event.evidence]
    for line in lines:
        where = "; ".join(f"\"{_short(s.text)}\" {_at(s)}" for s in line.spans) or "-"
        out.append(f"  {line.field:<13} {line.value}  <- {where}")
    return "\n".join(out)


def explain(doc: Document, color: bool = False) -> str:
    """Every event of the document, for a person to check against the text."""
    title = doc.article.title or doc.article.source_path or doc.article.id
    header = f"== {title}: {len(doc.events)} event(s)"
    return "\n\n".join([header, *[explain_event(e, color, doc.article.title) for e in doc.events]])
