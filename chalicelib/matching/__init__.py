"""The matching engine: pure, vectorised, no AWS (design: Matching).

The API imports only numpy-based code from here; the numba kernel (kernel.py) is imported
lazily by the full recompute when numba is installed. Inside, modules import one way only:
model/tags/scoring/arrays/stored/collector <- tagspace/sides/heavytags <-
snapshot/queries/digests <- passes/matchlists <- ranking/index <- gaining, recompute, incremental
<- shards (and the numba modules kernel.py, heaps.py and digestkernel.py, which only ranking,
incremental and shards load).
"""

from chalicelib.matching.digests import ListDigests
from chalicelib.matching.gaining import mentees_gaining
from chalicelib.matching.index import MatchIndex
from chalicelib.matching.model import Match, MatchConfig, MatchProfile
from chalicelib.matching.recompute import build_index, compute_all_lists
from chalicelib.matching.shards import WHOLE, Shard, ShardInput, ShardOutcome, compute_shard, merge_outcomes

__all__ = ["WHOLE", "ListDigests", "Match", "MatchConfig", "MatchIndex", "MatchProfile", "Shard", "ShardInput",
           "ShardOutcome", "build_index", "compute_all_lists", "compute_shard", "mentees_gaining", "merge_outcomes"]
