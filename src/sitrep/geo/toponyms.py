"""Toponym recognition and resolution to places.

STUB (issue #4 replaces it): spaCy GPE/LOC/FAC entities, unresolved.
"""

from __future__ import annotations

from sitrep.model import Toponym
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document


class Geocoder(Component[list[Toponym]]):
    """Finds place names and resolves them against the gazetteer."""

    name = "geo.geocode"
    reads = ("parsed", "sentences")
    writes = ("toponyms",)

    def match(self, doc: Document) -> list[Toponym]:
        if doc.parsed is None:
            return []
        return [Toponym(doc.sentence_index(e.start_char), doc.span(e.start_char, e.end_char))
                for e in doc.parsed.ents if e.label_ in ("GPE", "LOC", "FAC")]

    def set_annotations(self, doc: Document, found: list[Toponym]) -> None:
        doc.toponyms = found
