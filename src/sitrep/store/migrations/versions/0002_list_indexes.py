"""0002: indexes that serve filtered lists in page order (filter column, then sort_key), so a page
of the API reads its rows from the index instead of sorting every match (branch `serve`, for
`make bench-api`: country=SO over 100,000 clusters 370 ms -> 27 ms of SQL).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_clusters_country_sort", "clusters", ["country_code", "sort_key"])
    op.create_index("ix_clusters_type_sort", "clusters", ["event_type", "sort_key"])
    op.create_index("ix_clusters_admin1_sort", "clusters", [sa.text("lower(admin1)"), "sort_key"])
    # (lat, lon) stays a prefix, so blocking keeps its index; sort_key lets a box sort without the rows.
    op.drop_index("ix_clusters_lat_lon", table_name="clusters")
    op.create_index("ix_clusters_lat_lon_sort", "clusters", ["lat", "lon", "sort_key"])


def downgrade() -> None:
    op.drop_index("ix_clusters_lat_lon_sort", table_name="clusters")
    op.create_index("ix_clusters_lat_lon", "clusters", ["lat", "lon"])
    for name in ("ix_clusters_admin1_sort", "ix_clusters_type_sort", "ix_clusters_country_sort"):
        op.drop_index(name, table_name="clusters")
