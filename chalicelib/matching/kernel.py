"""The full recompute with numba (imported lazily; the API never imports this module).

One pass over the mentees ranks both directions. Per mentee, fused in one kernel:
1. count intersections: for every tag of the mentee, walk the part of its posting list inside
   the mentee's grade range (mentors are sorted by grade, so it is one contiguous range) and
   add 1 to a per-dimension uint8 counter of each mentor;
2. scan the range block by block with an upper bound per mentor, SCALE·Σ w_d·c_d/(a_d+b_d-c_d)
   in float32 plus a margin (no float64, no lookups, so the loop vectorises); a block whose
   largest bound is below both the mentee's k-th best score and every mentor's own k-th best
   score kept so far is skipped;
3. score the surviving pairs exactly from per-mentee lookup tables T_d[b, c] = w_d·(c/(a+b-c))
   (no division per pair) and offer each to the mentee's heap and to the mentor's heap.
Mentor heaps are per thread (queries run in parallel with prange) and merged at the end.
Scores use the same float64 operations as the scalar rules (scoring.py), so results are exact,
ties included (heaps order by score, then user rank).
"""

from typing import TypeAlias

import numba as nb
import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.heaps import merge_heaps, push, write_sorted
from chalicelib.matching.passes import Pass

BLOCK = 256
LANE = 16
EPSILON = 1e-3
SCALE = 65536.0
NEVER = np.int32(2**31 - 1)

Counts: TypeAlias = NDArray[np.uint8 | np.uint16]  # per-dimension counters, and target set sizes
Heap: TypeAlias = tuple[NDArray[np.float64], NDArray[np.int32]]  # scores, ranks
MentorHeaps: TypeAlias = tuple[NDArray[np.float64], NDArray[np.int32], NDArray[np.int32], NDArray[np.int32]]
PassData: TypeAlias = tuple[  # FusedPasses.data: the Pass as the kernel reads it
    NDArray[np.int64], NDArray[np.int32], NDArray[np.int32], NDArray[np.int32], Counts,
    NDArray[np.int32], NDArray[np.int64], NDArray[np.int64], NDArray[np.int32], NDArray[np.int64],
    NDArray[np.int32], NDArray[np.int32], NDArray[np.float64],
]


@nb.njit(cache=True, nogil=True)
def _prepare(q: int, q_sizes: NDArray[np.int32], weights: NDArray[np.float64], max_b: NDArray[np.int64],
             tables: NDArray[np.float64], params: NDArray[np.float32]) -> None:
    """Per-query lookup tables of w·J for every (b, c), and the float32 bound parameters."""
    for d in range(3):
        a = q_sizes[q, d]
        params[d] = a
        params[3 + d] = weights[d] * SCALE * (1.0 + 2 * EPSILON) if a > 0 else 0.0
        for b in range(max_b[d] + 1):
            for c in range(min(a, b) + 1):
                union = a + b - c
                tables[d, b, c] = weights[d] * (c / union) if union > 0 else weights[d] * 0.0


@nb.njit(cache=True, nogil=True)
def _count(q: int, glo: int, ghi: int, q_row_ptr: NDArray[np.int64], q_tags: NDArray[np.int32],
           post_grade: NDArray[np.int64], post_rows: NDArray[np.int32], params: NDArray[np.float32],
           counts: Counts) -> None:
    for d in range(3):
        if params[3 + d] == 0.0:
            continue
        row_counts = counts[d]
        for i in range(q_row_ptr[3 * q + d], q_row_ptr[3 * q + d + 1]):
            tag = q_tags[i]
            for p in range(post_grade[tag, glo], post_grade[tag, ghi]):
                row_counts[post_rows[p]] += 1


