"""The cluster package's functions, as the store calls them (CONTRACT.md: sitrep.cluster)."""

from __future__ import annotations

try:
    from sitrep.cluster.blocking import CandidateQuery, candidate_query
    from sitrep.cluster.decide import Decision, decide
    from sitrep.cluster.mention import Mention, mention_from_event
    from sitrep.cluster.record import build_cluster_record
    from sitrep.model.cluster import ArticleMeta, ClusterRecord, MemberReport
except ImportError:  # until branch `cluster` is merged
    from sitrep.store._standin import (
        ArticleMeta,
        CandidateQuery,
        ClusterRecord,
        Decision,
        MemberReport,
        Mention,
        build_cluster_record,
        candidate_query,
        decide,
        mention_from_event,
    )

__all__ = ["ArticleMeta", "CandidateQuery", "ClusterRecord", "Decision", "MemberReport", "Mention",
           "build_cluster_record", "candidate_query", "decide", "mention_from_event"]
