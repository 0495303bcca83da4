"""Match objects for ranked arrays: each entry explained by the tags the two people share."""

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.model import Match
from chalicelib.matching.snapshot import Snapshot


def matches_of(snapshot: Snapshot, forward: bool, row: int, ranks: NDArray[np.int32],
               scores: NDArray[np.float64]) -> list[Match]:
    """The list of row `row` of the mentee side (forward) or of the mentor side, from its ranked entries."""
    side, other = (snapshot.mentees, snapshot.mentors) if forward else (snapshot.mentors, snapshot.mentees)
    mine = [set(side.row_tags(row, dim).tolist()) for dim in range(3)]
    tags = snapshot.space.tags
    matches = []
    for rank, score in zip(ranks.tolist(), scores.tolist(), strict=True):
        if rank < 0:
            break
        other_row = int(other.row_of_rank[rank])
        # Tag ids sort like their tags inside a dimension (tagspace.py), so sorting ids sorts the tags.
        shared = [tuple(tags[t] for t in sorted(mine[dim].intersection(other.row_tags(other_row, dim).tolist())))
                  for dim in range(3)]
        matches.append(Match(snapshot.user_id(rank), score, *shared))
    return matches
