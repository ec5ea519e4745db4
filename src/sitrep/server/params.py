"""Query strings into typed requests: the filter (one definition, sitrep.filters) and paging.

Unknown parameters are refused (a typo must not silently widen a query), every value is
bounded, and anything malformed is an ApiError/FilterError, never a 500.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel
from starlette.datastructures import QueryParams

from sitrep.filters import EventFilter, filter_fields, parse_filter
from sitrep.server.errors import ApiError

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "ListRequest", "filter_names", "parse_bool", "parse_list_request",
           "reject_unknown", "single"]

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_PARAM_CHARS = 2000  # per value: bounds the cost of q and of long OR lists
MAX_VALUES = 50  # values of one parameter (repeats and comma lists together)
MAX_Q_WORDS = 10  # each word of q is one substring scan of the matching events' text
FORMATS = ("json", "csv", "geojson")
PAGING = ("limit", "cursor", "fields", "format", "with_total")


def filter_names() -> tuple[str, ...]:
    return tuple(field["name"] for field in filter_fields())


def reject_unknown(params: QueryParams, allowed: Iterable[str]) -> None:
    known = set(allowed)
    for key in params:
        if key not in known:
            raise ApiError(400, "unknown_parameter", f"unknown parameter {key[:60]!r}",
                           "known parameters: " + ", ".join(sorted(known)))
    for key, value in params.multi_items():
        if len(value) > MAX_PARAM_CHARS:
            raise ApiError(400, "too_long", f"{key!r} is longer than {MAX_PARAM_CHARS} characters",
                           "send a shorter value")
        if value.count(",") + len(params.getlist(key)) > MAX_VALUES:
            raise ApiError(400, "too_many_values", f"{key!r} has more than {MAX_VALUES} values",
                           "split the query")
        if key == "q" and len(value.split()) > MAX_Q_WORDS:
            raise ApiError(400, "too_many_words", f"q has more than {MAX_Q_WORDS} words",
                           "search for the few most telling words")


def single(params: QueryParams, name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise ApiError(400, "bad_parameter", f"{name!r} given {len(values)} times", f"send {name} once")
    return values[0] if values else None


def parse_bool(params: QueryParams, name: str, default: bool = False) -> bool:
    value = single(params, name)
    if value is None or value == "":
        return default
    lowered = value.lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise ApiError(400, "bad_bool", f"{name}={value[:40]!r} is not a boolean", f"send {name}=true or {name}=false")


def parse_limit(params: QueryParams, allow_all: bool = False) -> int | None:
    """``limit`` as a number; None for ``limit=all`` where the route streams every match."""
    value = single(params, "limit")
    if value is None or value == "":
        return DEFAULT_LIMIT
    if value == "all" and allow_all:
        return None
    hint = f"send limit=1..{MAX_LIMIT}" + (", or limit=all for every match (streamed)" if allow_all else "")
    if not value.isascii() or not value.isdigit():
        raise ApiError(400, "bad_number", f"limit={value[:40]!r} is not a whole number", hint)
    limit = int(value)
    if not 1 <= limit <= MAX_LIMIT:
        raise ApiError(400, "bad_limit", f"limit={limit} is out of range", hint)
    return limit


def parse_format(params: QueryParams, suffix: str | None, allowed: tuple[str, ...] = FORMATS) -> str:
    given = single(params, "format")
    if given and suffix and given != suffix:
        raise ApiError(400, "bad_format", f"format={given[:20]!r} disagrees with the suffix .{suffix}",
                       "give the format once")
    fmt = given or suffix or "json"
    if fmt not in allowed:
        raise ApiError(400, "bad_format", f"unknown format {fmt[:20]!r}", "send one of: " + ", ".join(allowed))
    return fmt


def parse_fields(params: QueryParams, record: type[BaseModel] | None = None) -> tuple[str, ...] | None:
    """Top-level field names to keep; each must be a field of ``record``."""
    value = single(params, "fields")
    if not value:
        return None
    names = tuple(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    known = set(record.model_fields) if record is not None else None
    for name in names:
        if (known is not None and name not in known) or not name.isascii():
            hint = ", ".join(sorted(known)) if known else "top-level field names"
            raise ApiError(400, "bad_fields", f"{name[:40]!r} is not a field of these records", f"send some of: {hint}")
    return names


@dataclass(frozen=True)
class ListRequest:
    """What a list route was asked for: the filter plus paging and shape."""

    filter: EventFilter
    limit: int
    cursor: str | None
    fields: tuple[str, ...] | None
    fmt: str
    with_total: bool
    everything: bool = False  # limit=all: every match, streamed in pages of ``limit``


def parse_list_request(params: QueryParams, suffix: str | None, extra: Iterable[str] = (),
                       formats: tuple[str, ...] = FORMATS, record: type[BaseModel] | None = None,
                       allow_all: bool = False) -> ListRequest:
    names = filter_names()
    reject_unknown(params, (*names, *PAGING, *extra))
    filter_params = {name: params.getlist(name) for name in names if name in params}
    limit = parse_limit(params, allow_all)
    return ListRequest(
        filter=parse_filter(filter_params),
        limit=MAX_LIMIT if limit is None else limit,
        everything=limit is None,
        cursor=single(params, "cursor") or None,
        fields=parse_fields(params, record),
        fmt=parse_format(params, suffix, formats),
        with_total=parse_bool(params, "with_total"),
    )
