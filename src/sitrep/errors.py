"""Errors with stable codes. Each says what went wrong and how to fix it.

Codes are stable: scripts and the API match on them. Add new codes at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

# code -> short title; the table feeds docs/errors.md and tests.
ERROR_CODES: dict[str, str] = {
    "E001": "input path does not exist",
    "E002": "file is binary or of an unknown format",
    "E003": "file is empty",
    "E004": "text could not be decoded",
    "E005": "malformed JSON line",
    "E006": "CSV or JSONL record has no text",
    "E007": "article is larger than the size limit",
    "E008": "article is not in a supported language",
    "E009": "HTML or feed could not be parsed",
    "E010": "spaCy model not found",
    "E011": "extraction failed on this article",
    "E012": "evaluation data not found or malformed",
    "E013": "gazetteer not built",
    "E014": "invalid setting value",
    "E015": "invalid filter",
    "E016": "event store cannot be opened or is at an unknown schema version",
}


class SitrepError(Exception):
    """An error with a stable code, a cause and a fix."""

    def __init__(self, code: str, cause: str, fix: str = "") -> None:
        self.code = code
        self.cause = cause
        self.fix = fix
        super().__init__(f"[{code}] {cause}" + (f" (fix: {fix})" if fix else ""))


@dataclass(frozen=True)
class InputProblem:
    """A problem with one input item: reported, and the batch goes on."""

    code: str
    source: str  # path, path:line, or article id
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: [{self.code}] {self.reason}"
