"""The matching engine: pure, vectorised, no AWS (design: Matching).

The API imports only numpy-based code from here; the numba kernel (kernel.py) is imported
lazily by the full recompute when numba is installed. Inside, modules import one way only:
model/tags/scoring <- tagspace/sides <- snapshot/queries <- passes <- index <- gaining, recompute.
"""

from chalicelib.matching.gaining import mentees_gaining
from chalicelib.matching.index import MatchIndex
from chalicelib.matching.model import Match, MatchConfig, MatchProfile
from chalicelib.matching.recompute import build_index, compute_all_lists

__all__ = ["Match", "MatchConfig", "MatchIndex", "MatchProfile", "build_index", "compute_all_lists",
           "mentees_gaining"]