@nb.njit(cache=True, nogil=True, error_model="numpy")
def _block_bounds(c0: Counts, c1: Counts, c2: Counts, s0: Counts, s1: Counts, s2: Counts,
                  params: NDArray[np.float32], floor: np.int32, floors: NDArray[np.int32],
                  bound: NDArray[np.int32], lanes: NDArray[np.int32]) -> np.int32:
    """Upper bounds of SCALE·score for one block of BLOCK rows, and per LANE rows the largest
    margin over the floors (>= 0 when some pair there may enter a heap). The first loop has
    no branches, float max or reductions, so it vectorises (the weights carry the margin that
    the denominators' EPSILON takes away)."""
    a0, a1, a2, w0, w1, w2 = params[0], params[1], params[2], params[3], params[4], params[5]
    eps = np.float32(EPSILON)
    for i in range(BLOCK):
        x0 = np.float32(c0[i])
        x1 = np.float32(c1[i])
        x2 = np.float32(c2[i])
        u = w0 * x0 / (a0 + np.float32(s0[i]) - x0 + eps)
        u += w1 * x1 / (a1 + np.float32(s1[i]) - x1 + eps)
        u += w2 * x2 / (a2 + np.float32(s2[i]) - x2 + eps)
        bound[i] = np.int32(u) + 3 + np.int32(u > 0)  # >= 4 exactly when some tag is shared
    any_lane = np.int32(-NEVER)
    for j in range(BLOCK // LANE):
        best = np.int32(-NEVER)
        for i in range(j * LANE, j * LANE + LANE):
            best = max(best, bound[i] - min(floor, floors[i]))
        lanes[j] = best
        any_lane = max(any_lane, best)
    return any_lane


@nb.njit(cache=True, nogil=True)
def _floor_of(score: float) -> np.int32:
    return max(np.int32(4), np.int32(np.floor(score * SCALE)) - 1)


@nb.njit(cache=True, nogil=True)
def _offer_lane(start: int, lane: int, q_rank: int, counts: Counts, t_sizes: Counts,
                t_ranks: NDArray[np.int32], tables: NDArray[np.float64], bound: NDArray[np.int32], heap: Heap,
                size: int, floor: np.int32, mentor_heaps: MentorHeaps) -> tuple[int, np.int32]:
    """Score the pairs of lane `lane` of the block at `start` that may enter a heap; offer them."""
    hs, hk = heap
    ms, mk, msize, mfloor = mentor_heaps
    for i in range(lane * LANE, lane * LANE + LANE):
        t = start + i
        u = bound[i]
        if u < floor and u < mfloor[t]:
            continue
        score = tables[0, t_sizes[0, t], counts[0, t]] + tables[1, t_sizes[1, t], counts[1, t]]
        score += tables[2, t_sizes[2, t], counts[2, t]]
        if score <= 0.0:
            continue
        if u >= floor:
            size = push(hs, hk, size, score, t_ranks[t])
            if size == hs.size:
                floor = _floor_of(hs[0])
        if u >= mfloor[t]:
            msize[t] = push(ms[t], mk[t], msize[t], score, q_rank)
            if msize[t] == ms.shape[1]:
                mfloor[t] = _floor_of(ms[t, 0])
    return size, floor


@nb.njit(cache=True, nogil=True)
def _scan(lo: int, hi: int, q_rank: int, counts: Counts, t_sizes: Counts, t_ranks: NDArray[np.int32],
          tables: NDArray[np.float64], params: NDArray[np.float32], heap: Heap, mentor_heaps: MentorHeaps,
          scratch: tuple[NDArray[np.int32], NDArray[np.int32]]) -> int:
    """Offer every pair of rows lo .. hi - 1 that may enter a heap; returns the query's heap size."""
    bound, lanes = scratch
    mfloor = mentor_heaps[3]
    size = 0
    floor = np.int32(4)  # below k kept, any pair sharing a weighted tag may enter
    c0, c1, c2 = counts[0], counts[1], counts[2]
    s0, s1, s2 = t_sizes[0], t_sizes[1], t_sizes[2]
    # Rows are padded to a whole number of blocks, with zero counts, so every block is full.
    for start in range(lo, lo + (hi - lo + BLOCK - 1) // BLOCK * BLOCK, BLOCK):
        stop = start + BLOCK
        if _block_bounds(c0[start:stop], c1[start:stop], c2[start:stop], s0[start:stop], s1[start:stop],
                         s2[start:stop], params, floor, mfloor[start:stop], bound, lanes) < 0:
            continue
        for j in range(BLOCK // LANE):
            if lanes[j] >= 0:
                size, floor = _offer_lane(start, j, q_rank, counts, t_sizes, t_ranks, tables, bound, heap,
                                          size, floor, mentor_heaps)
    return size


@nb.njit(cache=True, nogil=True)
def _rank_query(q: int, glo: int, ghi: int, data: PassData, max_b: NDArray[np.int64], counts: Counts,
                tables: NDArray[np.float64], params: NDArray[np.float32], heap: Heap,
                mentor_heaps: MentorHeaps, scratch: tuple[NDArray[np.int32], NDArray[np.int32]]) -> int:
    (q_row_ptr, q_tags, q_sizes, q_ranks, t_sizes, t_ranks, t_grade_ptr, post_grade, post_rows,
     skip_ptr, skip_rows, self_rows, weights) = data
    _prepare(q, q_sizes, weights, max_b, tables, params)
    _count(q, glo, ghi, q_row_ptr, q_tags, post_grade, post_rows, params, counts)
    for p in range(skip_ptr[q], skip_ptr[q + 1] + 1):
        row = self_rows[q] if p == skip_ptr[q + 1] else skip_rows[p]
        if row >= 0:
            counts[0, row] = 0
            counts[1, row] = 0
            counts[2, row] = 0
    lo, hi = t_grade_ptr[glo], t_grade_ptr[ghi]
    size = _scan(lo, hi, q_ranks[q], counts, t_sizes, t_ranks, tables, params, heap, mentor_heaps, scratch)
    for d in range(3):
        if params[3 + d] != 0.0:
            counts[d, lo:hi] = 0
    return size


@nb.njit(cache=True, parallel=True)
def _run(start: int, stop: int, q_lo: NDArray[np.int64], data: PassData, n_targets: int,
         counter_dtype: type[np.uint8] | type[np.uint16], max_a: int, max_b: NDArray[np.int64], k: int,
         n_grades: int, n_chunks: int, mentor_heaps: MentorHeaps, out_ranks: NDArray[np.int32],
         out_scores: NDArray[np.float64]) -> None:
    ms, mk, msize, mfloor = mentor_heaps
    for chunk in nb.prange(n_chunks):
        tid = nb.get_thread_id()
        mine = (ms[tid], mk[tid], msize[tid], mfloor[tid])
        counts = np.zeros((3, n_targets + BLOCK), counter_dtype)
        tables = np.zeros((3, max_b.max() + 1, max_a + 1), np.float64)
        params = np.zeros(6, np.float32)
        scratch = (np.zeros(BLOCK, np.int32), np.zeros(BLOCK // LANE, np.int32))
        heap = (np.empty(k, np.float64), np.empty(k, np.int32))
        for q in range(start + chunk, stop, n_chunks):
            size = _rank_query(q, q_lo[q], n_grades, data, max_b, counts, tables, params, heap, mine, scratch)
            write_sorted(heap[0], heap[1], size, out_ranks[q - start], out_scores[q - start])


class FusedPasses:
    """Ranks mentors for blocks of mentees and, with k_reverse > 0, mentees for every mentor."""

    def __init__(self, spec: Pass, weights: tuple[float, ...], k_reverse: int) -> None:
        queries, targets = spec.queries, spec.targets
        self.spec = spec
        sizes = np.zeros((3, targets.n + BLOCK), np.uint8 if targets.sizes.max(initial=0) < 256 else np.uint16)
        sizes[:, : targets.n] = targets.dim_sizes
        self.data = (
            queries.row_ptr, queries.tags, queries.sizes, queries.ranks, sizes,
            targets.ranks, targets.grade_ptr, targets.post_grade, targets.post_rows, spec.excluded_ptr,
            spec.excluded_rows, spec.self_rows, np.asarray(weights, dtype=np.float64),
        )
        threads, n, k = nb.get_num_threads(), targets.n, max(k_reverse, 1)
        self.k_reverse = k_reverse
        self.mentor_heaps = (
            np.zeros((threads, n, k), np.float64), np.zeros((threads, n, k), np.int32),
            np.zeros((threads, n), np.int32), np.full((threads, n + BLOCK), NEVER, np.int32),
        )
        self.mentor_heaps[3][:, :n] = 4 if k_reverse else NEVER

    def forward(self, k: int, start: int, stop: int) -> tuple[NDArray[np.int32], NDArray[np.float64]]:
        """Mentor ranks and scores of mentee rows start .. stop - 1 (-1 / 0.0 pad short lists)."""
        queries, targets = self.spec.queries, self.spec.targets
        out_ranks = np.full((stop - start, k), -1, dtype=np.int32)
        out_scores = np.zeros((stop - start, k), dtype=np.float64)
        if stop > start:
            max_a = int(queries.sizes.max(initial=0))
            max_b = targets.sizes.max(axis=0, initial=0).astype(np.int64)
            counter_dtype = np.uint8 if max_a < 256 else np.uint16
            n_chunks = max(1, min(stop - start, 64 * nb.get_num_threads()))
            with nb.parallel_chunksize(1):  # hand chunks out one by one: a starved thread holds up nobody
                _run(start, stop, self.spec.query_grades, self.data, targets.n, counter_dtype, max_a, max_b, k,
                     targets.grade_ptr.size - 1, n_chunks, self.mentor_heaps, out_ranks, out_scores)
        return out_ranks, out_scores

    def reverse(self) -> tuple[NDArray[np.int32], NDArray[np.float64]]:
        """After every mentee block: each mentor's mentee ranks and scores, best first."""
        ms, mk, msize, _ = self.mentor_heaps
        out_ranks = np.full((ms.shape[1], self.k_reverse), -1, dtype=np.int32)
        out_scores = np.zeros((ms.shape[1], self.k_reverse), dtype=np.float64)
        merge_heaps(ms, mk, msize, out_ranks, out_scores)
        return out_ranks, out_scores
