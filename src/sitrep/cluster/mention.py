"""``Mention``: the view of one article's event that matching needs, flat enough to store in columns.

The store keeps each article's mention (plain columns for the blocking keys, JSON for the rest, see
``Mention.to_dict`` / ``Mention.from_dict``), so candidates are compared without re-extraction.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sitrep.cluster.origin import origin_key
from sitrep.cluster.specifics import specific_keys
from sitrep.cluster.vector import SparseVector, name_keys, text_vector
from sitrep.model import Article, Event
from sitrep.model.cluster import ArticleMeta

__all__ = ["LEAD_CHARS", "Mention", "main_event", "mention_from_event", "mention_text", "name_key", "place_key"]

LEAD_CHARS = 2000

# Actors every report of a kind names ('Unidentified Armed Group', police as the responder) say nothing
# about which incident it is; they are kept out of the actor overlap.
_GENERIC_ACTOR_PREFIXES = ("Unidentified", "Civilians", "Police Forces", "Protesters", "Rioters")


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def name_key(name: str | None) -> str:
    """``name`` folded to lower-case ASCII words ('Saint-Étienne' -> 'saint etienne')."""
    folded = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii").casefold()
    return " ".join(_NOT_ALNUM.sub(" ", folded).split())


@functools.lru_cache(maxsize=65_536)  # pure, and asked for each pair a new report is scored against
def place_key(name: str | None, precision: int | None, admin1: str | None = None) -> str | None:
    """The normalised name of a town-level place ('Saint-Étienne' -> 'saint etienne'), the blocking key that
    lets a report whose town was placed at a namesake in another state or country meet the other reports
    of its incident; None for a place above town level (a state, a region: admin1 and the box find those)."""
    if precision not in (1, 2):
        return None
    key = name_key(name)
    return key if key and key != name_key(admin1) else None


@dataclass(frozen=True)
class Mention:
    """One article's event as clustering sees it."""

    event_id: str
    article_id: str
    outlet: str | None
    url: str | None
    published: dt.date | None
    date: dt.date | None
    date_precision: int | None
    event_type: str
    sub_event_type: str
    lat: float | None
    lon: float | None
    geo_precision: int | None
    country_code: str | None
    admin1: str | None
    place_name: str | None
    actors: tuple[str, ...]
    killed: int | None
    injured: int | None
    vector: SparseVector | None
    origin: str
    admin2: str | None = None
    title: str | None = None
    named_actors: tuple[str, ...] = field(default=())
    prominence: str | None = None  # 'main' / 'secondary' / 'background' (None: not marked, read as main)
    names: tuple[str, ...] = field(default=())  # rare names in the report (vector.name_keys)
    specifics: tuple[str, ...] = field(default=())  # ages, streets, blocks (specifics.specific_keys)

    @property
    def is_main(self) -> bool:
        return self.prominence in (None, "main")

    @property
    def place_key(self) -> str | None:
        return place_key(self.place_name, self.geo_precision, self.admin1)

    @property
    def anchor(self) -> dt.date | None:
        """The date the mention is matched on: the event's, else the publication's."""
        return self.date or self.published

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (dates as ISO strings, tuples as lists)."""
        data = asdict(self)
        for key in ("published", "date"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        values = dict(data)
        for key in ("published", "date"):
            value = values.get(key)
            values[key] = dt.date.fromisoformat(value) if isinstance(value, str) else value
        values["actors"] = tuple(values.get("actors") or ())
        values["named_actors"] = tuple(values.get("named_actors") or ())
        values["names"] = tuple(values.get("names") or ())
        values["specifics"] = tuple(values.get("specifics") or ())
        vector = values.get("vector")
        values["vector"] = tuple((int(i), float(v)) for i, v in vector) if vector is not None else None
        return cls(**values)


def main_event(events: Sequence[Event]) -> Event | None:
    """The event an article is about: its first 'main' event, else its first event (None: no event)."""
    return next((e for e in events if e.prominence == "main"), events[0] if events else None)


def mention_text(event: Event, article: Article | ArticleMeta, text: str | None = None) -> str:
    """The words the text vector is made of: the title, the event's evidence sentences and the lead.

    The lead (first ``LEAD_CHARS`` characters) is added because the first paragraphs name the incident's
    people and places even when the event's sentences do not; the rest of a long report (background,
    reactions) adds cost and noise more than names (a sweep on dev: title + lead of 600 / 1500 / 2000 /
    all characters, docs/clustering.md).
    """
    evidence = [span.text for span in event.evidence]
    if event.prominence in ("secondary", "background"):
        # the title and the lead tell the article's main incident, not this one
        return "\n".join(evidence)
    body = text if text is not None else getattr(article, "text", None) or ""
    return "\n".join(part for part in (article.title or "", *evidence, body[:LEAD_CHARS]) if part)


def _actor_names(event: Event) -> tuple[tuple[str, ...], tuple[str, ...]]:
    actors = [a for a in (event.actor1, event.actor2, *event.assoc_actors) if a is not None]
    names = tuple(sorted({a.name for a in actors}))
    named = tuple(sorted({a.name for a in actors if not a.name.startswith(_GENERIC_ACTOR_PREFIXES)}))
    return names, named


def mention_from_event(event: Event, article: Article | ArticleMeta, text: str | None = None,
                       vector: SparseVector | None = None) -> Mention:
    """The mention of ``event`` reported in ``article``.

    ``text`` is the article text when ``article`` carries none (an ArticleMeta); ``vector`` a precomputed text
    vector (else it is made here from ``mention_text``).
    """
    place = event.location
    actors, named = _actor_names(event)
    body = text if text is not None else getattr(article, "text", None)
    if vector is None:
        vector = text_vector(mention_text(event, article, body))
    # the whole report for its main event (follow-ups name the victims far down); an incident recalled in
    # passing only by its own sentences
    naming = "\n".join(s.text for s in event.evidence) if event.prominence in ("secondary", "background") \
        else "\n".join(part for part in (article.title or "", body or "") if part)
    return Mention(
        event_id=event.id,
        article_id=article.id,
        outlet=article.outlet,
        url=article.url,
        published=article.published,
        date=event.date,
        date_precision=event.date_precision,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=place.geo_precision if place else None,
        country_code=place.country_code if place else None,
        admin1=place.admin1 if place else None,
        place_name=place.name if place else None,
        actors=actors,
        killed=event.fatalities.best,
        injured=event.injured.best,
        vector=vector,
        origin=origin_key(article, body),
        admin2=place.admin2 if place else None,
        title=article.title,
        named_actors=named,
        prominence=event.prominence,
        names=name_keys(naming),
        specifics=specific_keys(naming if event.prominence in ("secondary", "background") else body or ""),
    )
