"""The API's pages (store/counting.py) on SQLite and PostgreSQL: stored JSON text equals the records."""

from __future__ import annotations

import json

from sitrep.filters import EventFilter, parse_filter
from sitrep.model.cluster import ClusterRecord
from sitrep.store import Store
from sitrep.store.counting import clusters_json_page, clusters_page, reports_page


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
