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
            assert found == {m.event_id for m in stored if query.in_window(m)}, probe.place_name



def test_the_name_index_finds_a_report_years_later_and_far_away(filled: Store) -> None:
    with filled.engine.connect() as conn:
        raw = conn.execute(sa.select(t.events.c.mention).order_by(t.events.c.seq).limit(1)).scalar_one()
    first = Mention.from_dict(raw)
    later = dt.timedelta(days=700)
    with filled.engine.begin() as conn:
        filled.maintainer.begin(conn)
        # a report of the invented incident naming its (invented) victim, stored through the maintainer
        event = filled.maintainer.load_events([first.event_id])[first.event_id].model_copy(update={"id": "named"})
        named = dataclasses.replace(first, event_id="named", names=("dorvan quillfeather",))
        filled.maintainer.place(event, named, 1000)
        # the trial two years on, its place misread far away in another country
        probe = dataclasses.replace(named, event_id="probe", admin1="Elsewhere", lat=-(first.lat or 0) / 2,
                                    lon=(first.lon or 0) + 90, country_code="ZZ", place_name="Nowhere",
                                    date=first.date and first.date + later,
                                    published=first.published and first.published + later)
        query = candidate_query(probe)
        assert query.names == ("dorvan quillfeather",) and not query.in_window(named)
        found = filled.maintainer.candidates(probe, query)
        assert "named" in {x.event_id for members in found.values() for x in members}
        nameless = dataclasses.replace(probe, names=())
        found = filled.maintainer.candidates(nameless, candidate_query(nameless))
        assert "named" not in {x.event_id for members in found.values() for x in members}
