"""The stage protocol: a component takes a Document and returns it.

Like spaCy's components, detection (``match``) is kept apart from mutation
(``set_annotations``) so a stage's findings can be tested without a document
being changed, and every stage declares the Document attributes it reads and
writes (checked by ``Pipeline.validate``).
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from sitrep.pipeline.document import Document

Found = TypeVar("Found")


class Component(Generic[Found]):
    """Base class for stages. Subclasses set ``name``, ``reads``, ``writes``."""

    name: ClassVar[str] = "component"
    reads: ClassVar[tuple[str, ...]] = ()
    writes: ClassVar[tuple[str, ...]] = ()

    def match(self, doc: Document) -> Found:
        raise NotImplementedError

    def set_annotations(self, doc: Document, found: Found) -> None:
        raise NotImplementedError

    def __call__(self, doc: Document) -> Document:
        self.set_annotations(doc, self.match(doc))
        return doc

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}: {self.reads} -> {self.writes}>"


def describe(component: Any) -> dict[str, object]:
    """A component's declaration, for docs and ``sitrep info``."""
    return {
        "name": getattr(component, "name", type(component).__name__),
        "reads": list(getattr(component, "reads", ())),
        "writes": list(getattr(component, "writes", ())),
        "doc": (type(component).__doc__ or "").strip().splitlines()[0] if type(component).__doc__ else "",
    }
