"""List digests of ranked arrays with numba (imported lazily, like kernel.py): digests.py's rule,
computed for every list without building it."""

from typing import TypeAlias

import numba as nb
import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.digests import SEED
from chalicelib.matching.sides import Side

QueryRows: TypeAlias = tuple[NDArray[np.int64], NDArray[np.int32]]  # row_ptr, tags
OtherRows: TypeAlias = tuple[NDArray[np.int64], NDArray[np.int32], NDArray[np.int32]]  # and row_of_rank


@nb.njit(cache=True, nogil=True, inline="always")
def _mix(z: np.uint64) -> np.uint64:
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


@nb.njit(cache=True, nogil=True)
def _digest(i: int, q: int, queries: QueryRows, others: OtherRows, ranks: NDArray[np.int32],
            bits: NDArray[np.uint64], tag_hash: NDArray[np.uint64], user_hash: NDArray[np.uint64], k: int,
            seed: np.uint64, mark: NDArray[np.uint8]) -> np.uint64:
    q_row_ptr, q_tags = queries
    o_row_ptr, o_tags, o_row_of_rank = others
    for p in range(q_row_ptr[3 * q], q_row_ptr[3 * q + 3]):
        mark[q_tags[p]] = 1
    h = np.uint64(seed)
    for j in range(k):
        rank = ranks[i, j]
        if rank < 0:
            break
        o = o_row_of_rank[rank]
        shared = np.uint64(0)
        for p in range(o_row_ptr[3 * o], o_row_ptr[3 * o + 3]):
            if mark[o_tags[p]]:
                shared += tag_hash[o_tags[p]]
        h = _mix(h ^ (_mix(user_hash[rank]) + _mix(bits[i, j] + _mix(shared))))
    for p in range(q_row_ptr[3 * q], q_row_ptr[3 * q + 3]):
        mark[q_tags[p]] = 0
    return h if h != np.uint64(0) else np.uint64(1)


@nb.njit(cache=True, parallel=True)
def _run(rows: NDArray[np.int64], queries: QueryRows, others: OtherRows, ranks: NDArray[np.int32],
         bits: NDArray[np.uint64], tag_hash: NDArray[np.uint64], user_hash: NDArray[np.uint64], k: int,
         seed: np.uint64, n_chunks: int, out: NDArray[np.uint64]) -> None:
    for chunk in nb.prange(n_chunks):
        mark = np.zeros(tag_hash.size, np.uint8)
        for i in range(chunk, rows.size, n_chunks):
            out[i] = _digest(i, rows[i], queries, others, ranks, bits, tag_hash, user_hash, k, seed, mark)


def ranked_digests(rows: NDArray[np.int64], query_side: Side, other_side: Side, ranks: NDArray[np.int32],
                   scores: NDArray[np.float64], tag_hash: NDArray[np.uint64], user_hash: NDArray[np.uint64],
                   k: int) -> NDArray[np.uint64]:
    """The digest (digests.digest_of) of the first k entries of each ranked row."""
    out = np.zeros(len(rows), dtype=np.uint64)
    if len(rows):
        _run(rows, (query_side.row_ptr, query_side.tags),
             (other_side.row_ptr, other_side.tags, other_side.row_of_rank), ranks,
             np.ascontiguousarray(scores).view(np.uint64), tag_hash, user_hash, k, np.uint64(SEED),
             min(len(rows), 64 * nb.get_num_threads()), out)
    return out


@nb.njit(cache=True)
def _shared_ids(rows: NDArray[np.int64], queries: QueryRows, others: OtherRows, ranks: NDArray[np.int32],
                mark: NDArray[np.uint8], ptr: NDArray[np.int64], out: NDArray[np.int32]) -> None:
    q_row_ptr, q_tags = queries
    o_row_ptr, o_tags, o_row_of_rank = others
    at, entry = 0, 0
    for i in range(rows.size):
        q = rows[i]
        for p in range(q_row_ptr[3 * q], q_row_ptr[3 * q + 3]):
            mark[q_tags[p]] = 1
        for j in range(ranks.shape[1]):
            rank = ranks[i, j]
            if rank < 0:
                break
            o = o_row_of_rank[rank]
            first = at
            for p in range(o_row_ptr[3 * o], o_row_ptr[3 * o + 3]):
                tag = o_tags[p]
                if mark[tag]:
                    x = at  # insertion sort: a handful of shared tags per entry
                    while x > first and out[x - 1] > tag:
                        out[x] = out[x - 1]
                        x -= 1
                    out[x] = tag
                    at += 1
            entry += 1
            ptr[entry] = at
        for p in range(q_row_ptr[3 * q], q_row_ptr[3 * q + 3]):
            mark[q_tags[p]] = 0


def shared_tag_ids(rows: NDArray[np.int64], query_side: Side, other_side: Side,
                   ranks: NDArray[np.int32]) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
    """The tags each entry of these ranked rows shares with its row, sorted by id (so by dimension,
    then tag): entry e's are ids[ptr[e] : ptr[e + 1]], entries row by row (what Side.shared_tags
    gives, for many lists at once without a numpy call a list)."""
    held = ranks[ranks >= 0]
    other_rows = other_side.row_of_rank[held].astype(np.int64)
    room = int((other_side.row_ptr[3 * other_rows + 3] - other_side.row_ptr[3 * other_rows]).sum())
    ptr = np.zeros(held.size + 1, dtype=np.int64)
    ids = np.zeros(room, dtype=np.int32)
    if held.size:
        _shared_ids(rows, (query_side.row_ptr, query_side.tags),
                    (other_side.row_ptr, other_side.tags, other_side.row_of_rank), np.ascontiguousarray(ranks),
                    np.zeros(query_side.n_tags, np.uint8), ptr, ids)
    return ptr, ids
