"""sitrep: conflict reporting into sourced, geocoded, deduplicated event data.

The public API. The library never configures logging.
"""

from sitrep.api import BatchResult, analyse, extract, extract_paths, process_articles
from sitrep.errors import InputProblem, SitrepError
from sitrep.model import Actor, Article, Claim, Count, Event, Flag, Materiel, Place, Quantity, Span
from sitrep.settings import Settings

__all__ = [
    "Actor",
    "Article",
    "BatchResult",
    "Claim",
    "Count",
    "Event",
    "Flag",
    "InputProblem",
    "Materiel",
    "Place",
    "Quantity",
    "Settings",
    "SitrepError",
    "Store",
    "Span",
    "analyse",
    "extract",
    "extract_paths",
    "ingest_paths",
    "open_store",
    "process_articles",
]


def __getattr__(name: str) -> object:
    """The store's API (`open_store`, `ingest_paths`, `Store`), imported on first use: SQLAlchemy is not
    loaded by `import sitrep` alone."""
    if name in ("Store", "ingest_paths", "open_store"):
        import sitrep.store

        return getattr(sitrep.store, name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
