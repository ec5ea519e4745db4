"""Incident corpora (articles tied to a known incident): each article's ``main`` event against it.

Data: a folder with ``articles.jsonl`` (``id``, ``incident``, ``url``, ``title``, ``published``,
``text``) and ``incidents.jsonl`` (``incident``, ``date``, ``city``, ``state``, ``killed``,
``injured``; the fields are null where the incident has no record), like the gun-violence
corpus in ../shared/data/clusters.

Keys of ``sitrep eval incidents PATH --json``:

- ``articles``: articles scored; ``failed``: articles the pipeline could not process;
- ``events_per_article``: mean number of events per article (every prominence);
- ``articles_without_event``: share of articles that give no event at all;
- ``main``: ``date_exact``, ``city``, ``state``, ``killed_exact``, ``injured_exact``, ``all_fields``,
  shares over the articles whose incident has metadata (``n``): the article's ``main`` event (its
  first event when none is marked) has the incident's date; its place or its admin2 carries the
  city's name, or lies within 25 km of the city (a city written 'Chicago (Englewood)' is Chicago or
  Englewood); its admin1 is the state; its best fatality and
  injured figures equal the incident's (no figure counts as 0). An article without an event scores
  0 on every field.

:func:`score_event_against_incident` is the one field comparison; the clustering evaluation uses it too.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.evaluation.incident_fields import city_names
from sitrep.evaluation.metrics import haversine_km, ratio
from sitrep.evaluation.processing import DatasetResult, DocumentRunner
from sitrep.evaluation.reading import missing_data, read_jsonl
from sitrep.ingest.records import article_from_record
from sitrep.model import Article, Event
from sitrep.pipeline.document import Document

FIELDS = ("date_exact", "city", "state", "killed_exact", "injured_exact")
CITY_RADIUS_KM = 25.0

# (city, state) -> (lat, lon) of the city, or None when it cannot be placed
CityLocator = Callable[[str, str], tuple[float, float] | None]


@dataclass(frozen=True)
class Incident:
    id: str
    date: dt.date | None
    city: str | None
    state: str | None
    killed: int | None
    injured: int | None

    @property
    def has_metadata(self) -> bool:
        return self.date is not None or self.city is not None


def _name(value: str | None) -> str:
    text = unicodedata.normalize("NFKD", value or "").encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\b(saint|st)\b\.?", "st", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _carries(place_name: str | None, city: str) -> bool:
    """'Chicago' in 'Chicago', 'North Chicago' is not 'Chicago' but 'Chicago Heights' holds it: a word match."""
    name, wanted = _name(place_name), _name(city)
    return bool(name and wanted) and (name == wanted or re.search(rf"\b{re.escape(wanted)}\b", name) is not None)


@functools.lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from sitrep.geo.gazetteer import Gazetteer, default_path

    path = default_path()
    return Gazetteer(path) if path.exists() else None


@functools.lru_cache(maxsize=20_000)
def gazetteer_city(city: str, state: str) -> tuple[float, float] | None:
    """The most populous US place of that name in that state (read from the built gazetteer)."""
    gazetteer = _gazetteer()
    if gazetteer is None:
        return None
    best = None
    for hit in gazetteer.lookup(city):
        entry = hit.entry
        if entry.country_code != "US" or entry.lat is None or entry.lon is None or not entry.admin1_code:
            continue
        admin = gazetteer.admin(entry.admin1_code, "admin1")
        if admin is None or _name(admin.name) != _name(state):
            continue
        if best is None or entry.population > best.population:
            best = entry
    return (best.lat, best.lon) if best is not None else None


def score_event_against_incident(event: Event | None, incident: Incident,
                                 locate: CityLocator | None = gazetteer_city) -> dict[str, bool]:
    """Which of the incident's fields the event has: date_exact, city, state, killed_exact, injured_exact,
    all_fields. ``locate`` places the city for the 25 km test (None: names only)."""
    if event is None:
        return {name: False for name in (*FIELDS, "all_fields")}
    place = event.location
    scores = {
        "date_exact": incident.date is not None and event.date == incident.date,
        "city": _city_matches(event, incident, locate),
        "state": bool(place and incident.state and _name(place.admin1) == _name(incident.state)),
        "killed_exact": incident.killed is not None and (event.fatalities.best or 0) == incident.killed,
        "injured_exact": incident.injured is not None and (event.injured.best or 0) == incident.injured,
    }
    scores["all_fields"] = all(scores.values())
    return scores


def _city_matches(event: Event, incident: Incident, locate: CityLocator | None) -> bool:
    place = event.location
    if place is None or not incident.city:
        return False
    names = city_names(incident.city)
    if any(_carries(place.name, name) or _carries(place.admin2, name) for name in names):
        return True
    if locate is None or place.lat is None or place.lon is None or not incident.state:
        return False
    points = [locate(name, incident.state) for name in names]
    return any(point is not None and haversine_km(place.lat, place.lon, point[0], point[1]) <= CITY_RADIUS_KM
               for point in points)


def main_event(events: Sequence[Event]) -> Event | None:
    """The event marked ``main``, else the first one."""
    for event in events:
        if event.prominence == "main":
            return event
    return events[0] if events else None


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, int | float) or (isinstance(value, str) and value.isdigit()) else None


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def load_incidents(path: Path) -> dict[str, Incident]:
    return {str(r["incident"]): Incident(str(r["incident"]), _date(r.get("date")), r.get("city") or None,
                                         r.get("state") or None, _int(r.get("killed")), _int(r.get("injured")))
            for r in read_jsonl(path, ("incident",))}


@dataclass(frozen=True)
class IncidentArticle:
    article: Article
    incident: str


def load_articles(path: Path, limit: int | None = None) -> list[IncidentArticle]:
    records = read_jsonl(path, ("id", "text"), limit)
    return [IncidentArticle(article_from_record(r, f"{path}:{r['id']}", None), str(r.get("incident") or ""))
            for r in records]


def _event_summary(event: Event) -> dict[str, Any]:
    place = event.location
    return {"id": event.id, "prominence": event.prominence, "type": event.sub_event_type,
            "confidence": event.confidence,
            "date": event.date.isoformat() if event.date else None, "date_precision": event.date_precision,
            "place": place.name if place else None, "admin2": place.admin2 if place else None,
            "admin1": place.admin1 if place else None, "killed": event.fatalities.best,
            "injured": event.injured.best,
            "killed_reported": [q.value for q in sorted(event.fatalities.reported, key=lambda q: q.span.start)],
            "injured_reported": [q.value for q in sorted(event.injured.reported, key=lambda q: q.span.start)],
            "evidence": [s.text[:160] for s in event.evidence[:3]]}


def score_incidents(predicted: Sequence[Sequence[Event] | None], items: Sequence[IncidentArticle],
                    incidents: dict[str, Incident], locate: CityLocator | None = gazetteer_city,
                    failed: int = 0) -> DatasetResult:
    """Scores and one detail record per article (see the module docstring for the keys)."""
    counts = {name: 0 for name in (*FIELDS, "all_fields")}
    n_meta = total_events = without = 0
    details = []
    for events, item in zip(predicted, items, strict=True):
        events = list(events or [])
        total_events += len(events)
        without += not events
        incident = incidents.get(item.incident)
        main = main_event(events)
        scores = None
        if incident is not None and incident.has_metadata:
            n_meta += 1
            scores = score_event_against_incident(main, incident, locate)
            for name, ok in scores.items():
                counts[name] += ok
        details.append({"id": item.article.id, "incident": item.incident, "title": item.article.title,
                        "published": item.article.published.isoformat() if item.article.published else None,
                        "gold": None if incident is None else {
                            "date": incident.date.isoformat() if incident.date else None, "city": incident.city,
                            "state": incident.state, "killed": incident.killed, "injured": incident.injured},
                        "scores": scores, "events": [_event_summary(e) for e in events]})
    n = len(items)
    result = {"articles": n, "failed": failed, "events_per_article": round(ratio(total_events, n), 4),
              "articles_without_event": round(ratio(without, n), 4),
              "main": {"n": n_meta, **{name: round(ratio(c, n_meta), 4) for name, c in counts.items()}}}
    return DatasetResult(result, details)


def corpus_files(path: Path) -> tuple[Path, Path]:
    """articles.jsonl and incidents.jsonl of a corpus folder (or of the folder holding ``path``)."""
    folder = path if path.is_dir() else path.parent
    articles, incidents = folder / "articles.jsonl", folder / "incidents.jsonl"
    for file in (articles, incidents):
        if not file.is_file():
            raise missing_data(file, "incident corpus file")
    return articles, incidents


def _events(doc: Document) -> list[Event]:
    return list(doc.events)


def evaluate_incidents(path: Path, runner: DocumentRunner, limit: int | None = None) -> DatasetResult:
    articles_file, incidents_file = corpus_files(path)
    items = load_articles(articles_file, limit)
    incidents = load_incidents(incidents_file)
    batch = runner.run("incidents", [item.article for item in items], _events)
    return score_incidents(batch.predictions, items, incidents, failed=batch.failed)
