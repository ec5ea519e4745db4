"""0005: ``event_names``, the rare names of each main report, indexed with the anchor date (branch `s6-clusters`).

Blocking found a report's candidates by date and place only; a trial two years on, or a report whose date
or town was misread, never met the earlier reports of its incident. The names a report shares with them
(a victim's, a suspect's: ``cluster.blocking.index_names``) are a fourth way in, through an index on
(name, anchor). Existing main reports get their rows from their stored mention.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sitrep.cluster.blocking import index_names
from sitrep.cluster.mention import Mention

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CHUNK = 2000


def upgrade() -> None:
    op.create_table(
        "event_names",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("anchor", sa.Date, nullable=False),
    )
    op.create_index("ix_event_names_event_id", "event_names", ["event_id"])
    op.create_index("ix_event_names_name_anchor", "event_names", ["name", "anchor"])
    events = sa.table("events", sa.column("id", sa.String), sa.column("mention", sa.JSON))
    names = sa.table("event_names", sa.column("event_id", sa.String), sa.column("name", sa.String),
                     sa.column("anchor", sa.Date))
    conn = op.get_bind()
    last = ""
    while True:
        rows = conn.execute(sa.select(events.c.id, events.c.mention).where(events.c.id > last)
                            .order_by(events.c.id).limit(CHUNK)).all()
        if not rows:
            break
        last = rows[-1].id
        found = []
        for row in rows:
            mention = Mention.from_dict(row.mention)
            if mention.anchor is not None:
                found += [{"event_id": row.id, "name": name, "anchor": mention.anchor} for name in index_names(mention)]
        if found:
            conn.execute(sa.insert(names), found)


def downgrade() -> None:
    op.drop_index("ix_event_names_name_anchor", table_name="event_names")
    op.drop_index("ix_event_names_event_id", table_name="event_names")
    op.drop_table("event_names")
