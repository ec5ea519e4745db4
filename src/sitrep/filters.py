"""Filters over stored events, defined once.

One table (:data:`FIELDS`) names every filter, its type and help. It feeds the CLI
options (:func:`filter_options`, for `sitrep events`, `sitrep claims`, `sitrep watch add`),
the API's query parameters (:func:`parse_filter`, :func:`filter_to_params`), the docs and
the tests. The store turns an :class:`EventFilter` into SQL; watchlists match it in memory
(:func:`matches`). Comma-separated lists, and repeated options, mean OR.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

import click

from sitrep.errors import SitrepError

__all__ = [
    "FIELDS",
    "EventFilter",
    "FilterError",
    "FilterField",
    "cluster_actor_names",
    "cluster_claimants",
    "cluster_search_text",
    "filter_fields",
    "filter_options",
    "filter_to_params",
    "matches",
    "parse_filter",
]

BBox = tuple[float, float, float, float]


class FilterError(SitrepError):
    """A malformed filter: says which parameter, what is wrong and how to fix it.

    ``code`` is the stable error code (E015); ``param`` the parameter at fault.
    """

    def __init__(self, param: str, message: str, hint: str = "", code: str = "E015") -> None:
        self.param = param
        self.message = message
        self.hint = hint
        super().__init__(code, f"{param}: {message}", hint)


@dataclass(frozen=True)
class EventFilter:
    """Every filter on clusters (and their reports and claims). Empty = no restriction.

    Lists are normalised: countries to ISO 3166-1 alpha-2 codes, event types and
    sub-event types to ACLED's names; admin1, actor and claimant names are matched
    case-insensitively.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    bbox: BBox | None = None
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    claimant: tuple[str, ...] = ()
    party_claims: bool | None = None
    contested: bool | None = None
    min_sources: int | None = None
    q: str | None = None
    updated_since: dt.datetime | None = None

    def is_empty(self) -> bool:
        return self == EventFilter()

    def replace(self, **changes: Any) -> EventFilter:
        return replace(self, **changes)


@dataclass(frozen=True)
class FilterField:
    """One filter: its API name (query parameter, CLI option), the EventFilter attribute, type and help."""

    name: str
    attr: str
    type: str  # 'date', 'datetime', 'list', 'bbox', 'bool', 'int', 'text'
    help: str
    example: str = ""

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


FIELDS: tuple[FilterField, ...] = (
    FilterField("from", "date_from", "date", "earliest event date (YYYY-MM-DD, inclusive)", "2024-01-01"),
    FilterField("to", "date_to", "date", "latest event date (YYYY-MM-DD, inclusive)", "2024-01-31"),
    FilterField("country", "country", "list", "country: ISO 3166-1 code or name", "SO,Kenya"),
    FilterField("admin1", "admin1", "list", "first-level administrative unit (province, state)", "Banadir"),
    FilterField("bbox", "bbox", "bbox", "bounding box west,south,east,north in degrees", "40,-2,52,12"),
    FilterField("event_type", "event_type", "list", "ACLED event type", "Battles"),
    FilterField("sub_event_type", "sub_event_type", "list", "ACLED sub-event type (name or code)",
                "Armed clash"),
    FilterField("actor", "actor", "list", "an actor of the event (canonical or ACLED name)", "al-Shabaab"),
    FilterField("claimant", "claimant", "list", "who claims something about the event", "al-Shabaab"),
    FilterField("party_claims", "party_claims", "bool", "has (true) or lacks (false) a claim by a party to it",
                "true"),
    FilterField("contested", "contested", "bool", "claims about it conflict (true) or do not (false)", "true"),
    FilterField("min_sources", "min_sources", "int", "at least this many independent sources", "2"),
    FilterField("q", "q", "text", "words that occur in the reports' evidence or titles", "airstrike"),
    FilterField("updated_since", "updated_since", "datetime",
                "clusters changed at or after this time (ISO 8601, UTC when no zone)", "2024-01-31T12:00:00"),
)
_BY_NAME = {f.name: f for f in FIELDS} | {f.attr: f for f in FIELDS}


