"""The one way an ingest step says "this input cannot be used": raise :class:`Rejected`."""

from __future__ import annotations

from sitrep.errors import InputProblem


class Rejected(Exception):
    """An input item was refused; ``problem`` says which item, with which code, and why.

    Raised deep inside a reader and caught by :class:`sitrep.ingest.reading.Reading`, which records the
    problem and goes on with the rest of the batch.
    """

    def __init__(self, code: str, source: str, reason: str) -> None:
        self.problem = InputProblem(code, source, reason)
        super().__init__(str(self.problem))
