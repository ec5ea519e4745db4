"""Shared fixtures. Unit tests build Documents by hand; `nlp` loads spaCy once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from sitrep.pipeline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from sitrep.api import get_pipeline

    return get_pipeline()


def shared(path: str) -> Path:
    """A file under ../shared/data, or skip the test when it is absent (a fresh clone has none)."""
    target = SHARED_DATA / path
    if not target.exists():
        pytest.skip(f"{target} not present")
    return target
