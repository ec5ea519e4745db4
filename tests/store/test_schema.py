"""The migrations make exactly the tables schema.py describes; bridged clusters keep answering."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sitrep.store import Store
from sitrep.store.migrate import head_revision
from sitrep.store.schema import metadata


def test_migrations_match_the_schema(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    assert store.status().schema_version == head_revision()


def test_a_bridged_cluster_answers_with_its_survivor(filled: Store) -> None:
    ids = sorted(c.id for c in filled.query_clusters(limit=100).items)
    survivor, other = ids[0], ids[1]
    members = {r.event_id for c in (filled.get_cluster(survivor), filled.get_cluster(other)) if c for r in c.reports}
    with filled.engine.begin() as conn:
        filled.maintainer.begin(conn)
        filled.maintainer._bridge(survivor, [other])
        filled.maintainer.refresh({survivor}, dt.datetime.now(dt.UTC))
    merged = filled.get_cluster(other)
    assert merged is not None and merged.id == survivor
    assert {r.event_id for r in merged.reports} == members
    assert other not in {c.id for c in filled.query_clusters(limit=100).items}


def test_bridging_an_id_bridged_before(filled: Store) -> None:
    ids = sorted(c.id for c in filled.query_clusters(limit=100).items)
    for survivor in (ids[0], ids[2]):
        with filled.engine.begin() as conn:
            filled.maintainer.begin(conn)
            filled.maintainer._bridge(survivor, [ids[1]])
    merged = filled.get_cluster(ids[1])
    assert merged is not None and merged.id == ids[2]


def test_migration_0004_keys_the_stored_events_by_town(filled: Store) -> None:
    import sqlalchemy as sa
    from alembic import command

    from sitrep.store import schema as t
    from sitrep.store.migrate import _config, upgrade

    def keys() -> dict[str, str | None]:
        with filled.engine.connect() as conn:
            return dict(conn.execute(sa.select(t.events.c.id, t.events.c.place_key)).all())

    written = keys()
    assert any(written.values())  # the invented reports name towns ('Kismayo')
    with filled.engine.begin() as conn:
        command.downgrade(_config(conn), "0003")
    assert upgrade(filled.engine) == head_revision()
    assert keys() == written
