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
    "Span",
    "analyse",
    "extract",
    "extract_paths",
    "process_articles",
]
