"""A synthetic store for load tests (`make bench-api`): N plausible clusters written in bulk.

Records are made as JSON dicts from a few templates (no extraction, no per-row validation)
and inserted with executemany in large transactions, so 100,000 events take seconds.
The same seed gives the same store. Never use it for anything but measuring.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from sitrep.resources import read_table
from sitrep.store import schema as t

__all__ = ["COUNTRIES", "SyntheticStore", "build_synthetic_store"]

Box = tuple[float, float, float, float]


def _countries() -> tuple[tuple[str, str, tuple[str, ...], Box], ...]:
    """(ISO2, name, admin1 names, lon/lat box west, south, east, north): data/bench/countries.tsv."""
    return tuple((r["iso2"], r["name"], tuple(r["admin1"].split("|")),
                  (float(r["west"]), float(r["south"]), float(r["east"]), float(r["north"])))
                 for r in read_table("bench/countries.tsv"))


def _names(kind: str) -> tuple[str, ...]:
    return tuple(r["value"] for r in read_table("bench/names.tsv") if r["kind"] == kind)


COUNTRIES = _countries()
TYPES = tuple(tuple(value.split("|", 1)) for value in _names("type"))
ACTORS, OUTLETS, WORDS = _names("actor"), _names("outlet"), _names("word")


@dataclass(frozen=True)
class SyntheticStore:
    events: int
    seconds: float
    cluster_ids: list[str]
    countries: list[str]


def _span(text: str) -> dict[str, Any]:
    return {"start": 0, "end": len(text), "text": text}


def _record(i: int, rng: random.Random, start: dt.date) -> tuple[dict[str, Any], str, list[str], dict[str, bool]]:
    code, country, admin1s, (west, south, east, north) = COUNTRIES[rng.randrange(len(COUNTRIES))]
    event_type, sub = TYPES[rng.randrange(len(TYPES))]
    day = start + dt.timedelta(days=rng.randrange(730))
    cid = f"c{i:015x}"
    admin1 = rng.choice(admin1s)
    lat, lon = round(rng.uniform(south, north), 4), round(rng.uniform(west, east), 4)
    a1, a2 = rng.sample(ACTORS, 2)
    killed = rng.choice((0, 0, 1, 2, 3, 5, 8, 12, 20, 45))
    high = killed + rng.choice((0, 0, 2, 10))
    n_reports = rng.choice((1, 1, 2, 3))
    sentence = " ".join(rng.choice(WORDS) for _ in range(12))
    reports: list[dict[str, Any]] = [{"article_id": f"a{i:011x}{r}", "event_id": f"{i:015x}{r}", "outlet": OUTLETS[(i + r) % len(OUTLETS)],
                "url": f"https://example.org/{i}/{r}", "title": f"{sub} in {admin1}", "published": day.isoformat(),
                "origin": OUTLETS[(i + r) % len(OUTLETS)], "evidence": [_span(sentence)]} for r in range(n_reports)]
    contested = rng.random() < 0.15
    claims_by_side: dict[str, Any] = {"party": [{"claimant": a1, "side": "party", "claims": [
        {"article_id": reports[0]["article_id"], "fact": "fatalities", "stance": "claimed",
         "span": _span(f"killed {high} fighters"), "value": high}]}]}
    if contested:
        claims_by_side["party"].append({"claimant": a2, "side": "party", "claims": [
            {"article_id": reports[0]["article_id"], "fact": "fatalities", "stance": "denied",
             "span": _span("the claim")}]})
    record = {
        "id": cid, "event_type": event_type, "sub_event_type": sub, "date": day.isoformat(), "date_precision": 1,
        "location": {"name": f"{admin1} town {i % 97}", "admin1": admin1, "country": country, "country_code": code,
                     "lat": lat, "lon": lon, "geo_precision": 1},
        "actors": [{"actor": {"name": a1, "type": "rebel group", "inter": 2}, "roles": ["actor1"], "reports": 1},
                   {"actor": {"name": a2, "type": "state forces", "inter": 1}, "roles": ["actor2"], "reports": 1}],
        "fatalities": {"low": killed, "best": killed, "high": high, "reported": []},
        "injured": {"reported": []}, "reports": reports, "sources": n_reports,
        "origins": [r["origin"] for r in reports], "claims_by_side": claims_by_side, "contested": contested,
        "contested_reasons": ["a party's figure is denied"] if contested else [], "flags": [],
        "first_reported": day.isoformat(), "last_updated": day.isoformat(), "prominence": "main",
    }
    search = " ".join([r["title"] for r in reports] + [sentence]).lower()
    return record, search, [a1, a2], {a1: True, a2: True} if contested else {a1: True}


def _existing(engine: sa.Engine) -> SyntheticStore | None:
    c = t.clusters.c
    with engine.connect() as conn:
        ids = list(conn.execute(sa.select(c.id)).scalars())
        countries = sorted(set(conn.execute(sa.select(c.country_code).distinct()).scalars()) - {None})
    return SyntheticStore(len(ids), 0.0, ids, countries) if ids else None


def build_synthetic_store(path: Path, n: int = 100_000, rebuild: bool = False, seed: int = 11,
                          chunk: int = 10_000) -> SyntheticStore:
    """A SQLite store of ``n`` synthetic clusters at ``path`` (reused when it already holds ``n``)."""
    from sitrep.store import open_store

    started = time.perf_counter()
    if rebuild and path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{path}", upgrade_schema=True)  # a cached store made by an older sitrep
    found = _existing(store.engine)
    if found is not None and found.events == n:
        return found
    if found is not None:
        return build_synthetic_store(path, n, True, seed, chunk)
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    start = dt.date(2023, 1, 1)
    ids: list[str] = []
    for first in range(0, n, chunk):
        clusters, actors, claimants = [], [], []
        for i in range(first, min(n, first + chunk)):
            record, search, names, claimed = _record(i, rng, start)
            loc = record["location"]
            clusters.append({
                "id": record["id"], "sort_key": f"{record['date']}|{record['id']}",
                "date": dt.date.fromisoformat(record["date"]), "date_precision": 1,
                "country_code": loc["country_code"], "admin1": loc["admin1"], "lat": loc["lat"], "lon": loc["lon"],
                "event_type": record["event_type"], "sub_event_type": record["sub_event_type"],
                "sources": record["sources"], "reports": len(record["reports"]), "contested": record["contested"],
                "party_claims": True, "fatalities_best": record["fatalities"]["best"], "search_text": search,
                "record": record, "created_at": now, "updated_at": now})
            actors += [{"cluster_id": record["id"], "name_key": name.lower(), "name": name} for name in names]
            claimants += [{"cluster_id": record["id"], "name_key": name.lower(), "name": name, "is_party": party}
                          for name, party in claimed.items()]
            ids.append(record["id"])
        with store.engine.begin() as conn:
            # a throwaway file: no fsync per checkpoint (the same WAL commits, minutes -> seconds on a busy disk)
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
            conn.execute(sa.insert(t.clusters), clusters)
            conn.execute(sa.insert(t.cluster_actors), actors)
            conn.execute(sa.insert(t.cluster_claimants), claimants)
    store.close()
    return SyntheticStore(n, time.perf_counter() - started, ids, [c[0] for c in COUNTRIES])
