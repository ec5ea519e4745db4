"""Attribution: reported speech as source, cue and content spans, with a stance.

STUB (issue #5 replaces it).
"""

from __future__ import annotations

from sitrep.model import Attribution
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document


class AttributionFinder(Component[list[Attribution]]):
    """Finds who says what in the article."""

    name = "claims.attribute"
    reads = ("parsed", "sentences", "actors")
    writes = ("attributions",)

    def match(self, doc: Document) -> list[Attribution]:
        return []

    def set_annotations(self, doc: Document, found: list[Attribution]) -> None:
        doc.attributions = found
