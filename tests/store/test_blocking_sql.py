"""The store's candidate SQL selects exactly what ``CandidateQuery.matches`` says (namesake towns included)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import sqlalchemy as sa

from sitrep.cluster.blocking import candidate_query
from sitrep.cluster.mention import Mention
from sitrep.store import Store
from sitrep.store import schema as t
from sitrep.store.clusters import blocking_params, blocking_statement


def test_sql_blocking_agrees_with_matches(filled: Store) -> None:
    with filled.engine.connect() as conn:
        stored = [Mention.from_dict(raw) for raw in conn.execute(sa.select(t.events.c.mention)).scalars()]
        probes = list(stored)
        # each report again a month later, read at a namesake of its town far away in another unit and country:
        # only the town's name leads back to it
        later = dt.timedelta(days=30)
        namesakes = [dataclasses.replace(m, admin1="Elsewhere", lat=-(m.lat or 0) / 2, lon=(m.lon or 0) + 90,
                                         country_code="ZZ", date=m.date and m.date + later,
                                         published=m.published and m.published + later) for m in stored]
        assert any(candidate_query(n).matches(m) for n, m in zip(namesakes, stored, strict=True) if n.place_key)
        probes += namesakes
        for probe in probes:
            query = candidate_query(probe)
            found = {row.id for row in conn.execute(blocking_statement(query), blocking_params(query))}
            assert found == {m.event_id for m in stored if query.matches(m)}, probe.place_name
