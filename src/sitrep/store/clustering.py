"""The cluster package's functions and records, as the store calls them (CONTRACT.md: sitrep.cluster)."""

from __future__ import annotations

from sitrep.cluster.blocking import NAME_CANDIDATES, NAME_ROWS, CandidateQuery, candidate_query, index_names
from sitrep.cluster.decide import Decision, decide
from sitrep.cluster.mention import Mention, mention_from_event
from sitrep.cluster.record import build_cluster_record
from sitrep.model.cluster import ArticleMeta, ClusterRecord, MemberReport

__all__ = ["NAME_CANDIDATES", "NAME_ROWS", "ArticleMeta", "CandidateQuery", "ClusterRecord", "Decision",
           "MemberReport", "Mention", "build_cluster_record", "candidate_query", "decide", "index_names",
           "mention_from_event"]
