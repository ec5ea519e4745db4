"""Store benchmark: ingest speed, and whether the cost per article grows with the store.

    python -m sitrep.store.bench speed ARTICLES.jsonl [--limit 500] [--db URL]
    python -m sitrep.store.bench scale ARTICLES.jsonl [--limit 200] [--sizes 1000,10000,100000,1000000]

`speed` times (CPU seconds, and wall-clock) extraction alone, then the store alone (writing and merging the same outcomes),
then a whole `ingest` (extraction, store and merging) into a fresh store.

`scale` fills one store with synthetic stored events (executemany in big batches) up to each size
in turn and times the store's work per article (write + blocking + decide + record refresh) for the
same real articles, extracted once, then deletes them again. Synthetic events have a constant
density (``DENSITY`` per day in the test articles' country, row i on day i // DENSITY before the last
test article, so a bigger store reaches further back), as a growing archive has: the candidates each lookup meets stay the same, so any growth
in time per article is the index's. Each synthetic event also carries two rare names drawn from the test
articles' own (the ``event_names`` index), so every name a test article looks up meets thousands of stored
reports at 1M: the name lookup's worst case, bounded by ``NAME_ROWS`` per name. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from sitrep.model import Article
from sitrep.pipeline.pipeline import Outcome
from sitrep.settings import Settings
from sitrep.store import open_store
from sitrep.store import schema as t

DENSITY = 20  # synthetic stored events per day, in the test articles' country
GENERATE_BATCH = 20_000


class Timer:
    """Wall-clock and CPU seconds of a block (the machine may be shared: CPU time is the fairer figure)."""

    def __enter__(self) -> Timer:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def read_articles(path: Path, limit: int) -> list[Article]:
    from sitrep.ingest import read_paths

    articles = []
    for article in read_paths([path], settings=Settings()).articles():
        articles.append(article)
        if len(articles) >= limit:
            break
    return articles


def extract_all(articles: list[Article], cache: Path | None) -> tuple[list[Outcome], float]:
    """Outcomes of the pipeline (read from ``cache`` when it holds them) and the CPU seconds extraction took."""
    if cache is not None and cache.exists():
        outcomes, seconds = pickle.loads(cache.read_bytes())
        if [o.article.id for o in outcomes[:len(articles)]] == [a.id for a in articles]:
            share = len(articles) / len(outcomes)  # a cache of more articles serves their first ones
            return outcomes[:len(articles)], seconds * share
    from sitrep.api import get_pipeline, process_articles

    get_pipeline(Settings())
    with Timer() as timer:
        outcomes = list(process_articles(articles, Settings()))
    seconds = timer.cpu
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps((outcomes, seconds)))
    return outcomes, seconds


def replay(outcomes: list[Outcome]) -> Any:
    """An extractor that hands back ready outcomes (so the store's own time is measured)."""
    by_id = {o.article.id: o for o in outcomes}

    def run(articles: Iterable[Article], _settings: Settings) -> Iterator[Outcome]:
        for article in articles:
            yield by_id[article.id]

    return run


def speed(args: argparse.Namespace) -> dict[str, Any]:
    from sitrep.store import ingest_paths

    articles = read_articles(args.articles, args.limit)
    outcomes, extraction = extract_all(articles, args.cache)
    n = len(articles)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.db or f"{tmp}/store-only.db")
        with Timer() as alone:
            report = store.ingest(articles, extract=replay(outcomes))
        status = store.status()
        store.close()
        full = open_store(f"{tmp}/full.db")
        with Timer() as whole:
            ingest_paths([args.articles], full) if args.limit >= 10**9 else full.ingest(articles)
        full.close()
    return {"articles": n, "events": report.events, "clusters": status.clusters,
            "extraction_articles_per_cpu_s": round(n / extraction, 1),
            "store_articles_per_cpu_s": round(n / alone.cpu, 1),
            "store_ms_per_article_cpu": round(1000 * alone.cpu / n, 2),
            "store_ms_per_article_wall": round(1000 * alone.wall / n, 2),
            "ingest_articles_per_cpu_s": round(n / whole.cpu, 1),
            "ingest_articles_per_wall_s": round(n / whole.wall, 1)}


