"""The app built from the environment, for uvicorn's worker processes (`sitrep serve --workers N`).

SITREP_DB: the store URL (unset = the default SQLite file); SITREP_TOKEN: the write token.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from sitrep.server.app import create_app

__all__ = ["app_from_env"]


def app_from_env() -> FastAPI:
    from sitrep.store import open_store

    return create_app(open_store(os.environ.get("SITREP_DB") or None), token=os.environ.get("SITREP_TOKEN") or None)
