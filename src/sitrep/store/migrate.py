"""Schema migrations in code: Alembic revisions under ``migrations/versions``, run on the store's engine.

Policy: every change to ``schema.py`` comes with a new revision (never edit a released one); revisions
are numbered ``0001``, ``0002``...; `sitrep db upgrade` applies them. A fresh database is brought to
the head on first open; an older one must be upgraded explicitly (E016 says so).
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head") -> str | None:
    """Apply every revision up to ``revision``; returns the revision the database is at afterwards."""
    with engine.begin() as connection:
        command.upgrade(_config(connection), revision)
    return current_revision(engine)
