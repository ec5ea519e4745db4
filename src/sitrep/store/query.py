"""Reading the store: an EventFilter turned into SQL, pages with cursors, single records.

The SQL here applies the same rules as :func:`sitrep.filters.matches` (tests check both agree).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from sitrep.filters import EventFilter
from sitrep.model import Event, Span
from sitrep.store import schema as t
from sitrep.store.clustering import ClusterRecord
from sitrep.store.records import (
    ActorCount,
    Decision,
    Page,
    PlaceCount,
    StatRow,
    StoredArticle,
    StoredClaim,
)

c = t.clusters.c


def encode_cursor(value: str | int) -> str:
    return base64.urlsafe_b64encode(str(value).encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    from sitrep.filters import FilterError

    try:  # strict: characters outside the URL-safe alphabet are refused, not skipped
        value = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True).decode("utf-8")
        if not value:
            raise ValueError(cursor)
        return value
    except ValueError:
        raise FilterError("cursor", f"not a cursor this store gave: {cursor!r}",
                          "pass back next_cursor unchanged") from None


_SORT_KEY = re.compile(r"(\d{4}-\d{2}-\d{2}|0000-00-00)\|[A-Za-z0-9_-]{1,64}")


def decode_sort_cursor(cursor: str) -> str:
    """A cluster page's cursor: the last row's sort_key ('YYYY-MM-DD|id'); anything else is refused."""
    from sitrep.filters import FilterError

    value = decode_cursor(cursor)
    if not _SORT_KEY.fullmatch(value):
        raise FilterError("cursor", f"not a cursor this store gave: {cursor[:40]!r}", "pass back next_cursor unchanged")
    return value


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def cluster_conditions(f: EventFilter) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on ``clusters`` for every filter set in ``f``."""
    where: list[sa.ColumnElement[bool]] = []
    if f.date_from:
        where.append(c.date >= f.date_from)
    if f.date_to:
        where.append(c.date <= f.date_to)
    if f.country:
        where.append(c.country_code.in_(f.country))
    if f.admin1:
        where.append(sa.func.lower(c.admin1).in_([a.lower() for a in f.admin1]))
    if f.bbox:
        west, south, east, north = f.bbox
        where += [c.lat.between(south, north), c.lon.between(west, east)]
    if f.event_type:
        where.append(c.event_type.in_(f.event_type))
    if f.sub_event_type:
        where.append(c.sub_event_type.in_(f.sub_event_type))
    if f.actor:
        actors = t.cluster_actors.c
        where.append(sa.exists().where(actors.cluster_id == c.id,
                                       actors.name_key.in_([a.lower() for a in f.actor])))
    if f.claimant:
        claimants = t.cluster_claimants.c
        where.append(sa.exists().where(claimants.cluster_id == c.id,
                                       claimants.name_key.in_([a.lower() for a in f.claimant])))
    if f.party_claims is not None:
        where.append(c.party_claims == f.party_claims)
    if f.contested is not None:
        where.append(c.contested == f.contested)
    if f.min_sources is not None:
        where.append(c.sources >= f.min_sources)
    if f.q:
        where += [c.search_text.contains(word, autoescape=True) for word in f.q.lower().split()]
    if f.updated_since is not None:
        where.append(c.updated_at >= f.updated_since)
    return where


def sort_key_bounds(f: EventFilter) -> list[sa.ColumnElement[bool]]:
    """The date range again, on ``sort_key`` ('YYYY-MM-DD|id', '0000-00-00|id' when undated).

    The same rows as the date conditions (which stay), but a range on the page order lets an index
    (filter column, sort_key) give a dated page in order, reading only its rows: country and a month
    over 100,000 clusters 3.0 ms -> 0.3 ms of SQLite, where the (country, date) index read every row
    of the month and sorted them.
    """
    where: list[sa.ColumnElement[bool]] = []
    if f.date_from:
        where.append(c.sort_key >= f.date_from.isoformat())
    if f.date_to and f.date_to < dt.date.max:
        where.append(c.sort_key < (f.date_to + dt.timedelta(days=1)).isoformat())
    return where


def page_select(dialect: str, f: EventFilter, limit: int, cursor: str | None,
                *columns: sa.ColumnElement[Any]) -> sa.Select[Any]:
    """``columns`` of one page of clusters passing ``f``, latest first, ``limit + 1`` rows (the extra
    one says whether a next page exists)."""
    where = [*cluster_conditions(f), *sort_key_bounds(f)]
    if cursor:
        where.append(c.sort_key < decode_sort_cursor(cursor))
    if f.bbox and dialect == "sqlite":
        # A box matches rows all over the page order, so they are sorted: sort the (lat, lon, sort_key)
        # index entries alone, then read the page's rows by rowid (4.0 -> 1.7 ms for a 5-degree box).
        rowid: sa.ColumnElement[Any] = sa.literal_column("clusters.rowid")
        keys = sa.select(rowid).select_from(t.clusters).where(*where).order_by(c.sort_key.desc()).limit(limit + 1)
        return sa.select(*columns).where(rowid.in_(keys.scalar_subquery())).order_by(c.sort_key.desc())
    return sa.select(*columns).where(*where).order_by(c.sort_key.desc()).limit(limit + 1)


