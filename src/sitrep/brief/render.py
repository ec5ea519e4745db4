"""A brief as Markdown, HTML (escaped by construction, no script or inline style) or JSON."""

from __future__ import annotations

from html import escape
from typing import Any

from sitrep.brief.model import Brief, Sentence

__all__ = ["brief_json", "brief_markdown", "brief_html", "title"]


def title(brief: Brief) -> str:
    return f"Situation brief: {brief.area}, {brief.date_from} to {brief.date_to}"


def _md_sentence(sentence: Sentence) -> str:
    return sentence.text + "".join(f" [{n}]" for n in sentence.citations)


def brief_markdown(brief: Brief) -> str:
    lines = [f"# {title(brief)}", ""]
    lines += [f"_{note}_" for note in brief.notes] + ([""] if brief.notes else [])
    for section in brief.sections:
        lines += [f"## {section.title}", ""]
        lines += [f"- {_md_sentence(s)}" for s in section.sentences] + [""]
    if brief.references:
        lines += ["## Sources", ""]
        lines += [f"[{r.n}]: {r.url} \"{r.label.replace(chr(34), '')}\"" for r in brief.references]
        lines += [""] + [f"{r.n}. {r.label} ({r.url})" for r in brief.references] + [""]
    return "\n".join(lines)


def brief_html(brief: Brief) -> str:
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title(brief))}</title>"
             "</head><body><article class='brief'>", f"<h1>{escape(title(brief))}</h1>"]
    parts += [f"<p class='note'>{escape(note)}</p>" for note in brief.notes]
    refs = {r.n: r for r in brief.references}
    for section in brief.sections:
        parts.append(f"<section><h2>{escape(section.title)}</h2><ul>")
        for s in section.sentences:
            links = "".join(f" <a href='{escape(refs[n].url, quote=True)}' class='cite'>[{n}]</a>"
                            for n in s.citations)
            parts.append(f"<li>{escape(s.text)}{links}</li>")
        parts.append("</ul></section>")
    if brief.references:
        parts.append("<section><h2>Sources</h2><ol>")
        parts += [f"<li id='ref-{r.n}' value='{r.n}'><a href='{escape(r.url, quote=True)}'>{escape(r.label)}</a></li>"
                  for r in brief.references]
        parts.append("</ol></section>")
    parts.append("</article></body></html>")
    return "".join(parts)


def brief_json(brief: Brief) -> dict[str, Any]:
    return {
        "area": brief.area, "from": brief.date_from.isoformat(), "to": brief.date_to.isoformat(),
        "previous": {"from": brief.previous_from.isoformat(), "to": brief.previous_to.isoformat()},
        "title": title(brief), "notes": list(brief.notes),
        "sections": [{"title": s.title, "sentences": [{"text": x.text, "citations": list(x.citations)}
                                                       for x in s.sentences]} for s in brief.sections],
        "references": [{"n": r.n, "event_id": r.event_id, "url": r.url, "label": r.label}
                       for r in brief.references],
        "markdown": brief_markdown(brief),
    }
