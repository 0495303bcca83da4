"""Match objects for ranked arrays: each entry explained by the tags the two people share."""

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.model import Match
from chalicelib.matching.snapshot import Snapshot


def matches_of(snapshot: Snapshot, forward: bool, row: int, ranks: NDArray[np.int32],
               scores: NDArray[np.float64]) -> list[Match]:
    """The list of row `row` of the mentee side (forward) or of the mentor side, from its ranked entries.

    One list at a time but its entries together (the recompute builds a list for each that
    changed): every entry's tags are gathered in one array and tested against the row's by a
    mask over tag ids; ids are unique across the three dimensions, so one test serves all three."""
    side, other = (snapshot.mentees, snapshot.mentors) if forward else (snapshot.mentors, snapshot.mentees)
    empty = np.flatnonzero(ranks < 0)
    n = int(empty[0]) if empty.size else int(ranks.size)  # short lists are padded with -1
    if n == 0:
        return []
    ranks = ranks[:n]
    rows = other.row_of_rank[ranks].astype(np.int64)
    starts, ends = other.row_ptr[3 * rows], other.row_ptr[3 * rows + 3]
    lengths = ends - starts
    theirs = other.tags[np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(int(lengths.sum()))]
    mine = np.zeros(snapshot.space.size, dtype=np.bool_)
    mine[side.tags[side.row_ptr[3 * row] : side.row_ptr[3 * row + 3]]] = True
    held = mine[theirs]
    entries = np.repeat(np.arange(n), lengths)[held]
    shared_ids = theirs[held]
    # Tag ids sort like their tags inside a dimension, and dimensions hold consecutive id ranges
    # (tagspace.py): sorting by (entry, id) sorts each entry's shared tags dimension by dimension.
    order = np.lexsort((shared_ids, entries))
    entries, shared_ids = entries[order], shared_ids[order]
    dims = np.searchsorted(np.asarray(snapshot.space.dim_ptr), shared_ids, side="right") - 1
    shared: list[tuple[list[str], list[str], list[str]]] = [([], [], []) for _ in range(n)]
    tags = snapshot.space.tags
    for entry, dim, tag in zip(entries.tolist(), dims.tolist(), shared_ids.tolist(), strict=True):
        shared[entry][dim].append(tags[tag])
    users = snapshot.user_ids[ranks].tolist()
    return [Match(user.decode(), score, tuple(skills), tuple(interests), tuple(professions))
            for user, score, (skills, interests, professions) in zip(users, scores[:n].tolist(), shared, strict=True)]
