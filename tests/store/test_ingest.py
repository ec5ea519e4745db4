"""Ingest: counts, idempotence, versions, merging of two reports of one incident, claims on no event."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from sitrep.store import Store
from sitrep.store import schema as t
from tests.store.reports import base_articles, updated_kidnap

VOLATILE = {"pk", "ingested_at", "created_at", "updated_at"}


def dump(store: Store) -> dict[str, list[Any]]:
    """Every table's rows without the columns that record when (or in which row slot) a thing was written."""
    out: dict[str, list[Any]] = {}
    with store.engine.connect() as conn:
        for table in t.metadata.sorted_tables:
            if table.name in ("alembic_version",):
                continue
            columns = [c for c in table.columns if c.name not in VOLATILE]
            rows = conn.execute(sa.select(*columns)).all()
            out[table.name] = sorted(repr(tuple(row)) for row in rows)
    return out


def test_ingest_counts_and_status(filled: Store) -> None:
    status = filled.status()
    assert status.articles == 5
    assert status.events >= 4
    assert 1 <= status.clusters < status.events
    assert status.claims > 0
    assert status.schema_version == "0001"


def test_same_input_again_changes_nothing(filled: Store, extract) -> None:  # type: ignore[no-untyped-def]
    before = dump(filled)
    report = filled.ingest(base_articles(), extract=extract)
    assert report.articles_skipped == 5 and report.articles_new == 0 and report.events == 0
    assert not report.changed_cluster_ids
    assert dump(filled) == before


def test_two_reports_of_one_clash_are_one_cluster(filled: Store) -> None:
    clash = [c for c in filled.query_clusters().items if c.location and c.location.country_code == "SO"]
    assert len(clash) == 1
    record = clash[0]
    assert {r.outlet for r in record.reports} == {"Coastal Herald", "Horn Daily"}
    assert record.sources == 2
    assert filled.get_cluster(record.id) == record
    kinds = [d.kind for d in filled.decisions([r.event_id for r in record.reports])]
    assert kinds[0] == "new" and set(kinds[1:]) == {"join"}


def test_new_version_replaces_events_and_keeps_the_old(filled: Store, extract) -> None:  # type: ignore[no-untyped-def]
    old_id = base_articles()[2].id
    old_events = filled.get_article(old_id).events
    report = filled.ingest([updated_kidnap()], extract=extract)
    assert report.versions == 1 and report.articles_new == 0
    old = filled.get_article(old_id)
    new = filled.get_article(updated_kidnap().id)
    assert old is not None and new is not None
    assert not old.current and old.events == [] and "15 passengers" in old.text
    assert new.current and new.version == 2 and new.versions == [old_id, new.id]
    assert new.events and {e.id for e in new.events}.isdisjoint({e.id for e in old_events})
    assert filled.status().articles == 5
    kidnaps = [c for c in filled.query_clusters().items if c.location and c.location.country_code == "NG"]
    assert kidnaps and all(r.article_id == new.id for c in kidnaps for r in c.reports)
    assert filled.ingest([updated_kidnap()], extract=extract).articles_skipped == 1


def test_claims_keep_speech_attached_to_no_event(filled: Store) -> None:
    claims = filled.query_claims(limit=1000).items
    loose = [c for c in claims if c.event_id is None]
    assert any("stealing our votes" in c.text or "rig" in c.text for c in loose)
    assert all(c.span is None or c.span.text == c.text for c in claims)
    on_events = [c for c in claims if c.event_id]
    assert on_events and all(c.cluster_id for c in on_events)


def test_article_keeps_text_spans_and_clusters(filled: Store) -> None:
    article = base_articles()[0]
    stored = filled.get_article(article.id)
    assert stored is not None and stored.text == article.text and stored.outlet == "Coastal Herald"
    for event in stored.events:
        for span in event.evidence:
            assert stored.text[span.start:span.end] == span.text
        assert stored.cluster_ids[event.id].startswith("c")
    assert filled.article_clusters()[article.id] == stored.cluster_ids[stored.events[0].id]


def test_delete_article_refreshes_its_cluster(filled: Store) -> None:
    second = base_articles()[1]
    cluster_id = filled.article_clusters()[second.id]
    assert filled.delete_article(second.id)
    record = filled.get_cluster(cluster_id)
    assert record is None or all(r.article_id != second.id for r in record.reports)
    assert filled.get_article(second.id) is None
    assert not filled.delete_article(second.id)
