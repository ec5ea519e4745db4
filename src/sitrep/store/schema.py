"""The store's tables (SQLAlchemy Core), one definition for SQLite and PostgreSQL.

Large values stay queryable: article text is text, events, mentions, claims and cluster
records are JSON (JSONB on PostgreSQL), never pickled. Columns that filters and blocking
read are plain, indexed columns beside the JSON. Migrations (``migrations/versions``)
create and change these tables; this module is the current shape they lead to.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData()

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ID = sa.String(64)
NAME = sa.String(300)


def utc_now_column(name: str, **kwargs: object) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), **kwargs)  # type: ignore[arg-type]


# One row per article version. ``key`` (URL, else the given id) ties the versions of one article.
articles = sa.Table(
    "articles", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", ID, nullable=False, unique=True),
    sa.Column("key", ID, nullable=False, index=True, doc="hash of the URL, else of the given id"),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("current", sa.Boolean, nullable=False, default=True),
    sa.Column("text_hash", sa.String(64), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.String(2000)),
    sa.Column("outlet", NAME),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(16)),
    sa.Column("source_path", sa.Text),
    sa.Column("origin", sa.String(200)),
    sa.Column("attributions", JSON, doc="Document.attributions with their spans"),
    utc_now_column("ingested_at", nullable=False),
)

# One row per extracted event (a report of an incident). ``anchor`` = event date, else publication date.
events = sa.Table(
    "events", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("article_id", ID, nullable=False, index=True),
    sa.Column("seq", sa.BigInteger, nullable=False, index=True, doc="ingest order"),
    sa.Column("cluster_id", ID, index=True),
    sa.Column("prominence", sa.String(16)),
    sa.Column("date", sa.Date),
    sa.Column("anchor", sa.Date),
    sa.Column("event_type", NAME),
    sa.Column("sub_event_type", NAME),
    sa.Column("country_code", sa.String(2)),
    sa.Column("admin1", NAME),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("place_key", NAME, doc="normalised town name (cluster.mention.place_key), for blocking (0004)"),
    sa.Column("data", JSON, nullable=False, doc="the Event record"),
    sa.Column("mention", JSON, nullable=False, doc="the cluster Mention (to_dict)"),
    sa.Index("ix_events_country_anchor", "country_code", "anchor"),
    sa.Index("ix_events_anchor", "anchor"),
    sa.Index("ix_events_admin1_anchor", "admin1", "anchor"),
    sa.Index("ix_events_place_anchor", "place_key", "anchor"),
)

# One row per (main report's event, rare name it gives): blocking finds the earlier reports of an incident by
# the victims' and suspects' names, years later or placed elsewhere (cluster.blocking.index_names; 0005).
event_names = sa.Table(
    "event_names", metadata,
    sa.Column("event_id", ID, nullable=False, index=True),
    sa.Column("name", NAME, nullable=False),
    sa.Column("anchor", sa.Date, nullable=False),
    sa.Index("ix_event_names_name_anchor", "name", "anchor"),
)

# One row per incident; ``record`` is the ClusterRecord, the other columns are copies for filtering.
clusters = sa.Table(
    "clusters", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("sort_key", sa.String(100), nullable=False, index=True, doc="date|id, for paging"),
    sa.Column("date", sa.Date, index=True),
    sa.Column("date_precision", sa.Integer),
    sa.Column("country_code", sa.String(2)),
    sa.Column("admin1", NAME),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("event_type", NAME, index=True),
    sa.Column("sub_event_type", NAME, index=True),
    sa.Column("sources", sa.Integer, nullable=False, index=True),
    sa.Column("reports", sa.Integer, nullable=False),
    sa.Column("contested", sa.Boolean, nullable=False),
    sa.Column("party_claims", sa.Boolean, nullable=False),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("search_text", sa.Text, doc="lower-cased titles and evidence, for q"),
    sa.Column("record", JSON, nullable=False),
    utc_now_column("created_at", nullable=False),
    utc_now_column("updated_at", nullable=False, index=True),
    sa.Index("ix_clusters_country_date", "country_code", "date"),
    # filter column then page order (migration 0002, branch serve): a page reads the index, not every match
    sa.Index("ix_clusters_country_sort", "country_code", "sort_key"),
    sa.Index("ix_clusters_type_sort", "event_type", "sort_key"),
    sa.Index("ix_clusters_admin1_sort", sa.text("lower(admin1)"), "sort_key"),
    sa.Index("ix_clusters_lat_lon_sort", "lat", "lon", "sort_key"),
    sa.Index("ix_clusters_country_type_sort", "country_code", "event_type", "sort_key"),  # 0003, branch api
)

cluster_actors = sa.Table(
    "cluster_actors", metadata,
    sa.Column("cluster_id", ID, primary_key=True),
    sa.Column("name_key", NAME, primary_key=True, index=True, doc="lower-cased canonical or ACLED name"),
    sa.Column("name", NAME, nullable=False),
)

cluster_claimants = sa.Table(
    "cluster_claimants", metadata,
    sa.Column("cluster_id", ID, primary_key=True),
    sa.Column("name_key", NAME, primary_key=True, index=True),
    sa.Column("name", NAME, nullable=False),
    sa.Column("is_party", sa.Boolean, nullable=False),
)

# Clusters bridged into another: their old ids keep answering with the survivor.
cluster_aliases = sa.Table(
    "cluster_aliases", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("survivor", ID, nullable=False, index=True),
)

# Every attribution: claims on an event's facts (event_id set) and reported speech attached to no event.
claims = sa.Table(
    "claims", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", ID, nullable=False, index=True),
    sa.Column("event_id", ID, index=True),
    sa.Column("fact", sa.String(32)),
    sa.Column("claimant", NAME, nullable=False),
    sa.Column("claimant_key", NAME, nullable=False, index=True),
    sa.Column("claimant_is_party", sa.Boolean, nullable=False),
    sa.Column("stance", sa.String(16), nullable=False),
    sa.Column("channel", NAME),
    sa.Column("date", sa.Date, index=True, doc="event date, else publication date"),
    sa.Column("text", sa.Text, nullable=False, doc="the words that state the claim"),
    sa.Column("data", JSON, nullable=False, doc="the claim with every span"),
)

flags = sa.Table(
    "flags", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", ID, nullable=False, index=True),
    sa.Column("article_id", ID, nullable=False, index=True),
    sa.Column("code", sa.String(64), nullable=False, index=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("data", JSON, nullable=False),
)

# The matching decision made for each event at ingest (for `sitrep show --explain`).
decisions = sa.Table(
    "decisions", metadata,
    sa.Column("event_id", ID, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("cluster_ids", JSON, nullable=False),
    sa.Column("scores", JSON, nullable=False),
    sa.Column("candidates", sa.Integer, nullable=False),
)

watchlists = sa.Table(
    "watchlists", metadata,
    sa.Column("name", NAME, primary_key=True),
    sa.Column("filter", JSON, nullable=False, doc="filter_to_params of the EventFilter"),
    utc_now_column("created_at", nullable=False),
)

alerts = sa.Table(
    "alerts", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("watchlist", NAME, nullable=False, index=True),
    sa.Column("cluster_id", ID, nullable=False),
    utc_now_column("created_at", nullable=False, index=True),
)
