"""An in-memory stand-in for the store's clustering loop, for tests and tuning.

It does what the store does with each new mention, in the same order: ``candidate_query``, the stored
mentions within its bounds (the nearest ``limit`` in date) grouped by cluster, ``decide``, then join,
bridge or found a cluster (id = 'c' + the founding event's id). The store keeps the same state in SQL.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitrep.cluster.blocking import NAME_CANDIDATES, NAME_ROWS, candidate_query, index_names
from sitrep.cluster.decide import DEFAULT_POLICY, Decision, MergePolicy, decide
from sitrep.cluster.mention import Mention

__all__ = ["MemoryClusters", "cluster_id_for"]


def cluster_id_for(m: Mention) -> str:
    return "c" + m.event_id


@dataclass
class MemoryClusters:
    """Clusters of mentions kept in memory (one writer, mentions added in order)."""

    policy: MergePolicy = DEFAULT_POLICY
    members: dict[str, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    cluster_of: dict[str, str] = field(default_factory=dict)  # event id -> cluster id
    decisions: list[Decision] = field(default_factory=list)
    candidates_seen: list[int] = field(default_factory=list)
    # (anchor date ordinal, ingest number, mention): the date index the store keeps in SQL
    by_date: list[tuple[int, int, Mention]] = field(default_factory=list)
    undated: list[Mention] = field(default_factory=list)
    # rare name -> (anchor date ordinal, ingest number, mention) of main reports: the store's name index
    by_name: dict[str, list[tuple[int, int, Mention]]] = field(default_factory=lambda: defaultdict(list))

    def _in_window(self, date_from: dt.date | None, date_to: dt.date | None) -> list[Mention]:
        if date_from is None or date_to is None:
            return [m for _, _, m in self.by_date] + self.undated
        lo = bisect.bisect_left(self.by_date, (date_from.toordinal(), -1))
        hi = bisect.bisect_right(self.by_date, (date_to.toordinal(), 1 << 62))
        return [m for _, _, m in self.by_date[lo:hi]]

    def candidates(self, m: Mention) -> dict[str, list[Mention]]:
        query = candidate_query(m)
        found = [s for s in self._in_window(query.date_from, query.date_to) if query.in_window(s)]
        if m.anchor is not None:
            anchor = m.anchor
            found.sort(key=lambda s: (abs((s.anchor - anchor).days) if s.anchor else 10**6, s.event_id))
        found = found[:query.limit]
        if query.names and query.names_from and query.names_to and m.anchor is not None:
            seen = {s.event_id for s in found}
            named: dict[str, tuple[int, Mention]] = {}
            lo, hi = query.names_from.toordinal(), query.names_to.toordinal()
            for name in query.names:
                # the store's index: the latest NAME_ROWS reports of the name in the window
                rows = [(ordinal, stored) for ordinal, _, stored in self.by_name.get(name, ()) if lo <= ordinal <= hi]
                rows.sort(key=lambda row: (-row[0], row[1].event_id))
                for ordinal, stored in rows[:NAME_ROWS]:
                    if stored.event_id not in seen:
                        named[stored.event_id] = (ordinal, stored)
            day = m.anchor.toordinal()
            nearest = sorted(named.values(), key=lambda row: (abs(row[0] - day), row[1].event_id))
            found += [stored for _, stored in nearest[:NAME_CANDIDATES]]
        grouped: dict[str, list[Mention]] = {}
        for stored in found:
            cid = self.cluster_of[stored.event_id]
            grouped.setdefault(cid, self.members[cid])
        return grouped

    def add(self, m: Mention) -> str:
        """File ``m`` and return its cluster id."""
        candidates = self.candidates(m)
        self.candidates_seen.append(sum(len(v) for v in candidates.values()))
        decision = decide(m, candidates, self.policy)
        self.decisions.append(decision)
        if decision.kind == "new":
            cid = cluster_id_for(m)
        else:
            cid = decision.cluster_ids[0]
            for other in decision.cluster_ids[1:]:
                for moved in self.members.pop(other):
                    self.cluster_of[moved.event_id] = cid
                    self.members[cid].append(moved)
        self.members[cid].append(m)
        self.cluster_of[m.event_id] = cid
        if m.anchor is None:
            self.undated.append(m)
        else:
            bisect.insort(self.by_date, (m.anchor.toordinal(), len(self.cluster_of), m))
            for name in index_names(m):
                self.by_name[name].append((m.anchor.toordinal(), len(self.cluster_of), m))
        return cid

    def add_all(self, mentions: Iterable[Mention]) -> list[str]:
        return [self.add(m) for m in mentions]
