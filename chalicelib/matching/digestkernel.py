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
