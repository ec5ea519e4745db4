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


def test_migration_0005_indexes_the_stored_reports_by_name(filled: Store) -> None:
    import dataclasses

    import sqlalchemy as sa
    from alembic import command

    from sitrep.cluster.mention import Mention
    from sitrep.store import schema as t
    from sitrep.store.migrate import _config, upgrade

    with filled.engine.begin() as conn:
        first = Mention.from_dict(conn.execute(sa.select(t.events.c.mention).order_by(t.events.c.seq)
                                               .limit(1)).scalar_one())
        filled.maintainer.begin(conn)
        event = filled.maintainer.load_events([first.event_id])[first.event_id].model_copy(update={"id": "named"})
        filled.maintainer.place(event, dataclasses.replace(first, event_id="named", names=("dorvan quillfeather",)),
                                1000)

    def rows() -> set[tuple[str, str, object]]:
        with filled.engine.connect() as conn:
            return {tuple(r) for r in conn.execute(sa.select(t.event_names.c.event_id, t.event_names.c.name,
                                                             t.event_names.c.anchor))}

    written = rows()
    assert ("named", "dorvan quillfeather", first.anchor) in written
    with filled.engine.begin() as conn:
        command.downgrade(_config(conn), "0004")
    assert upgrade(filled.engine) == head_revision()
    assert rows() == written
