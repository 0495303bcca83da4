"""Match objects for ranked arrays: each entry explained by the tags the two people share."""

from bisect import bisect_left

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.collector import collector_paused
from chalicelib.matching.model import Match
from chalicelib.matching.snapshot import Snapshot


def matches_of(snapshot: Snapshot, forward: bool, row: int, ranks: NDArray[np.int32],
               scores: NDArray[np.float64]) -> list[Match]:
    """The list of row `row` of the mentee side (forward) or of the mentor side, from its ranked entries
    (short lists are padded with -1); its entries are explained together (Side.shared_tags)."""
    side, other = (snapshot.mentees, snapshot.mentors) if forward else (snapshot.mentors, snapshot.mentees)
    padding = np.flatnonzero(ranks < 0)
    ranks = ranks[: int(padding[0])] if padding.size else ranks
    shared = other.shared_tags(other.row_of_rank[ranks].astype(np.intp), side.tags_of_rows(np.array([row]))[0], snapshot.space)
    return [Match(snapshot.user_id(rank), score, *tags)
            for rank, score, tags in zip(ranks.tolist(), scores[: ranks.size].tolist(), shared, strict=True)]


def lists_from_shared(snapshot: Snapshot, ranks: NDArray[np.int32], scores: NDArray[np.float64],
                      ptr: NDArray[np.int64], ids: NDArray[np.int32]) -> list[list[Match]]:
    """The lists of ranked rows (one line each, -1 padding) whose entries' shared tags are given: entry
    e, counted row by row, shares ids[ptr[e] : ptr[e + 1]], sorted (digestkernel.shared_tag_ids)."""
    names, (_, first_interest, first_profession, _) = snapshot.space.tags, snapshot.space.dim_ptr
    held = ranks >= 0
    users = [bytes(uid).decode() for uid in snapshot.user_ids[ranks[held]].tolist()]
    entry_scores, bounds, tags = scores[held].tolist(), ptr.tolist(), ids.tolist()

    explained: dict[tuple[int, ...], tuple[tuple[str, ...], ...]] = {}  # the same few tag sets recur

    def explain(shared: tuple[int, ...]) -> tuple[tuple[str, ...], ...]:
        a, b = bisect_left(shared, first_interest), bisect_left(shared, first_profession)
        found = explained[shared] = (tuple([names[t] for t in shared[:a]]), tuple([names[t] for t in shared[a:b]]),
                                     tuple([names[t] for t in shared[b:]]))
        return found

    lists, start = [], 0
    with collector_paused():  # tens of thousands of objects, no cycles (collector.py)
        for count in held.sum(axis=1).tolist():
            matches = []
            for entry in range(start, start + count):
                shared = tuple(tags[bounds[entry] : bounds[entry + 1]])
                matches.append(Match(users[entry], entry_scores[entry], *(explained.get(shared) or explain(shared))))
            lists.append(matches)
            start += count
    return lists
