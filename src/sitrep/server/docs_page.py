"""A human reference of the API rendered from its OpenAPI schema: static HTML, no script, no CDN.

FastAPI's own /docs and /redoc pages load their code from a CDN, so they are switched off.
"""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["DOCS_CSS", "render_docs"]

DOCS_CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{border-top:1px solid #ccc;padding-top:1rem}code{background:#f4f4f4;padding:0 .2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
.m{font-weight:bold;color:#075}"""


def _param_rows(parameters: list[dict[str, Any]]) -> str:
    rows = []
    for p in parameters:
        schema = p.get("schema") or {}
        kind = schema.get("type") or schema.get("format") or ""
        rows.append(f"<tr><td><code>{escape(p.get('name', ''))}</code></td><td>{escape(p.get('in', ''))}</td>"
                    f"<td>{escape(str(kind))}</td><td>{escape(p.get('description', ''))}</td></tr>")
    if not rows:
        return ""
    return "<table><tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr>" + "".join(rows) + "</table>"


def render_docs(schema: dict[str, Any]) -> str:
    info = schema.get("info", {})
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(info.get('title', ''))}"
             "</title><link rel='stylesheet' href='/api/docs.css'></head><body>",
             f"<h1>{escape(info.get('title', ''))} {escape(info.get('version', ''))}</h1>",
             f"<p>{escape(info.get('description', ''))}</p>",
             "<p>Machine-readable: <a href='/api/openapi.json'>/api/openapi.json</a>. Errors are always "
             "<code>{\"error\": {\"code\", \"message\", \"hint\"}}</code>.</p>"]
    for path, operations in schema.get("paths", {}).items():
        for method, op in operations.items():
            parts.append(f"<h2><span class='m'>{escape(method.upper())}</span> <code>{escape(path)}</code></h2>")
            parts.append(f"<p>{escape(op.get('summary', ''))}</p>")
            if op.get("description"):
                parts.append(f"<p>{escape(op['description'])}</p>")
            parts.append(_param_rows(op.get("parameters", [])))
            codes = ", ".join(escape(str(code)) for code in op.get("responses", {}))
            parts.append(f"<p>Responses: {codes}</p>")
    parts.append("</body></html>")
    return "".join(parts)
