"""The app built from the environment, for uvicorn's worker processes (`sitrep serve --workers N`).

SITREP_DB: the store URL (unset = the default SQLite file); SITREP_TOKEN: the write token;
SITREP_TILE_URL, SITREP_TILE_ATTRIBUTION: the dashboard's map tiles (unset = none, fully offline).
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from sitrep.server.app import create_app
from sitrep.settings import Settings

__all__ = ["app_from_env", "dashboard_settings"]


def dashboard_settings() -> Settings:
    return Settings().replace(tile_url=os.environ.get("SITREP_TILE_URL") or "",
                              tile_attribution=os.environ.get("SITREP_TILE_ATTRIBUTION") or "")


def app_from_env() -> FastAPI:
    from sitrep.store import open_store

    return create_app(open_store(os.environ.get("SITREP_DB") or None), token=os.environ.get("SITREP_TOKEN") or None,
                      settings=dashboard_settings())
