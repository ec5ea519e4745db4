"""``Store``: the event store's face. Each method opens a connection and calls one function.

Reading is in :mod:`sitrep.store.query`, writing in :mod:`sitrep.store.write` and
:mod:`sitrep.store.clusters`, ingest orchestration in :mod:`sitrep.store.ingest`.
One writer at a time; any number of readers (SQLite WAL, or PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from types import TracebackType

import sqlalchemy as sa

from sitrep.errors import SitrepError
from sitrep.filters import EventFilter, filter_to_params, parse_filter
from sitrep.model import Article, Event
from sitrep.pipeline.document import Document
from sitrep.settings import Settings
from sitrep.store import query
from sitrep.store import schema as t
from sitrep.store.clustering import ClusterRecord
from sitrep.store.clusters import ClusterMaintainer
from sitrep.store.engine import create_engine
from sitrep.store.ingest import BATCH_SIZE, Extractor, Progress, ingest_articles
from sitrep.store.migrate import current_revision, head_revision, upgrade
from sitrep.store.records import (
    ActorCount,
    Alert,
    Decision,
    IngestReport,
    Page,
    PlaceCount,
    StatRow,
    StoredArticle,
    StoredClaim,
    StoreStatus,
    Watchlist,
)
from sitrep.store.write import Plan, write_batch


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Store:
    """An open event store. Build with :func:`open_store`."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.maintainer = ClusterMaintainer()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    def ingest(self, articles: Iterable[Article], settings: Settings | None = None,
               progress: Progress | None = None, batch_size: int = BATCH_SIZE,
               extract: Extractor | None = None) -> IngestReport:
        """Extract, store and merge ``articles``: one transaction per batch, idempotent, versioned."""
        return ingest_articles(self, articles, settings, progress, batch_size, extract)

    def write(self, batch: Sequence[tuple[Plan, Document]], report: IngestReport,
              copies: Sequence[Plan] = ()) -> None:
        """Store one batch of extracted articles (and ``copies`` of stored ones, see ``write_copies``) in one
        transaction and add what it did to ``report``."""
        now = _now()
        try:
            with self.engine.begin() as conn:
                self.maintainer.begin(conn)
                result = write_batch(conn, batch, self.maintainer, now, copies)
        except Exception:
            self.maintainer.reset()
            raise
        report.articles_new += result.articles - result.versions
        report.copies += result.copies
        report.versions += result.versions
        report.events += result.events
        changed = set(report.changed_cluster_ids) | (result.changed - result.removed)
        removed = set(report.removed_cluster_ids) | result.removed
        report.changed_cluster_ids = sorted(changed - removed)
        report.removed_cluster_ids = sorted(removed)

    def delete_article(self, article_id: str) -> bool:
        """Remove an article (every version) with its events, claims and flags; refresh its clusters."""
        a = t.articles.c
        with self.engine.begin() as conn:
            key = conn.execute(sa.select(a.key).where(a.id == article_id)).scalar()
            if key is None:
                return False
            ids = conn.execute(sa.select(a.id).where(a.key == key)).scalars().all()
            events = conn.execute(sa.select(t.events.c.id, t.events.c.cluster_id)
                                  .where(t.events.c.article_id.in_(ids))).all()
            event_ids = [e.id for e in events]
            for table in (t.claims, t.flags):
                conn.execute(sa.delete(table).where(table.c.article_id.in_(ids)))
            conn.execute(sa.delete(t.decisions).where(t.decisions.c.event_id.in_(event_ids)))
            conn.execute(sa.delete(t.event_names).where(t.event_names.c.event_id.in_(event_ids)))
            conn.execute(sa.delete(t.events).where(t.events.c.id.in_(event_ids)))
            conn.execute(sa.delete(t.articles).where(a.id.in_(ids)))
            self.maintainer.begin(conn)
            self.maintainer.forget(event_ids)
            self.maintainer.refresh({e.cluster_id for e in events if e.cluster_id}, _now())
        return True

    # -- reading -----------------------------------------------------------------------------

    def query_clusters(self, f: EventFilter | None = None, limit: int = 100, cursor: str | None = None,
                       fields: Sequence[str] | None = None) -> Page[ClusterRecord]:
        """Clusters passing ``f``, latest first. ``fields`` is accepted for the API (records are whole)."""
        with self.engine.connect() as conn:
            return query.query_clusters(conn, f or EventFilter(), limit, cursor)

    def get_cluster(self, cluster_id: str) -> ClusterRecord | None:
        with self.engine.connect() as conn:
            return query.get_cluster(conn, cluster_id)

    def cluster_events(self, cluster_id: str) -> list[Event]:
        """The member events of a cluster, in ingest order."""
        e = t.events.c
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(e.data).where(e.cluster_id == cluster_id).order_by(e.seq)).all()
        return [Event.model_validate(row.data) for row in rows]

    def decisions(self, event_ids: Sequence[str]) -> list[Decision]:
        """The matching decisions made when these events were ingested."""
        with self.engine.connect() as conn:
            return query.decisions_of(conn, event_ids)

    def query_reports(self, f: EventFilter | None = None, limit: int = 100, cursor: str | None = None
                      ) -> Page[Event]:
        with self.engine.connect() as conn:
            return query.query_reports(conn, f or EventFilter(), limit, cursor)

    def get_article(self, article_id: str) -> StoredArticle | None:
        with self.engine.connect() as conn:
            return query.get_article(conn, article_id)

    def query_claims(self, f: EventFilter | None = None, limit: int = 100, cursor: str | None = None
                     ) -> Page[StoredClaim]:
        with self.engine.connect() as conn:
            return query.query_claims(conn, f or EventFilter(), limit, cursor)

    def actors(self, f: EventFilter | None = None) -> list[ActorCount]:
        with self.engine.connect() as conn:
            return query.actors(conn, f or EventFilter())

    def places(self, f: EventFilter | None = None) -> list[PlaceCount]:
        with self.engine.connect() as conn:
            return query.places(conn, f or EventFilter())

    def stats(self, f: EventFilter | None = None, by: str = "day", group: str = "event_type") -> list[StatRow]:
        with self.engine.connect() as conn:
            return query.stats(conn, f or EventFilter(), by, group)

    def article_clusters(self) -> dict[str, str]:
        """Article id -> the cluster of its main event (its first event when none is marked main)."""
        e = t.events.c
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(e.article_id, e.cluster_id, e.prominence).order_by(e.seq))
            mains: set[str] = set()
            for article_id, cluster_id, prominence in rows:
                if prominence == "main" and article_id not in mains:
                    found[article_id] = cluster_id
                    mains.add(article_id)
                elif article_id not in found:
                    found[article_id] = cluster_id
        return found

    def status(self) -> StoreStatus:
        a = t.articles.c
        with self.engine.connect() as conn:
            def count(table: sa.Table, *where: sa.ColumnElement[bool]) -> int:
                return int(conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar_one())

            return StoreStatus(articles=count(t.articles, a.current.is_(True)), events=count(t.events),
                               clusters=count(t.clusters), claims=count(t.claims),
                               schema_version=current_revision(self.engine), article_versions=count(t.articles),
                               url=self.url)

    # -- watchlists ----------------------------------------------------------------------------

    def add_watchlist(self, name: str, f: EventFilter) -> Watchlist:
        """Add or replace the watchlist ``name``."""
        item = Watchlist(name=name, filter=filter_to_params(f), created_at=_now())
        with self.engine.begin() as conn:
            conn.execute(sa.delete(t.watchlists).where(t.watchlists.c.name == name))
            conn.execute(sa.insert(t.watchlists).values(**item.model_dump()))
        return item

    def list_watchlists(self) -> list[Watchlist]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.watchlists).order_by(t.watchlists.c.name)).mappings().all()
        return [Watchlist(name=r["name"], filter=r["filter"], created_at=query._utc(r["created_at"]) or _now())
                for r in rows]

    def watchlist_filter(self, name: str) -> EventFilter | None:
        for item in self.list_watchlists():
            if item.name == name:
                return parse_filter(item.filter)
        return None

    def remove_watchlist(self, name: str) -> bool:
        with self.engine.begin() as conn:
            conn.execute(sa.delete(t.alerts).where(t.alerts.c.watchlist == name))
            return bool(conn.execute(sa.delete(t.watchlists).where(t.watchlists.c.name == name)).rowcount)

    def add_alerts(self, name: str, cluster_ids: Iterable[str]) -> int:
        rows = [{"watchlist": name, "cluster_id": cid, "created_at": _now()} for cid in cluster_ids]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(t.alerts), rows)
        return len(rows)

    def alerts(self, name: str, since: dt.datetime | None = None) -> list[Alert]:
        al = t.alerts.c
        select = sa.select(al.watchlist, al.cluster_id, al.created_at).where(al.watchlist == name)
        if since is not None:
            select = select.where(al.created_at >= since)
        with self.engine.connect() as conn:
            rows = conn.execute(select.order_by(al.pk)).all()
        return [Alert(watchlist=w, cluster_id=cid, created_at=query._utc(at) or _now()) for w, cid, at in rows]


def open_store(url: str | None = None, upgrade_schema: bool = False) -> Store:
    """Open (and on first use create) the store at ``url``: None = SQLite (WAL) at ``$SITREP_HOME/sitrep.db``,
    a path = SQLite there, ``postgresql://...`` = PostgreSQL through psycopg 3.

    A store at an older schema raises E016 unless ``upgrade_schema`` (or `sitrep db upgrade`) migrates it.
    """
    engine = create_engine(url)
    try:
        current = current_revision(engine)
    except sa.exc.OperationalError as exc:
        raise SitrepError("E016", f"cannot open the store at {engine.url!r}: {exc.orig}",
                          "check the path or URL, that the server runs and that you may connect") from exc
    head = head_revision()
    if current is None or (current != head and upgrade_schema):
        upgrade(engine)
    elif current != head:
        raise SitrepError("E016", f"the store is at schema {current}, this sitrep needs {head}",
                          "run `sitrep db upgrade` (with the same --db)")
    return Store(engine)
