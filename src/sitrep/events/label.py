"""The document-level label used by the CASE 2021 scorer: one code per snippet.

STUB (issue #3 replaces it): the code of the best-scoring event mention.
"""

from __future__ import annotations

from sitrep.pipeline.document import Document

FALLBACK = "ARMED_CLASH"


def document_label(doc: Document) -> str:
    """CASE 2021 code (25 ACLED codes + the 5 extra ones) for a document."""
    if not doc.event_mentions:
        return FALLBACK
    return max(doc.event_mentions, key=lambda m: m.score).sub_event_type
