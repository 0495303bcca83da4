"""Heavy tags: the few tags that make most of the full recompute's counting work.

The kernel counts shared tags by walking, for every query, the posting lists of its tags; the
work is the number of (query, target, shared tag) triples, and a handful of very common tags
make most of it (in the benchmark's population one profession alone makes about 30%). So each
side orders its rows, inside every grade, by which heavy tags they hold (one bit per heavy tag,
the heaviest first): the rows of a grade holding the j-th heavy tag are then 2**j contiguous
runs, and the kernel adds to a whole run at once (a vectorised slice) instead of walking its
posting list. A run adds the same bound share w/a to every row, not the tighter w/max(a, b)
a walk adds, so only tags that their holders almost always hold alone in that dimension
(b = 1, typically a profession) qualify: for them the two shares are equal. The order inside a
grade is free: every path ranks ties by user rank, never by row.
"""

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.sides import N_GRADES, Side

MAX_HEAVY = 4
ALONE = 0.8  # share of a tag's holders (on each side) that must hold no other tag of its dimension
MIN_VOLUME = 0.02  # share of all counting work a tag must make to be worth its runs


def choose_heavy(mentors: Side, mentees: Side, weights: tuple[float, ...],
                 dim_ptr: tuple[int, ...]) -> NDArray[np.int32]:
    """The tags (heaviest first) with the most (mentee, mentor) pairs sharing them, among those held alone."""
    n_tags = mentors.n_tags
    volume = (np.bincount(mentees.tags, minlength=n_tags).astype(np.float64)
              * np.bincount(mentors.tags, minlength=n_tags))
    for dim, weight in enumerate(weights):
        if weight <= 0.0:  # the kernel never counts a dimension without weight
            volume[dim_ptr[dim] : dim_ptr[dim + 1]] = 0.0
    volume[(_held_alone(mentors) < ALONE) | (_held_alone(mentees) < ALONE)] = 0.0
    top = np.argsort(-volume, kind="stable")[:MAX_HEAVY]
    heavy: NDArray[np.int32] = top[volume[top] > MIN_VOLUME * max(float(volume.sum()), 1.0)].astype(np.int32)
    return heavy


def _held_alone(side: Side) -> NDArray[np.float64]:
    """Per tag, the share of its holders on this side for whom it is their only tag of its dimension."""
    entry_rows = np.repeat(np.arange(side.n, dtype=np.int64), side.sizes.sum(axis=1))
    entry_dims = np.repeat(np.tile(np.arange(3, dtype=np.int64), side.n), side.sizes.ravel())
    alone = side.sizes[entry_rows, entry_dims] == 1
    holders = np.bincount(side.tags, minlength=side.n_tags)
    share: NDArray[np.float64] = np.bincount(side.tags, weights=alone, minlength=side.n_tags) / np.maximum(holders, 1)
    return share


def with_heavy_runs(side: Side, heavy: NDArray[np.int32]) -> Side:
    """The side with rows ordered by (grade, heavy-tag bits, rank), and the run offsets of that order."""
    n_keys = 1 << heavy.size
    keys = _row_keys(side, heavy)
    grades = np.repeat(np.arange(N_GRADES, dtype=np.int64), np.diff(side.grade_ptr))
    order = np.lexsort((side.ranks, keys, grades))
    combined = grades[order] * n_keys + keys[order]
    sizes = side.sizes[order]
    return Side(
        ranks=side.ranks[order],
        grade_ptr=side.grade_ptr,
        sizes=sizes,
        tags=_permuted_tags(side, order, sizes),
        dim_ptr=side.dim_ptr,
        n_users=side.n_users,
        heavy_tags=heavy.astype(np.int32),
        heavy_ptr=np.searchsorted(combined, np.arange(N_GRADES * n_keys + 1)).astype(np.int64),
    )


def _row_keys(side: Side, heavy: NDArray[np.int32]) -> NDArray[np.int64]:
    """Per row, one bit per heavy tag it holds; the heaviest tag is the highest bit."""
    bit_of_tag = np.zeros(side.n_tags, dtype=np.int64)
    bit_of_tag[heavy] = 1 << np.arange(heavy.size - 1, -1, -1, dtype=np.int64)
    entry_rows = np.repeat(np.arange(side.n, dtype=np.int64), side.sizes.sum(axis=1))
    # A row holds a tag at most once, so adding the bits is the same as or-ing them.
    keys: NDArray[np.int64] = np.bincount(entry_rows, weights=bit_of_tag[side.tags], minlength=side.n).astype(np.int64)
    return keys


def _permuted_tags(side: Side, order: NDArray[np.intp], sizes: NDArray[np.int32]) -> NDArray[np.int32]:
    lengths = sizes.sum(axis=1).astype(np.int64)
    starts = side.row_ptr[3 * order]
    new_starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    index = np.repeat(starts - new_starts, lengths) + np.arange(int(lengths.sum()), dtype=np.int64)
    tags: NDArray[np.int32] = side.tags[index]
    return tags
