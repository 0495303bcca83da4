"""The matching engine: pure, vectorised, no AWS (design: Matching).

The API imports only numpy-based code from here; the numba kernel (kernel.py) is imported
lazily by the full recompute when numba is installed.
"""

from chalicelib.matching.index import MatchIndex
from chalicelib.matching.model import Match, MatchConfig, MatchProfile
from chalicelib.matching.recompute import compute_all_lists

__all__ = ["Match", "MatchConfig", "MatchIndex", "MatchProfile", "compute_all_lists"]
