"""The cluster package's functions and records, as the store calls them (CONTRACT.md: sitrep.cluster)."""

from __future__ import annotations

from sitrep.cluster.blocking import CandidateQuery, candidate_query
from sitrep.cluster.decide import Decision, decide
from sitrep.cluster.mention import Mention, mention_from_event
from sitrep.cluster.record import build_cluster_record
from sitrep.model.cluster import ArticleMeta, ClusterRecord, MemberReport

__all__ = ["ArticleMeta", "CandidateQuery", "ClusterRecord", "Decision", "MemberReport", "Mention",
           "build_cluster_record", "candidate_query", "decide", "mention_from_event"]
