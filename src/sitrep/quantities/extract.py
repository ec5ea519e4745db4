"""Casualty and capture figures, and materiel seized or destroyed.

STUB (issue #3 replaces it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.model import MaterielMention, QuantityMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document


@dataclass
class Figures:
    quantities: list[QuantityMention] = field(default_factory=list)
    materiel: list[MaterielMention] = field(default_factory=list)


class QuantityExtractor(Component[Figures]):
    """Finds killed/injured/captured figures and materiel."""

    name = "quantities.extract"
    reads = ("parsed", "sentences", "actors")
    writes = ("quantities", "materiel")

    def match(self, doc: Document) -> Figures:
        return Figures()

    def set_annotations(self, doc: Document, found: Figures) -> None:
        doc.quantities = found.quantities
        doc.materiel = found.materiel