def store_time(value: dt.datetime | None) -> dt.datetime | None:
    """A stored instant as an aware UTC datetime (SQLite hands back naive ones)."""
    return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


def record_of(data: dict[str, Any], updated_at: dt.datetime | None = None) -> ClusterRecord:
    """A stored record, with the time its cluster last changed in the store (``updated_at``, UTC)."""
    record = ClusterRecord.model_validate(data)
    record.updated_at = store_time(updated_at)
    return record


def query_clusters(conn: sa.Connection, f: EventFilter, limit: int = 100, cursor: str | None = None,
                   with_total: bool = True) -> Page[ClusterRecord]:
    """Clusters passing ``f``, latest date first (then id), ``limit`` per page; ``total`` on the first page."""
    where = cluster_conditions(f)
    total = conn.execute(sa.select(sa.func.count()).select_from(t.clusters).where(*where)).scalar_one() \
        if with_total and not cursor else None
    rows = conn.execute(page_select(conn.dialect.name, f, limit, cursor, c.sort_key, c.record, c.updated_at)).all()
    items = [record_of(row.record, row.updated_at) for row in rows[:limit]]
    next_cursor = encode_cursor(rows[limit - 1].sort_key) if len(rows) > limit and limit > 0 else None
    return Page(items=items, next_cursor=next_cursor, total=total)


def get_cluster(conn: sa.Connection, cluster_id: str) -> ClusterRecord | None:
    row = conn.execute(sa.select(c.record, c.updated_at).where(c.id == cluster_id)).first()
    if row is None:
        # a cluster bridged into another answers with the survivor, so old links keep working
        survivor = conn.execute(sa.select(t.cluster_aliases.c.survivor)
                                .where(t.cluster_aliases.c.id == cluster_id)).scalar()
        return get_cluster(conn, survivor) if survivor else None
    return record_of(row.record, row.updated_at)


def query_reports(conn: sa.Connection, f: EventFilter, limit: int = 100, cursor: str | None = None
                  ) -> Page[Event]:
    """Per-article events of the clusters passing ``f``, latest ingested first."""
    e = t.events.c
    query = sa.select(e.seq, e.data).join(t.clusters, c.id == e.cluster_id).where(*cluster_conditions(f))
    if cursor:
        query = query.where(e.seq < int(decode_cursor(cursor)))
    rows = conn.execute(query.order_by(e.seq.desc()).limit(limit + 1)).all()
    items = [Event.model_validate(row.data) for row in rows[:limit]]
    next_cursor = encode_cursor(rows[limit - 1].seq) if len(rows) > limit and limit > 0 else None
    return Page(items=items, next_cursor=next_cursor)


def decisions_of(conn: sa.Connection, event_ids: Sequence[str]) -> list[Decision]:
    rows = conn.execute(sa.select(t.decisions).where(t.decisions.c.event_id.in_(list(event_ids)))).mappings()
    by_id = {row["event_id"]: Decision(**row) for row in rows}
    return [by_id[i] for i in event_ids if i in by_id]


def get_article(conn: sa.Connection, article_id: str) -> StoredArticle | None:
    a = t.articles.c
    row = conn.execute(sa.select(t.articles).where(a.id == article_id)).mappings().first()
    if row is None:
        return None
    events = conn.execute(sa.select(t.events.c.data, t.events.c.id, t.events.c.cluster_id)
                          .where(t.events.c.article_id == article_id).order_by(t.events.c.seq)).all()
    versions = conn.execute(sa.select(a.id).where(a.key == row["key"]).order_by(a.version)).scalars().all()
    return StoredArticle(
        id=row["id"], version=row["version"], current=row["current"], text=row["text"], title=row["title"],
        url=row["url"], outlet=row["outlet"], published=row["published"], source_path=row["source_path"],
        ingested_at=_utc(row["ingested_at"]), events=[Event.model_validate(e.data) for e in events],
        cluster_ids={e.id: e.cluster_id for e in events if e.cluster_id},
        attributions=row["attributions"] or [], versions=list(versions))


def _span(data: dict[str, Any], key: str) -> Span | None:
    value = data.get(key)
    return Span.model_validate(value) if value else None


