"""Date expressions resolved against the publication date, with ACLED precision.

STUB (issue #3 replaces it).
"""

from __future__ import annotations

from sitrep.model import DateMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document


class DateResolver(Component[list[DateMention]]):
    """Finds date expressions and resolves them to calendar dates."""

    name = "dates.resolve"
    reads = ("parsed", "sentences", "article")
    writes = ("dates",)

    def match(self, doc: Document) -> list[DateMention]:
        return []

    def set_annotations(self, doc: Document, found: list[DateMention]) -> None:
        doc.dates = found
