"""The API's pages (store/counting.py) on SQLite and PostgreSQL: stored JSON text equals the records."""

from __future__ import annotations

import datetime as dt
import json

from sitrep.filters import EventFilter, parse_filter
from sitrep.model.cluster import ClusterRecord
from sitrep.store import Store
from sitrep.store.counting import cluster_json, clusters_json_page, clusters_page, reports_page


def test_json_pages_hold_the_records_and_page_alike(filled: Store) -> None:
    for params in ({}, {"country": "SO"}, {"contested": "true"}):
        f = parse_filter(params)
        records = clusters_page(filled, f, 1000, None, with_total=True)
        texts = clusters_json_page(filled, f, 1000, None, with_total=True)
        assert texts.total == records.total == len(records.items)
        assert [ClusterRecord.model_validate(json.loads(t)) for t in texts.items] == records.items
    first = clusters_json_page(filled, EventFilter(), 1, None)
    second = clusters_json_page(filled, EventFilter(), 1, first.next_cursor)
    assert first.next_cursor and json.loads(first.items[0])["id"] != json.loads(second.items[0])["id"]


def test_reports_total_is_opt_in(filled: Store) -> None:
    assert reports_page(filled, EventFilter(), 2, None).total is None
    counted = reports_page(filled, EventFilter(), 2, None, with_total=True)
    assert counted.total is not None and counted.total >= len(counted.items)


def _json_ids(store: Store, f: EventFilter, limit: int) -> list[str]:
    ids, cursor = [], None
    while True:
        page = clusters_json_page(store, f, limit, cursor)
        ids += [json.loads(text)["id"] for text in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return ids


def test_dated_and_boxed_pages_read_by_index_keep_the_rows_and_order(filled: Store) -> None:
    # dates also bound sort_key; a box sorts index entries then reads rows by rowid (SQLite)
    for params in ({"from": "2024-03-01", "to": "2024-05-31"}, {"to": "2024-05-11"}, {"from": "2024-05-11"},
                   {"bbox": "30,-10,50,15"}, {"bbox": "30,-10,50,15", "from": "2024-05-01"},
                   {"country": "SO", "event_type": "Battles"}):
        f = parse_filter(params)
        expected = [c.id for c in clusters_page(filled, f, 1000, None).items]
        assert _json_ids(filled, f, 1) == _json_ids(filled, f, 1000) == expected, params
        assert expected == [c.id for c in filled.query_clusters(EventFilter(), limit=1000).items
                            if c.id in set(expected)]


def test_an_event_card_as_json_text_is_the_record(filled: Store) -> None:
    for record in clusters_page(filled, EventFilter(), 1000, None).items:
        text = cluster_json(filled, record.id)
        assert text is not None and ClusterRecord.model_validate_json(text) == filled.get_cluster(record.id)
        assert set(json.loads(text)) == set(ClusterRecord.model_fields)  # every member, null ones too
    assert cluster_json(filled, "c-none") is None


def test_actors_and_places_sum_the_best_fatalities(filled: Store) -> None:
    records = clusters_page(filled, EventFilter(), 1000, None).items
    for place in filled.places():
        same = [r for r in records if r.location and r.location.country_code == place.country_code
                and r.location.admin1 == place.admin1]
        assert place.clusters == len(same)
        assert place.fatalities == sum(r.fatalities.best or 0 for r in same if r.fatalities)
    assert sum(a.fatalities for a in filled.actors()) >= max(p.fatalities for p in filled.places()) > 0


def test_a_bridged_card_answers_with_its_survivor(filled: Store) -> None:
    ids = sorted(c.id for c in filled.query_clusters(limit=100).items)
    survivor, other = ids[0], ids[1]
    with filled.engine.begin() as conn:
        filled.maintainer.begin(conn)
        filled.maintainer._bridge(survivor, [other])
        filled.maintainer.refresh({survivor}, dt.datetime.now(dt.UTC))
    text = cluster_json(filled, other)
    assert text is not None and ClusterRecord.model_validate_json(text) == filled.get_cluster(survivor)