Rows = list[dict[str, Any]]


def _synthetic(start: int, count: int, anchor_end: dt.date, country: str, lat: float, lon: float,
               rng: random.Random, names: list[str]) -> tuple[Rows, Rows, Rows, Rows]:
    """``count`` stored articles, events, their names and clusters around (lat, lon), ``DENSITY`` a day back
    from the end."""
    now = dt.datetime.now(dt.UTC)
    articles: Rows = []
    events: Rows = []
    named: Rows = []
    clusters: Rows = []
    for i in range(start, start + count):
        day = anchor_end - dt.timedelta(days=i // DENSITY)  # row i on day i // DENSITY back: constant density
        plat, plon = lat + rng.uniform(-12, 12), lon + rng.uniform(-25, 25)
        aid, eid = f"synth-a{i}", f"synth-e{i}"
        vector = sorted({rng.randrange(1 << 20) for _ in range(40)})
        pair = [names[i % len(names)], names[(i * 7 + 3) % len(names)]]
        weight = round(1 / (len(vector) ** 0.5), 6)
        mention = {"event_id": eid, "article_id": aid, "outlet": f"outlet{i % 97}", "url": None,
                   "published": day.isoformat(), "date": day.isoformat(), "date_precision": 1,
                   "event_type": "Violence against civilians", "sub_event_type": "Attack", "lat": plat, "lon": plon,
                   "geo_precision": 1, "country_code": country, "admin1": f"Region {i % 50}", "place_name": f"Town {i}",
                   "actors": [], "killed": i % 4, "injured": None, "vector": [[b, weight] for b in vector],
                   "origin": f"outlet{i % 97}", "admin2": None, "title": f"Synthetic report {i}", "named_actors": [],
                   "names": pair}
        place = {"name": f"Town {i}", "admin1": f"Region {i % 50}", "country_code": country, "lat": plat, "lon": plon,
                 "geo_precision": 1}
        event = {"id": eid, "article_ids": [aid], "event_type": "Violence against civilians",
                 "sub_event_type": "Attack", "date": day.isoformat(), "date_precision": 1, "location": place,
                 "fatalities": {"best": i % 4}}
        articles.append({"id": aid, "key": aid, "version": 1, "current": True, "text_hash": aid,
                         "text": f"Synthetic report {i}.", "title": f"Synthetic report {i}", "url": None,
                         "outlet": f"outlet{i % 97}", "published": day, "language": "en", "source_path": None,
                         "origin": None, "attributions": [], "ingested_at": now})
        events.append({"id": eid, "article_id": aid, "seq": -(10**7) + i, "cluster_id": "c" + eid,
                       "prominence": "main", "date": day, "anchor": day, "event_type": event["event_type"],
                       "sub_event_type": "Attack", "country_code": country, "admin1": place["admin1"],
                       "lat": plat, "lon": plon, "fatalities_best": i % 4, "place_key": f"town {i}", "data": event,
                       "mention": mention})
        named += [{"event_id": eid, "name": name, "anchor": day} for name in pair]
        clusters.append({"id": "c" + eid, "sort_key": f"{day.isoformat()}|c{eid}", "date": day, "date_precision": 1,
                         "country_code": country, "admin1": place["admin1"], "lat": plat, "lon": plon,
                         "event_type": event["event_type"], "sub_event_type": "Attack", "sources": 1, "reports": 1,
                         "contested": False, "party_claims": False, "fatalities_best": i % 4, "search_text": "",
                         "record": {"id": "c" + eid, "event_type": event["event_type"], "sub_event_type": "Attack"},
                         "created_at": now, "updated_at": now})
    return articles, events, named, clusters


_SQLITE_FILL = """
INSERT INTO {table} ({columns})
WITH RECURSIVE n(i) AS (SELECT :start UNION ALL SELECT i + 1 FROM n WHERE i + 1 < :stop),
pool(j, name) AS (SELECT CAST(key AS INTEGER), value FROM json_each(:pool)),
synth AS (SELECT i, date(:end, '-' || (i / :density) || ' days') AS d,
                 :lat + ((i * 48271) % 100003) / 100003.0 * 24 - 12 AS lat,
                 :lon + ((i * 69621) % 100019) / 100019.0 * 50 - 25 AS lon,
                 (SELECT name FROM pool WHERE j = i % :names) AS name1,
                 (SELECT name FROM pool WHERE j = (i * 7 + 3) % :names) AS name2 FROM n)
SELECT {values} FROM synth
"""
# (table, columns, values) of each INSERT ... SELECT, in order
_SQLITE_ROWS = [
    ("articles", "id, key, version, current, text_hash, text, title, outlet, published, language, attributions, "
                 "ingested_at",
                 "'synth-a' || i, 'synth-a' || i, 1, 1, 'synth-a' || i, 'Synthetic report ' || i || '.', "
                 "'Synthetic report ' || i, 'outlet' || (i % 97), d, 'en', '[]', :now"),
    ("events", "id, article_id, seq, cluster_id, prominence, date, anchor, event_type, sub_event_type, country_code, "
               "admin1, lat, lon, fatalities_best, place_key, data, mention",
               "'synth-e' || i, 'synth-a' || i, i - 10000000, 'csynth-e' || i, 'main', d, d, "
               "'Violence against civilians', 'Attack', :country, 'Region ' || (i % 50), lat, lon, i % 4, 'town ' || i, "
               "json_object('id', 'synth-e' || i, 'article_ids', json_array('synth-a' || i), "
               "'event_type', 'Violence against civilians', 'sub_event_type', 'Attack', 'date', d, "
               "'date_precision', 1, 'location', json_object('name', 'Town ' || i, 'admin1', 'Region ' || (i % 50), "
               "'country_code', :country, 'lat', lat, 'lon', lon, 'geo_precision', 1), "
               "'fatalities', json_object('best', i % 4)), "
               "json_object('event_id', 'synth-e' || i, 'article_id', 'synth-a' || i, 'outlet', 'outlet' || (i % 97), "
               "'url', NULL, 'published', d, 'date', d, 'date_precision', 1, 'event_type', "
               "'Violence against civilians', 'sub_event_type', 'Attack', 'lat', lat, 'lon', lon, 'geo_precision', 1, "
               "'country_code', :country, 'admin1', 'Region ' || (i % 50), 'place_name', 'Town ' || i, "
               "'actors', json('[]'), 'killed', i % 4, 'injured', NULL, 'vector', json_array("
               "json_array((i * 31) % 1048576, 0.5), json_array((i * 37 + 5) % 1048576, 0.5), "
               "json_array((i * 41 + 9) % 1048576, 0.5), json_array((i * 43 + 11) % 1048576, 0.5)), "
               "'origin', 'outlet' || (i % 97), 'admin2', NULL, 'title', 'Synthetic report ' || i, "
               "'named_actors', json('[]'), 'names', json_array(name1, name2))"),
    ("event_names", "event_id, name, anchor", "'synth-e' || i, name1, d"),
    ("event_names", "event_id, name, anchor", "'synth-e' || i, name2, d"),
    ("clusters", "id, sort_key, date, date_precision, country_code, admin1, lat, lon, event_type, sub_event_type, "
                 "sources, reports, contested, party_claims, fatalities_best, search_text, record, created_at, "
                 "updated_at",
                 "'csynth-e' || i, d || '|csynth-e' || i, d, 1, :country, 'Region ' || (i % 50), lat, lon, "
                 "'Violence against civilians', 'Attack', 1, 1, 0, 0, i % 4, '', "
                 "json_object('id', 'csynth-e' || i, 'event_type', 'Violence against civilians', "
                 "'sub_event_type', 'Attack'), :now, :now"),
]


def fill_sqlite(store: Any, have: int, want: int, anchor_end: dt.date, country: str, lat: float,
                lon: float, names: list[str]) -> None:
    """The same synthetic rows made inside SQLite (INSERT ... SELECT over a recursive CTE): a million in
    minutes, not hours, on a shared 2-core machine."""
    params = {"start": have, "stop": want, "end": anchor_end.isoformat(), "density": DENSITY,
              "lat": lat, "lon": lon, "country": country, "pool": json.dumps(names), "names": len(names),
              "now": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")}
    with store.engine.begin() as conn:
        for table, columns, values in _SQLITE_ROWS:
            conn.execute(sa.text(_SQLITE_FILL.format(table=table, columns=columns, values=values)), params)


def fill(store: Any, have: int, want: int, anchor_end: dt.date, country: str, lat: float, lon: float,
         names: list[str]) -> float:
    """Add synthetic stored events until the store holds ``want``; returns the seconds it took."""
    rng = random.Random(want)
    started = time.perf_counter()
    if store.engine.dialect.name == "sqlite":
        fill_sqlite(store, have, want, anchor_end, country, lat, lon, names)
        return time.perf_counter() - started
    for start in range(have, want, GENERATE_BATCH):
        rows = _synthetic(start, min(GENERATE_BATCH, want - start), anchor_end, country, lat, lon, rng, names)
        with store.engine.begin() as conn:
            for table, batch in zip((t.articles, t.events, t.event_names, t.clusters), rows, strict=True):
                conn.execute(sa.insert(table), batch)
    return time.perf_counter() - started


def test_article_names(articles: list[Article], outcomes: list[Outcome], tmp: str) -> list[str]:
    """The rare names the test articles' main reports are indexed by (a throwaway store works them out
    as ingest does), for the synthetic events to share."""
    store = open_store(f"{tmp}/names.db")
    try:
        store.ingest(articles, extract=replay(outcomes))
        with store.engine.connect() as conn:
            found = conn.execute(sa.select(t.event_names.c.name).distinct().order_by(t.event_names.c.name))
            names = [row.name for row in found]
    finally:
        store.close()
    return names or ["synthetic name"]


def scale(args: argparse.Namespace) -> dict[str, Any]:
    articles = read_articles(args.articles, args.limit)
    outcomes, extraction = extract_all(articles, args.cache)
    located = [e.location for o in outcomes if o.document for e in o.document.events
               if e.location and e.location.lat is not None]
    country = max({p.country_code for p in located}, key=lambda c: sum(p.country_code == c for p in located))
    mid = [p for p in located if p.country_code == country]
    lat = sorted(p.lat or 0.0 for p in mid)[len(mid) // 2]
    lon = sorted(p.lon or 0.0 for p in mid)[len(mid) // 2]
    dates = sorted(a.published for a in articles if a.published)
    anchor_end = dates[-1] + dt.timedelta(days=10)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        names = test_article_names(articles, outcomes, tmp)
        url = args.db or f"{tmp}/scale.db"
        store = open_store(url)
        have = 0
        for size in sizes:
            generated = fill(store, have, size, anchor_end, country or "US", lat, lon, names)
            have = size
            store.close()
            store = open_store(url)  # cold caches: every candidate is read from the database
            with Timer() as timer:
                report = store.ingest(articles, extract=replay(outcomes))
            seconds = timer.cpu
            for article in articles:
                store.delete_article(article.id)
            row = {"stored_events": size, "store_ms_per_article": round(1000 * seconds / len(articles), 2),
                   "store_wall_ms_per_article": round(1000 * timer.wall / len(articles), 2),
                   "ingest_ms_per_article": round(1000 * (seconds + extraction) / len(articles), 2),
                   "events": report.events, "generate_s": round(generated, 1)}
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
        store.close()
    base = next((r for r in rows if r["stored_events"] == 10_000), rows[0])
    return {"articles": len(articles), "country": country, "density_per_day": DENSITY, "shared_names": len(names),
            "extraction_ms_per_article": round(1000 * extraction / len(articles), 2), "sizes": rows,
            "ratio_largest_to_10k": round(rows[-1]["store_ms_per_article"] / base["store_ms_per_article"], 2)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sitrep.store.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["speed", "scale"])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--db", default=None, help="store URL (default: a temporary SQLite file)")
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--cache", type=Path, default=None, help="pickle of extracted outcomes to reuse")
    parser.add_argument("--tmp", default=None, help="folder for the temporary store")
    args = parser.parse_args(argv)
    result = speed(args) if args.mode == "speed" else scale(args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
