"""The pipeline machinery: Document, Component, Pipeline and the default stage order."""

from sitrep.pipeline.component import Component
from sitrep.pipeline.document import Document
from sitrep.pipeline.pipeline import Outcome, Pipeline

__all__ = ["Component", "Document", "Outcome", "Pipeline"]