def filter_fields() -> list[dict[str, str]]:
    """Name, type, help and an example of every filter (for CLI help, OpenAPI and docs)."""
    return [{"name": f.name, "type": f.type, "help": f.help, "example": f.example} for f in FIELDS]


# -- parsing ---------------------------------------------------------------------------------

def _values(raw: str | Iterable[str]) -> list[str]:
    items = [raw] if isinstance(raw, str) else list(raw)
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _single(name: str, raw: str | Iterable[str]) -> str:
    values = [raw] if isinstance(raw, str) else [str(v) for v in raw]
    values = [v.strip() for v in values if v.strip()]
    if len(values) > 1:
        raise FilterError(name, f"given {len(values)} times", "give it once")
    return values[0] if values else ""


def _date(name: str, text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FilterError(name, f"not a date: {text!r}", "write dates as YYYY-MM-DD, e.g. 2024-01-31") from None


def _datetime(name: str, text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FilterError(name, f"not a date-time: {text!r}",
                          "write ISO 8601, e.g. 2024-01-31 or 2024-01-31T12:00:00Z") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _bool(name: str, text: str) -> bool:
    lowered = text.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise FilterError(name, f"not true or false: {text!r}", "use true or false")


MAX_INT = 1_000_000_000


def _int(name: str, text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise FilterError(name, f"not a whole number: {text!r}", "give a number such as 2") from None
    if value < 0:
        raise FilterError(name, f"negative: {value}", "give 0 or more")
    if value > MAX_INT:  # past any count the store holds, and past what SQLite's integers take
        raise FilterError(name, f"too large: {text[:40]}", f"give at most {MAX_INT}")
    return value


def _bbox(name: str, text: str) -> BBox:
    parts = text.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise FilterError(name, f"not four numbers: {text!r}",
                          "give west,south,east,north in degrees, e.g. 40,-2,52,12") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise FilterError(name, f"out of range: {text!r}", "longitudes lie in -180..180, latitudes in -90..90")
    if south > north or west > east:
        raise FilterError(name, f"inverted box: {text!r}", "give west,south,east,north with west <= east "
                          "and south <= north (split a box across the antimeridian in two)")
    return (west, south, east, north)


def _country(name: str, value: str) -> str:
    import pycountry

    try:
        return str(pycountry.countries.lookup(value).alpha_2)
    except LookupError:
        pass
    matches_: list[Any] = []
    # Fuzzy search only for something name-like: it also matches subdivision codes, so '-1' gave Sweden.
    if sum(ch.isalpha() for ch in value) >= 3:
        with contextlib.suppress(LookupError):
            matches_ = pycountry.countries.search_fuzzy(value)
    if len(matches_) == 1:
        return str(matches_[0].alpha_2)
    raise FilterError(name, f"unknown country: {value!r}", "give an ISO 3166-1 code (SO) or a name (Somalia)")


@functools.lru_cache(maxsize=1)
def _taxonomy() -> tuple[dict[str, str], dict[str, str]]:
    """Lower-cased names and codes -> canonical event type names and sub-event type names."""
    from sitrep.events.taxonomy import NON_ACLED, sub_event_types

    event_types: dict[str, str] = {NON_ACLED.lower(): NON_ACLED}
    subs: dict[str, str] = {}
    for sub in sub_event_types().values():
        event_types[sub.event_type.lower()] = sub.event_type
        subs[sub.name.lower()] = sub.name
        subs[sub.code.lower()] = sub.name
    return event_types, subs


def _taxon(name: str, value: str, table: dict[str, str]) -> str:
    found = table.get(value.lower())
    if found is None:
        known = sorted(set(table.values()))
        raise FilterError(name, f"unknown value: {value!r}", "one of: " + ", ".join(known))
    return found


def _dedup(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def parse_filter(params: Mapping[str, str | list[str]]) -> EventFilter:
    """An EventFilter from query parameters or option values (API names or attribute names).

    Raises :class:`FilterError` for unknown parameters, malformed values, unknown
    countries or event types, inverted date ranges and bad boxes. Empty values are ignored.
    """
    changes: dict[str, Any] = {}
    for key, raw in params.items():
        field_ = _BY_NAME.get(key)
        if field_ is None:
            raise FilterError(key, "unknown filter", "known filters: " + ", ".join(f.name for f in FIELDS))
        if field_.type == "list":
            values = _values(raw)
            if field_.attr == "country":
                values = [_country(field_.name, v) for v in values]
            elif field_.attr == "event_type":
                values = [_taxon(field_.name, v, _taxonomy()[0]) for v in values]
            elif field_.attr == "sub_event_type":
                values = [_taxon(field_.name, v, _taxonomy()[1]) for v in values]
            if values:
                changes[field_.attr] = _dedup(values)
            continue
        text = _single(field_.name, raw)
        if not text:
            continue
        parse: Callable[[str, str], Any] = {
            "date": _date, "datetime": _datetime, "bool": _bool, "int": _int, "bbox": _bbox,
            "text": lambda _n, t: t,
        }[field_.type]
        changes[field_.attr] = parse(field_.name, text)
    result = EventFilter(**changes)
    if result.date_from and result.date_to and result.date_from > result.date_to:
        raise FilterError("from", f"{result.date_from} is after to={result.date_to}",
                          "give from <= to")
    return result


def _format(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, tuple) and value and isinstance(value[0], float):
        return ",".join(f"{v:g}" for v in value)
    if isinstance(value, tuple):
        return ",".join(value)
    return str(value)


def filter_to_params(f: EventFilter) -> dict[str, str]:
    """Query parameters (API names) for the filters set in ``f``; ``parse_filter`` reads them back."""
    params: dict[str, str] = {}
    for field_ in FIELDS:
        value = getattr(f, field_.attr)
        if value is None or value == ():
            continue
        params[field_.name] = _format(value)
    return params


# -- matching in memory (watchlists) -----------------------------------------------------------

def _lower(values: Iterable[str | None]) -> set[str]:
    return {v.lower() for v in values if v}


def cluster_actor_names(cluster: Any) -> dict[str, str]:
    """Lower-cased name -> name of every actor of a cluster record (canonical and ACLED names)."""
    names: dict[str, str] = {}
    for actor in getattr(cluster, "actors", None) or ():
        inner = getattr(actor, "actor", actor)
        for name in (getattr(inner, "name", None), getattr(inner, "acled_name", None)):
            if name:
                names.setdefault(name.lower(), name)
    return names


def _claims(cluster: Any) -> Iterator[Any]:
    """Every claimant entry of a cluster, whatever grouping ``claims_by_side`` uses (dict, lists, nested)."""
    stack: list[Any] = [getattr(cluster, "claims_by_side", None)]
    while stack:
        item = stack.pop()
        if item is None or isinstance(item, str | int | float | bool):
            continue
        if hasattr(item, "claimant"):
            yield item
        elif isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set):
            stack.extend(reversed(list(item)))
        elif hasattr(item, "__dict__"):
            stack.extend(vars(item).values())


def _is_party(claim: Any) -> bool:
    return bool(getattr(claim, "claimant_is_party", False) or getattr(claim, "side", None) == "party")


def cluster_claimants(cluster: Any) -> dict[str, bool]:
    """Every claimant of a cluster record -> whether it is a party to the incident."""
    found: dict[str, bool] = {}
    for claim in _claims(cluster):
        if claim.claimant:
            found[claim.claimant] = found.get(claim.claimant, False) or _is_party(claim)
    return found


def cluster_search_text(cluster: Any) -> str:
    """Lower-cased titles and evidence of a cluster's reports: what ``q`` searches."""
    parts: list[str] = []
    for report in getattr(cluster, "reports", None) or ():
        parts.append(getattr(report, "title", None) or "")
        parts += [getattr(span, "text", "") for span in getattr(report, "evidence", None) or ()]
    return " ".join(p for p in parts if p).lower()


def matches(f: EventFilter, cluster: Any) -> bool:
    """Whether a cluster record passes every filter of ``f`` (the same rules the store's SQL applies)."""
    when: dt.date | None = getattr(cluster, "date", None)
    if (f.date_from or f.date_to) and when is None:
        return False
    if when is not None and ((f.date_from and when < f.date_from) or (f.date_to and when > f.date_to)):
        return False
    place = getattr(cluster, "location", None)
    if f.country and (place is None or (place.country_code or "") not in f.country):
        return False
    if f.admin1 and (place is None or (place.admin1 or "").lower() not in _lower(f.admin1)):
        return False
    if f.bbox:
        west, south, east, north = f.bbox
        if place is None or place.lat is None or place.lon is None:
            return False
        if not (west <= place.lon <= east and south <= place.lat <= north):
            return False
    if f.event_type and getattr(cluster, "event_type", None) not in f.event_type:
        return False
    if f.sub_event_type and getattr(cluster, "sub_event_type", None) not in f.sub_event_type:
        return False
    if f.actor and not (set(cluster_actor_names(cluster)) & _lower(f.actor)):
        return False
    claimants = cluster_claimants(cluster) if (f.claimant or f.party_claims is not None) else {}
    if f.claimant and not (_lower(claimants) & _lower(f.claimant)):
        return False
    if f.party_claims is not None and any(claimants.values()) != f.party_claims:
        return False
    if f.contested is not None and bool(getattr(cluster, "contested", False)) != f.contested:
        return False
    if f.min_sources is not None and (getattr(cluster, "sources", 0) or 0) < f.min_sources:
        return False
    if f.q and not all(word in cluster_search_text(cluster) for word in f.q.lower().split()):
        return False
    if f.updated_since is not None:
        # store time (when the cluster last changed in the store), as the SQL reads clusters.updated_at;
        # not ``last_updated`` (the latest report's publication day, news time)
        updated = getattr(cluster, "updated_at", None)
        if not isinstance(updated, dt.datetime):  # a record never stored has no store time
            return False
        if updated.tzinfo is None:
            updated = updated.replace(tzinfo=dt.UTC)
        if updated < f.updated_since:
            return False
    return True


# -- click options -------------------------------------------------------------------------------

F = TypeVar("F", bound=Callable[..., Any])


def _click_option(field_: FilterField) -> Callable[[F], F]:
    dest = "filter_" + field_.attr
    help_ = f"{field_.help} (e.g. {field_.example})"
    if field_.type == "bool":
        flag = field_.option
        return click.option(f"{flag}/--no-{flag[2:]}", dest, default=None, help=help_)
    if field_.type == "list":
        return click.option(field_.option, dest, multiple=True, metavar="A,B", help=help_ + "; repeat or "
                            "separate with commas for OR")
    return click.option(field_.option, dest, default=None, metavar=field_.type.upper(), help=help_)


def filter_options(func: F) -> F:
    """Add one option per filter; the command receives them as one ``event_filter: EventFilter``.

    A malformed value stops the command with a usage error naming the option and the fix.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        params: dict[str, str | list[str]] = {}
        for field_ in FIELDS:
            value = kwargs.pop("filter_" + field_.attr, None)
            if value is None or value == ():
                continue
            if isinstance(value, bool):
                value = "true" if value else "false"
            params[field_.name] = list(value) if isinstance(value, tuple) else str(value)
        try:
            kwargs["event_filter"] = parse_filter(params)
        except FilterError as exc:
            option = _BY_NAME[exc.param].option if exc.param in _BY_NAME else exc.param
            raise click.UsageError(f"{option}: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")) from None
        return func(*args, **kwargs)

    decorated: Any = wrapper
    for field_ in reversed(FIELDS):
        decorated = _click_option(field_)(decorated)
    return decorated


def filter_attrs() -> list[str]:
    """EventFilter attribute names, in table order (tests check FIELDS covers them all)."""
    return [f.name for f in fields(EventFilter)]
