"""Claims on facts and flags: who claims each fact of an event, and whether it is plausible.

STUB (issue #5 replaces it): every fact asserted by the outlet.
"""

from __future__ import annotations

from sitrep.model import Claim, Event
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document


class ClaimAssessor(Component[list[Event]]):
    """Attaches claims and flags to each event."""

    name = "claims.assess"
    reads = ("events", "attributions", "actors")
    writes = ("events",)

    def match(self, doc: Document) -> list[Event]:
        outlet = doc.article.outlet or "the outlet"
        for event in doc.events:
            if event.evidence and not event.claims:
                event.claims.append(Claim(fact="event", claimant=outlet, stance="asserted",
                                          span=event.evidence[0]))
        return doc.events

    def set_annotations(self, doc: Document, found: list[Event]) -> None:
        doc.events = found
