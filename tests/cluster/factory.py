"""Hand-built events and articles for the clustering tests (invented places, people and figures)."""

from __future__ import annotations

import datetime as dt

from sitrep.cluster.mention import Mention, mention_from_event
from sitrep.model import Actor, Article, Claim, Count, Event, Place, Quantity, Span

TOWNS = {
    "Millbrook": (40.10, -88.20, "Illinois", "Champaign County"),
    "Harlow": (40.12, -88.25, "Illinois", "Champaign County"),
    "Easton Falls": (41.50, -87.60, "Illinois", "Cook County"),
    "Riverside Bay": (34.00, -118.30, "California", "Los Angeles County"),
}


def place(town: str, precision: int = 1) -> Place:
    lat, lon, admin1, admin2 = TOWNS[town]
    return Place(name=town, admin1=admin1, admin2=admin2, country="United States", country_code="US",
                 lat=lat, lon=lon, geo_precision=precision, feature="city")


def count(best: int | None, kind: str = "killed") -> Count:
    if best is None:
        return Count()
    quantity = Quantity(kind=kind, value=best, span=Span(start=0, end=1, text="x"))  # type: ignore[arg-type]
    return Count(low=best, best=best, high=best, reported=[quantity])


def event(eid: str, town: str | None, day: str | None, killed: int | None = None, injured: int | None = None,
          text: str = "", **fields: object) -> Event:
    evidence = [Span(start=0, end=len(text), text=text)] if text else []
    return Event(id=eid, article_ids=[], event_type="Violence against civilians", sub_event_type="Attack",
                 date=dt.date.fromisoformat(day) if day else None, date_precision=1 if day else None,
                 location=place(town) if town else None, fatalities=count(killed),
                 injured=count(injured, "injured"), evidence=evidence, **fields)  # type: ignore[arg-type]


def article(aid: str, published: str, url: str | None = None, title: str = "", text: str = "") -> Article:
    return Article(id=aid, text=text or title or "report", title=title, url=url,
                   published=dt.date.fromisoformat(published))


def mention(eid: str, town: str | None, day: str | None, text: str, published: str | None = None,
            killed: int | None = None, injured: int | None = None, url: str | None = None) -> Mention:
    ev = event(eid, town, day, killed, injured, text)
    return mention_from_event(ev, article("a" + eid, published or day or "2020-01-01", url, text=text))


def claim(fact: str, claimant: str, party: bool, stance: str = "asserted", index: int | None = None) -> Claim:
    return Claim(fact=fact, fact_index=index, claimant=claimant, claimant_is_party=party,  # type: ignore[arg-type]
                 stance=stance, span=Span(start=0, end=1, text="x"))  # type: ignore[arg-type]


def actor(name: str) -> Actor:
    return Actor(name=name)
