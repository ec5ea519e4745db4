"""Actor recognition and normalisation to canonical names, with agent/patient roles.

STUB (issue #3 replaces it): spaCy ORG/NORP entities, kept under their surface name.
"""

from __future__ import annotations

from sitrep.model import Actor, ActorMention
from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document


class ActorRecogniser(Component[list[ActorMention]]):
    """Finds actor mentions and normalises them."""

    name = "actors.recognise"
    reads = ("parsed", "sentences")
    writes = ("actors",)

    def match(self, doc: Document) -> list[ActorMention]:
        found = []
        if doc.parsed is None:
            return found
        for ent in doc.parsed.ents:
            if ent.label_ in ("ORG", "NORP"):
                span = doc.span(ent.start_char, ent.end_char)
                found.append(ActorMention(doc.sentence_index(ent.start_char), span,
                                          Actor(name=ent.text, spans=[span])))
        return found

    def set_annotations(self, doc: Document, found: list[ActorMention]) -> None:
        doc.actors = found
