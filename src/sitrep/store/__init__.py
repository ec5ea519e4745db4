"""The event store: articles, events, claims and clusters in SQLite or PostgreSQL (SQLAlchemy Core).

``open_store(url)`` returns a :class:`Store`; ``ingest_paths(paths, store)`` reads, extracts, stores and
merges. SQL lives in this package only.
"""

from sitrep.store.ingest import ingest_articles, ingest_paths
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
from sitrep.store.store import Store, open_store

__all__ = [
    "ActorCount",
    "Alert",
    "Decision",
    "IngestReport",
    "Page",
    "PlaceCount",
    "StatRow",
    "Store",
    "StoreStatus",
    "StoredArticle",
    "StoredClaim",
    "Watchlist",
    "ingest_articles",
    "ingest_paths",
    "open_store",
]
