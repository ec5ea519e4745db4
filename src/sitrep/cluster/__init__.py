"""Cross-document event coreference: which reports tell one incident, and what they say together.

Pure functions over plain data (no SQL; the store calls them, see docs/clustering.md):

- ``mention_from_event``: the view of an article's event used for matching (``Mention``);
- ``candidate_query``: the bounds of the indexed candidate search (``CandidateQuery``);
- ``decide``: new cluster, join one, or bridge several (``Decision``);
- ``build_cluster_record``: the merged, corroborated record of one cluster (``ClusterRecord``);
- ``origin_key``: the independent origin of a report (wire reprints and reposts count once).
"""

from sitrep.cluster.blocking import CandidateQuery, candidate_query
from sitrep.cluster.decide import DEFAULT_POLICY, Decision, MergePolicy, decide
from sitrep.cluster.mention import Mention, mention_from_event
from sitrep.cluster.origin import origin_key
from sitrep.cluster.record import build_cluster_record
from sitrep.cluster.replay import MemoryClusters, cluster_id_for
from sitrep.model.cluster import ArticleMeta, ClusterRecord, MemberReport

__all__ = [
    "DEFAULT_POLICY",
    "ArticleMeta",
    "CandidateQuery",
    "ClusterRecord",
    "Decision",
    "MemberReport",
    "MemoryClusters",
    "Mention",
    "MergePolicy",
    "build_cluster_record",
    "candidate_query",
    "cluster_id_for",
    "decide",
    "mention_from_event",
    "origin_key",
]
