"""0001: the initial store: articles (versions), events, clusters (+ actor and claimant keys), claims,
flags, matching decisions, watchlists and alerts.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table('alerts',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('watchlist', sa.String(length=300), nullable=False),
    sa.Column('cluster_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_index(op.f('ix_alerts_created_at'), 'alerts', ['created_at'], unique=False)
    op.create_index(op.f('ix_alerts_watchlist'), 'alerts', ['watchlist'], unique=False)
    op.create_table('articles',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('outlet', sa.String(length=300), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('source_path', sa.Text(), nullable=True),
    sa.Column('origin', sa.String(length=200), nullable=True),
    sa.Column('attributions', JSON, nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('id')
    )
    op.create_index(op.f('ix_articles_key'), 'articles', ['key'], unique=False)
    op.create_index(op.f('ix_articles_text_hash'), 'articles', ['text_hash'], unique=False)
    op.create_table('claims',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=True),
    sa.Column('fact', sa.String(length=32), nullable=True),
    sa.Column('claimant', sa.String(length=300), nullable=False),
    sa.Column('claimant_key', sa.String(length=300), nullable=False),
    sa.Column('claimant_is_party', sa.Boolean(), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=300), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('data', JSON, nullable=False),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_index(op.f('ix_claims_article_id'), 'claims', ['article_id'], unique=False)
    op.create_index(op.f('ix_claims_claimant_key'), 'claims', ['claimant_key'], unique=False)
    op.create_index(op.f('ix_claims_date'), 'claims', ['date'], unique=False)
    op.create_index(op.f('ix_claims_event_id'), 'claims', ['event_id'], unique=False)
    op.create_table('cluster_actors',
    sa.Column('cluster_id', sa.String(length=64), nullable=False),
    sa.Column('name_key', sa.String(length=300), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('cluster_id', 'name_key')
    )
    op.create_index(op.f('ix_cluster_actors_name_key'), 'cluster_actors', ['name_key'], unique=False)
    op.create_table('cluster_claimants',
    sa.Column('cluster_id', sa.String(length=64), nullable=False),
    sa.Column('name_key', sa.String(length=300), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('is_party', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('cluster_id', 'name_key')
    )
    op.create_index(op.f('ix_cluster_claimants_name_key'), 'cluster_claimants', ['name_key'], unique=False)
    op.create_table('clusters',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('sort_key', sa.String(length=100), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.Integer(), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.String(length=300), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('event_type', sa.String(length=300), nullable=True),
    sa.Column('sub_event_type', sa.String(length=300), nullable=True),
    sa.Column('sources', sa.Integer(), nullable=False),
    sa.Column('reports', sa.Integer(), nullable=False),
    sa.Column('contested', sa.Boolean(), nullable=False),
    sa.Column('party_claims', sa.Boolean(), nullable=False),
    sa.Column('fatalities_best', sa.Integer(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=True),
    sa.Column('record', JSON, nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_clusters_country_date', 'clusters', ['country_code', 'date'], unique=False)
    op.create_index(op.f('ix_clusters_date'), 'clusters', ['date'], unique=False)
    op.create_index(op.f('ix_clusters_event_type'), 'clusters', ['event_type'], unique=False)
    op.create_index('ix_clusters_lat_lon', 'clusters', ['lat', 'lon'], unique=False)
    op.create_index(op.f('ix_clusters_sort_key'), 'clusters', ['sort_key'], unique=False)
    op.create_index(op.f('ix_clusters_sources'), 'clusters', ['sources'], unique=False)
    op.create_index(op.f('ix_clusters_sub_event_type'), 'clusters', ['sub_event_type'], unique=False)
    op.create_index(op.f('ix_clusters_updated_at'), 'clusters', ['updated_at'], unique=False)
    op.create_table('decisions',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('cluster_ids', JSON, nullable=False),
    sa.Column('scores', JSON, nullable=False),
    sa.Column('candidates', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )
    op.create_table('events',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('cluster_id', sa.String(length=64), nullable=True),
    sa.Column('prominence', sa.String(length=16), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('anchor', sa.Date(), nullable=True),
    sa.Column('event_type', sa.String(length=300), nullable=True),
    sa.Column('sub_event_type', sa.String(length=300), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.String(length=300), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('fatalities_best', sa.Integer(), nullable=True),
    sa.Column('data', JSON, nullable=False),
    sa.Column('mention', JSON, nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_events_admin1_anchor', 'events', ['admin1', 'anchor'], unique=False)
    op.create_index('ix_events_anchor', 'events', ['anchor'], unique=False)
    op.create_index(op.f('ix_events_article_id'), 'events', ['article_id'], unique=False)
    op.create_index(op.f('ix_events_cluster_id'), 'events', ['cluster_id'], unique=False)
    op.create_index('ix_events_country_anchor', 'events', ['country_code', 'anchor'], unique=False)
    op.create_index(op.f('ix_events_seq'), 'events', ['seq'], unique=False)
    op.create_table('flags',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('data', JSON, nullable=False),
    sa.PrimaryKeyConstraint('pk')
    )
    op.create_index(op.f('ix_flags_article_id'), 'flags', ['article_id'], unique=False)
    op.create_index(op.f('ix_flags_code'), 'flags', ['code'], unique=False)
    op.create_index(op.f('ix_flags_event_id'), 'flags', ['event_id'], unique=False)
    op.create_table('watchlists',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('filter', JSON, nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )


def downgrade() -> None:
    op.drop_table('watchlists')
    op.drop_index(op.f('ix_flags_event_id'), table_name='flags')
    op.drop_index(op.f('ix_flags_code'), table_name='flags')
    op.drop_index(op.f('ix_flags_article_id'), table_name='flags')
    op.drop_table('flags')
    op.drop_index(op.f('ix_events_seq'), table_name='events')
    op.drop_index('ix_events_country_anchor', table_name='events')
    op.drop_index(op.f('ix_events_cluster_id'), table_name='events')
    op.drop_index(op.f('ix_events_article_id'), table_name='events')
    op.drop_index('ix_events_anchor', table_name='events')
    op.drop_index('ix_events_admin1_anchor', table_name='events')
    op.drop_table('events')
    op.drop_table('decisions')
    op.drop_index(op.f('ix_clusters_updated_at'), table_name='clusters')
    op.drop_index(op.f('ix_clusters_sub_event_type'), table_name='clusters')
    op.drop_index(op.f('ix_clusters_sources'), table_name='clusters')
    op.drop_index(op.f('ix_clusters_sort_key'), table_name='clusters')
    op.drop_index('ix_clusters_lat_lon', table_name='clusters')
    op.drop_index(op.f('ix_clusters_event_type'), table_name='clusters')
    op.drop_index(op.f('ix_clusters_date'), table_name='clusters')
    op.drop_index('ix_clusters_country_date', table_name='clusters')
    op.drop_table('clusters')
    op.drop_index(op.f('ix_cluster_claimants_name_key'), table_name='cluster_claimants')
    op.drop_table('cluster_claimants')
    op.drop_index(op.f('ix_cluster_actors_name_key'), table_name='cluster_actors')
    op.drop_table('cluster_actors')
    op.drop_index(op.f('ix_claims_event_id'), table_name='claims')
    op.drop_index(op.f('ix_claims_date'), table_name='claims')
    op.drop_index(op.f('ix_claims_claimant_key'), table_name='claims')
    op.drop_index(op.f('ix_claims_article_id'), table_name='claims')
    op.drop_table('claims')
    op.drop_index(op.f('ix_articles_text_hash'), table_name='articles')
    op.drop_index(op.f('ix_articles_key'), table_name='articles')
    op.drop_table('articles')
    op.drop_index(op.f('ix_alerts_watchlist'), table_name='alerts')
    op.drop_index(op.f('ix_alerts_created_at'), table_name='alerts')
    op.drop_table('alerts')
