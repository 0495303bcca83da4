"""Match objects for ranked arrays: each entry explained by the tags the two people share."""

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.model import Match
from chalicelib.matching.snapshot import Snapshot


def matches_of(snapshot: Snapshot, forward: bool, row: int, ranks: NDArray[np.int32],
               scores: NDArray[np.float64]) -> list[Match]:
    """The list of row `row` of the mentee side (forward) or of the mentor side, from its ranked entries
    (short lists are padded with -1); its entries are explained together (Side.shared_tags)."""
    side, other = (snapshot.mentees, snapshot.mentors) if forward else (snapshot.mentors, snapshot.mentees)
    padding = np.flatnonzero(ranks < 0)
    ranks = ranks[: int(padding[0])] if padding.size else ranks
    shared = other.shared_tags(other.row_of_rank[ranks].astype(np.intp), side.tags_of_rows(np.array([row]))[0], snapshot.space.tags)
    return [Match(snapshot.user_id(rank), score, *tags)
            for rank, score, tags in zip(ranks.tolist(), scores[: ranks.size].tolist(), shared, strict=True)]