def query_claims(conn: sa.Connection, f: EventFilter, limit: int = 100, cursor: str | None = None
                 ) -> Page[StoredClaim]:
    """Every stored attribution passing ``f``: claimant, party, dates and words filter the claim itself;
    the other filters keep claims on events of clusters that pass them (so they drop speech on no event)."""
    k = t.claims.c
    e = t.events.c
    query = (sa.select(t.claims, e.cluster_id, t.articles.c.outlet, t.articles.c.url)
             .join(t.articles, t.articles.c.id == k.article_id)
             .outerjoin(t.events, e.id == k.event_id))
    if f.claimant:
        query = query.where(k.claimant_key.in_([x.lower() for x in f.claimant]))
    if f.party_claims is not None:
        query = query.where(k.claimant_is_party == f.party_claims)
    if f.date_from:
        query = query.where(k.date >= f.date_from)
    if f.date_to:
        query = query.where(k.date <= f.date_to)
    if f.q:
        query = query.where(*[sa.func.lower(k.text).contains(w, autoescape=True) for w in f.q.lower().split()])
    rest = f.replace(claimant=(), party_claims=None, date_from=None, date_to=None, q=None)
    if not rest.is_empty():
        query = query.where(e.cluster_id.in_(sa.select(c.id).where(*cluster_conditions(rest))))
    if cursor:
        query = query.where(k.pk > int(decode_cursor(cursor)))
    rows = conn.execute(query.order_by(k.pk).limit(limit + 1)).mappings().all()
    items = []
    for row in rows[:limit]:
        data = row["data"]
        items.append(StoredClaim(
            id=row["pk"], article_id=row["article_id"], event_id=row["event_id"], cluster_id=row["cluster_id"],
            fact=row["fact"], claimant=row["claimant"], claimant_is_party=row["claimant_is_party"],
            stance=row["stance"], channel=row["channel"], date=row["date"], text=row["text"],
            claimant_span=_span(data, "claimant_span"), cue=_span(data, "cue"), span=_span(data, "span"),
            outlet=row["outlet"], url=row["url"]))
    next_cursor = encode_cursor(rows[limit - 1]["pk"]) if len(rows) > limit and limit > 0 else None
    return Page(items=items, next_cursor=next_cursor)


def actors(conn: sa.Connection, f: EventFilter) -> list[ActorCount]:
    a = t.cluster_actors.c
    rows = conn.execute(sa.select(sa.func.min(a.name), sa.func.count().label("n"),
                                  sa.func.coalesce(sa.func.sum(c.fatalities_best), 0))
                        .join(t.clusters, c.id == a.cluster_id).where(*cluster_conditions(f))
                        .group_by(a.name_key).order_by(sa.desc("n"), a.name_key)).all()
    return [ActorCount(name=name, clusters=n, fatalities=deaths) for name, n, deaths in rows]


def places(conn: sa.Connection, f: EventFilter) -> list[PlaceCount]:
    rows = conn.execute(sa.select(c.country_code, c.admin1, sa.func.count().label("n"),
                                  sa.func.coalesce(sa.func.sum(c.fatalities_best), 0), sa.func.avg(c.lat),
                                  sa.func.avg(c.lon))
                        .where(*cluster_conditions(f)).group_by(c.country_code, c.admin1)
                        .order_by(sa.desc("n"), c.country_code, c.admin1)).all()
    return [PlaceCount(country_code=cc, admin1=a1, clusters=n, fatalities=deaths, lat=lat, lon=lon)
            for cc, a1, n, deaths, lat, lon in rows]


def _period(day: dt.date, by: str) -> str:
    if by == "month":
        return day.strftime("%Y-%m")
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def stats(conn: sa.Connection, f: EventFilter, by: str = "day", group: str = "event_type") -> list[StatRow]:
    """Clusters and best fatality figures per period and group (event_type, country, admin1 or actor)."""
    if by not in ("day", "week", "month") or group not in ("event_type", "country", "admin1", "actor"):
        from sitrep.filters import FilterError

        raise FilterError("by" if by not in ("day", "week", "month") else "group", "unknown value",
                          "by: day, week or month; group: event_type, country, admin1 or actor")
    where = [*cluster_conditions(f), c.date.is_not(None)]
    # SQL counts per day and group (a few thousand rows), Python folds days into weeks or months:
    # 10,000 clusters 79 -> 42 ms CPU, where every cluster used to come back as a row.
    n, best = sa.func.count(), sa.func.coalesce(sa.func.sum(c.fatalities_best), 0)
    if group == "actor":
        a = t.cluster_actors.c
        key: sa.ColumnElement[Any] = a.name
        query = sa.select(c.date, key, n, best).join(t.cluster_actors, a.cluster_id == c.id)
    else:
        key = {"event_type": c.event_type, "country": c.country_code, "admin1": c.admin1}[group]
        query = sa.select(c.date, key, n, best)
    counts: Counter[tuple[str, str | None]] = Counter()
    deaths: defaultdict[tuple[str, str | None], int] = defaultdict(int)
    for day, name, clusters, dead in conn.execute(query.where(*where).group_by(c.date, key)):
        slot = (_period(day, by), name)
        counts[slot] += clusters
        deaths[slot] += dead or 0
    return [StatRow(period=p, group=g, clusters=n, fatalities=deaths[(p, g)])
            for (p, g), n in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))]
