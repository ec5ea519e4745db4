"""Queries: the store's SQL agrees with filters.matches for every filter; cursors page through everything."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.filters import EventFilter, matches, parse_filter
from sitrep.store import Store

FILTERS = [
    {}, {"country": "SO"}, {"country": "Nigeria,Zimbabwe"}, {"from": "2024-03-01", "to": "2024-04-30"},
    {"to": "2024-01-01"}, {"event_type": "Battles"}, {"sub_event_type": "Armed clash"},
    {"bbox": "40,-3,45,2"}, {"min_sources": "2"}, {"contested": "true"}, {"contested": "false"},
    {"actor": "al-Shabaab"}, {"claimant": "police"}, {"party_claims": "true"}, {"party_claims": "false"},
    {"q": "checkpoint"}, {"q": "kismayo soldiers"}, {"admin1": "nonexistent"},
    {"updated_since": "2000-01-01"}, {"updated_since": "2999-01-01"},
]


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()) or "all")
def test_sql_agrees_with_matches(filled: Store, params: dict[str, str]) -> None:
    everything = filled.query_clusters(EventFilter(), limit=1000).items
    f = parse_filter(params)
    page = filled.query_clusters(f, limit=1000)
    expected = {c.id for c in everything if matches(f, c)}
    assert {c.id for c in page.items} == expected
    assert page.total == len(expected)


def test_cursor_pages_through_all_latest_first(filled: Store) -> None:
    everything = filled.query_clusters(limit=1000).items
    seen, cursor = [], None
    while True:
        page = filled.query_clusters(limit=2, cursor=cursor)
        seen += page.items
        cursor = page.next_cursor
        if cursor is None:
            break
    assert [c.id for c in seen] == [c.id for c in everything]
    dates = [c.date or dt.date.min for c in seen]
    assert dates == sorted(dates, reverse=True)


def test_reports_claims_and_summaries(filled: Store) -> None:
    somalia = parse_filter({"country": "SO"})
    reports = filled.query_reports(somalia, limit=100).items
    assert reports and all(e.location and e.location.country_code == "SO" for e in reports)
    claims = filled.query_claims(somalia, limit=100).items
    assert claims and all(c.event_id for c in claims)
    assert all(c.claimant.lower() == "police" for c in filled.query_claims(parse_filter({"claimant": "police"})).items)
    assert any(a.name == "al-Shabaab" for a in filled.actors())
    assert any(p.country_code == "SO" for p in filled.places())
    rows = filled.stats(EventFilter(), by="month", group="country")
    assert sum(r.clusters for r in rows) == len([c for c in filled.query_clusters().items if c.date])


def test_watchlists_and_alerts(store: Store) -> None:
    f = parse_filter({"country": "SO", "min_sources": "2"})
    store.add_watchlist("somalia", f)
    assert [w.name for w in store.list_watchlists()] == ["somalia"]
    assert store.watchlist_filter("somalia") == f
    assert store.add_alerts("somalia", ["c1", "c2"]) == 2
    alerts = store.alerts("somalia")
    assert [a.cluster_id for a in alerts] == ["c1", "c2"]
    assert store.alerts("somalia", since=alerts[-1].created_at + dt.timedelta(seconds=1)) == []
    assert store.remove_watchlist("somalia") and store.list_watchlists() == []


def test_updated_since_is_store_time_in_sql_and_matches(filled: Store) -> None:
    first = filled.query_clusters(EventFilter(), limit=1).items[0]
    assert first.updated_at is not None and first.updated_at.tzinfo is not None
    assert filled.get_cluster(first.id).updated_at == first.updated_at
    for instant, expected in ((first.updated_at, True), (first.updated_at + dt.timedelta(seconds=1), False)):
        f = EventFilter(updated_since=instant)
        assert matches(f, first) is expected
        assert (first.id in {c.id for c in filled.query_clusters(f, limit=1000).items}) is expected
