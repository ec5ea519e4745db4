"""OpenAPI parameters for the shared filter table and paging, so the schema documents them.

Routes read the query string themselves (sitrep.server.params) so that unknown names and
malformed values get the error envelope; these descriptions only feed the schema.
"""

from __future__ import annotations

from typing import Any

from sitrep.filters import filter_fields
from sitrep.server.params import DEFAULT_LIMIT, MAX_LIMIT

__all__ = ["filter_parameters", "list_parameters", "query_param"]


def query_param(name: str, description: str, kind: str = "string") -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": {"type": kind}}


def _kind(type_name: str) -> str:
    lowered = type_name.lower()
    if "bool" in lowered:
        return "boolean"
    if lowered.startswith("int"):
        return "integer"
    return "string"


def filter_parameters() -> list[dict[str, Any]]:
    return [query_param(f["name"], f["help"], _kind(f["type"])) for f in filter_fields()]


def list_parameters(formats: tuple[str, ...] = ("json", "csv", "geojson")) -> list[dict[str, Any]]:
    return filter_parameters() + [
        query_param("limit", f"items per page, 1..{MAX_LIMIT} (default {DEFAULT_LIMIT})", "integer"),
        query_param("cursor", "opaque; follow the `next` URL of the previous page"),
        query_param("fields", "comma list of top-level fields to keep (id is always kept)"),
        query_param("format", "one of " + ", ".join(formats) + " (or a suffix: /api/events.csv)"),
        query_param("with_total", "true: count every match (costs a second query)", "boolean"),
    ]
