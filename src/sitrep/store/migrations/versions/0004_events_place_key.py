"""0004: ``events.place_key``, the normalised town name, indexed with the anchor date (branch `s4-clusters`).

Blocking finds a new report's candidates by date and place; a report whose town was placed at a namesake
in another state ('Jackson' in Mississippi for Tennessee's) lay outside the box and the admin1 unit of its
incident's other reports. The key (``cluster.mention.place_key``) makes the town's name a third way in,
through an index. Existing rows get their key from their stored mention.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sitrep.cluster.mention import place_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CHUNK = 2000


def upgrade() -> None:
    op.add_column("events", sa.Column("place_key", sa.String(300)))
    op.create_index("ix_events_place_anchor", "events", ["place_key", "anchor"])
    events = sa.table("events", sa.column("id", sa.String), sa.column("mention", sa.JSON),
                      sa.column("place_key", sa.String))
    conn = op.get_bind()
    update = sa.update(events).where(events.c.id == sa.bindparam("event_id")).values(place_key=sa.bindparam("key"))
    last = ""
    while True:
        rows = conn.execute(sa.select(events.c.id, events.c.mention).where(events.c.id > last)
                            .order_by(events.c.id).limit(CHUNK)).all()
        if not rows:
            break
        last = rows[-1].id
        keys = []
        for row in rows:
            mention = row.mention or {}
            key = place_key(mention.get("place_name"), mention.get("geo_precision"), mention.get("admin1"))
            if key:
                keys.append({"event_id": row.id, "key": key})
        if keys:
            conn.execute(update, keys)


def downgrade() -> None:
    op.drop_index("ix_events_place_anchor", table_name="events")
    with op.batch_alter_table("events") as batch:  # SQLite rebuilds the table
        batch.drop_column("place_key")
