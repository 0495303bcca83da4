"""The full recompute with numba (imported lazily; the API never imports this module).

A pass ranks targets (mentors, or mentees) for query rows of the other side. Per query:
1. count: walk the posting list of every tag of the query inside its grade range (targets are
   sorted by grade, so that is one contiguous part of each list) and add to one uint32 per
   target both the shared-tag count of that dimension (a 5-bit field per dimension) and, in the
   low 16 bits, a bound of the score: w·1/max(a, b) per shared tag, rounded up. The exact
   Jaccard term c/(a+b-c) is at most c/max(a, b) because c <= min(a, b), so the low 16 bits
   bound the score from above;
2. scan the range block by block: a target whose bound is below the query's current k-th best
   score (and, in a fused pass, below the target's own k-th best so far) is skipped without
   being scored (the bench reports the share skipped); the scan also clears the counters;
3. score the rest exactly from per-query tables T_d[b, c] = w_d·(c/(a+b-c)) and push the pairs
   whose score reaches the query's k-th best into its heap and, in a fused pass, those reaching
   the target's k-th best into the target's heap.
A fused pass (every mentee against every mentor) fills mentor heaps as it goes, so one pass
ranks both directions; a directional pass (a shard's rows) fills only the queries' heaps.
Scores use the same float64 operations as the scalar rules (scoring.py), so results are exact,
ties included (heaps order by score, then user rank).
"""

from typing import TypeAlias

import numba as nb
import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.heaps import merge_heaps, push, write_sorted
from chalicelib.matching.passes import Pass
from chalicelib.matching.scoring import level_scale

BLOCK = 256
FIELD_BITS = 5
MAX_SET = (1 << FIELD_BITS) - 1  # larger tag sets (the API allows 30) go to the numpy engine
NEVER = 0xFFFF  # a floor no bound reaches
SEED_ROWS = 64  # targets offered before the scan, from the posting list of the query's rarest tag
ENTERING_ROOM = 32  # pairs a query of KernelPasses.entering keeps in one call (more: a second call)


Acc: TypeAlias = NDArray[np.uint32]  # per target: the three shared-tag counts and the bound
Tables: TypeAlias = NDArray[np.float64]  # (3, b, c): exact w·J terms
Heap: TypeAlias = tuple[NDArray[np.float64], NDArray[np.int32]]  # scores, ranks
# Per thread: heaps (scores, ranks, sizes) of every target; shared: floors (uint16) and k-th best scores.
TargetHeaps: TypeAlias = tuple[NDArray[np.float64], NDArray[np.int32], NDArray[np.int32], NDArray[np.uint16],
                               NDArray[np.float64]]
Scratch: TypeAlias = tuple[NDArray[np.uint32], NDArray[np.int32], NDArray[np.int64], NDArray[np.int32]]
PassData: TypeAlias = tuple[  # KernelPasses.data: the Pass as the kernel reads it
    NDArray[np.int64], NDArray[np.int32], NDArray[np.int64], NDArray[np.int32],  # queries: row_ptr, tags, sizes, ranks
    NDArray[np.int64], NDArray[np.uint8], NDArray[np.int32],  # targets: grade_ptr, sizes (padded), ranks
    NDArray[np.int64], NDArray[np.int32], NDArray[np.uint8],  # postings: post_grade, post_rows, post_sizes
    NDArray[np.int64], NDArray[np.int32], NDArray[np.int32],  # excluded_ptr, excluded_rows, self_rows
    NDArray[np.float64], NDArray[np.int64], NDArray[np.int64], int,  # weights, heavy slots, runs, heavy tags
]


class SetTooLargeError(ValueError):
    """A tag set has more tags than the kernel's counters hold."""


@nb.njit(cache=True, nogil=True)
def _prepare(a: NDArray[np.int64], weights: NDArray[np.float64], scale: float, max_b: NDArray[np.int64],
             tables: Tables, incs: NDArray[np.uint32]) -> None:
    """Exact score tables w·(c/(a+b-c)), and per target size b the counter increment of one shared tag."""
    for d in range(3):
        for b in range(max_b[d] + 1):
            for c in range(min(a[d], b) + 1):
                union = a[d] + b - c
                tables[d, b, c] = weights[d] * (c / union) if union > 0 else weights[d] * 0.0
            incs[d, b] = 0
            if weights[d] > 0.0 and a[d] > 0 and b > 0:
                share = np.ceil(scale * weights[d] / max(a[d], b)) + 1.0
                incs[d, b] = (np.uint32(1) << np.uint32(16 + FIELD_BITS * d)) + np.uint32(share)


@nb.njit(cache=True, nogil=True)
def _count(q: int, glo: int, ghi: int, data: PassData, scale: float, incs: NDArray[np.uint32], acc: Acc) -> None:
    q_row_ptr, q_tags, q_sizes, post_grade, post_rows, post_sizes = data[0], data[1], data[2], data[7], data[8], data[9]
    weights, heavy_slot, heavy_ptr, n_heavy = data[13], data[14], data[15], data[16]
    for d in range(3):
        if weights[d] <= 0.0 or q_sizes[q, d] == 0:
            continue
        inc = incs[d]
        for i in range(q_row_ptr[3 * q + d], q_row_ptr[3 * q + d + 1]):
            tag = q_tags[i]
            if heavy_slot[tag] >= 0:
                # Runs take the looser c/a share (the same for every target), so one slice add does.
                share = np.ceil(scale * weights[d] / q_sizes[q, d]) + 1.0
                _add_runs(heavy_slot[tag], n_heavy, glo, ghi, heavy_ptr, (np.uint32(1) << np.uint32(16 + FIELD_BITS * d))
                          + np.uint32(share), acc)
                continue
            for p in range(post_grade[tag, glo], post_grade[tag, ghi]):
                acc[post_rows[p]] += inc[post_sizes[p]]


@nb.njit(cache=True, nogil=True)
def _add_runs(slot: int, n_heavy: int, glo: int, ghi: int, heavy_ptr: NDArray[np.int64], inc: np.uint32,
              acc: Acc) -> None:
    """Add inc to every target of grades glo .. ghi - 1 holding the heavy tag in `slot` (2**slot runs a grade)."""
    n_keys = 1 << n_heavy
    width = 1 << (n_heavy - 1 - slot)  # heavy-bit keys per run
    for g in range(glo, ghi):
        for prefix in range(1 << slot):
            first = g * n_keys + (2 * prefix + 1) * width
            for t in range(heavy_ptr[first], heavy_ptr[first + width]):  # a loop: a slice += compiles far slower
                acc[t] += inc


@nb.njit(cache=True, nogil=True)
def _clear_excluded(q: int, data: PassData, acc: Acc) -> None:
    skip_ptr, skip_rows, self_rows = data[10], data[11], data[12]
    for p in range(skip_ptr[q], skip_ptr[q + 1]):
        acc[skip_rows[p]] = 0
    if self_rows[q] >= 0:
        acc[self_rows[q]] = 0


@nb.njit(cache=True, nogil=True)
def _block(acc: Acc, floors: NDArray[np.uint16], floor: np.int32, values: NDArray[np.uint32],
           margins: NDArray[np.int32]) -> np.int32:
    """Copy and clear one block of counters; the largest margin of a bound over its floors (>= 0: score some)."""
    for i in range(BLOCK):
        v = acc[i]
        values[i] = v
        acc[i] = 0
        margins[i] = np.int32(v & np.uint32(0xFFFF)) - min(floor, np.int32(floors[i]))
    best = np.int32(-(1 << 30))
    for i in range(BLOCK):
        best = max(best, margins[i])
    return best


@nb.njit(cache=True, nogil=True)
def _floor_of(score: float, scale: float) -> np.int32:
    return np.int32(max(1.0, np.floor(score * scale) - 1.0))  # int32 like _seed's first floor: one type


@nb.njit(cache=True, nogil=True)
def _score(v: np.uint32, t: int, t_sizes: NDArray[np.uint8], tables: Tables) -> float:
    c0 = (v >> np.uint32(16)) & np.uint32(MAX_SET)
    c1 = (v >> np.uint32(16 + FIELD_BITS)) & np.uint32(MAX_SET)
    c2 = (v >> np.uint32(16 + 2 * FIELD_BITS)) & np.uint32(MAX_SET)
    score: float = tables[0, t_sizes[t, 0], c0] + tables[1, t_sizes[t, 1], c1]
    return score + float(tables[2, t_sizes[t, 2], c2])


@nb.njit(cache=True, nogil=True)
def _offer_block(start: int, q_rank: int, data: PassData, tables: Tables, scale: float, scratch: Scratch,
                 heap: Heap, size: int, floor: np.int32, target_heaps: TargetHeaps) -> tuple[int, np.int32]:
    """Offer the targets of one block whose bound reaches a floor.

    Three steps, the first two without a branch per row (whether a pair passes is unpredictable,
    and a mispredicted branch per pair cost more than scoring it): gather the rows whose bound
    passes; score them exactly and keep those whose score reaches the query's k-th best or the
    target's; push only those few into the heaps."""
    values, margins, stats, passing = scratch
    hs = heap[0]
    tworst = target_heaps[4]
    n = 0
    for i in range(BLOCK):
        passing[n] = i
        n += margins[i] >= 0
    stats[0] += n
    q_worst = hs[0] if size == hs.size else -1.0
    kept = 0
    for j in range(n):
        i = passing[j]
        score = _score(values[i], start + i, data[5], tables)
        passing[kept] = i  # kept <= j: overwrites only rows already read
        kept += (score >= q_worst) | (score >= tworst[start + i])
    for j in range(kept):
        i = passing[j]
        size, floor = _push_pair(start + i, _score(values[i], start + i, data[5], tables), q_rank, data, scale,
                                 stats, heap, size, floor, target_heaps)
    return size, floor


@nb.njit(cache=True, nogil=True)
def _push_pair(t: int, score: float, q_rank: int, data: PassData, scale: float, stats: NDArray[np.int64],
               heap: Heap, size: int, floor: np.int32, target_heaps: TargetHeaps) -> tuple[int, np.int32]:
    """Offer one scored pair to the query's heap and to the target's, where it reaches their k-th best."""
    hs, hk = heap
    ts, tk, tsize, tfloor, tworst = target_heaps
    if size < hs.size or score >= hs[0]:
        size = push(hs, hk, size, score, data[6][t])
        if size == hs.size:
            floor = _floor_of(hs[0], scale)
    # The target's heap is touched (a likely cache miss) only if the pair reaches its k-th best.
    if score >= tworst[t]:
        stats[1] += 1
        tsize[t] = push(ts[t], tk[t], nb.int64(tsize[t]), score, q_rank)
        if tsize[t] == ts.shape[1]:
            # Shared by the threads: any thread's k-th best is a lower bound of the merged k-th
            # best, and a stale or lower value written by another thread only prunes less.
            tfloor[t] = max(tfloor[t], _floor_of(ts[t, 0], scale))
            tworst[t] = max(tworst[t], ts[t, 0])
    return size, floor


@nb.njit(cache=True, nogil=True)
def _seed(q: int, glo: int, ghi: int, data: PassData, tables: Tables, scale: float, acc: Acc,
          stats: NDArray[np.int64], heap: Heap, target_heaps: TargetHeaps, given: NDArray[np.int32]) -> tuple[int, np.int32]:
    """Offer first (and clear, so the scan skips them) the given targets (the query's likely best, e.g.
    last run's list), then targets holding the query's rarest tag: they tend to be among its best, so
    its floor starts high rather than at the first k targets scanned."""
    q_row_ptr, q_tags, q_sizes, post_grade, post_rows = data[0], data[1], data[2], data[7], data[8]
    weights, heavy_slot = data[13], data[14]
    # Below k kept, any pair sharing a weighted tag may enter. Sizes and target rows are int64 as in
    # the block scan, so numba compiles _push_pair and the heap functions once, not once per type.
    size, floor = nb.int64(0), np.int32(1)
    for t in given:
        if acc[t] != 0:  # 0: excluded, the query's own row, or no tag shared
            stats[0] += 1
            size, floor = _push_pair(nb.int64(t), _score(acc[t], nb.int64(t), data[5], tables), data[3][q], data,
                                     scale, stats, heap, size, floor, target_heaps)
            acc[t] = 0
    rarest, shortest = -1, np.int64(1) << 62
    for d in range(3):
        if weights[d] <= 0.0 or q_sizes[q, d] == 0:
            continue
        for i in range(q_row_ptr[3 * q + d], q_row_ptr[3 * q + d + 1]):
            tag = q_tags[i]
            length = post_grade[tag, ghi] - post_grade[tag, glo]
            if heavy_slot[tag] < 0 and 0 < length < shortest:
                rarest, shortest = tag, length
    if rarest < 0:
        return size, floor
    first = post_grade[rarest, glo]
    for p in range(first, first + min(shortest, SEED_ROWS)):
        t = post_rows[p]
        if acc[t] != 0:  # 0: excluded, or the query's own row
            stats[0] += 1
            size, floor = _push_pair(nb.int64(t), _score(acc[t], nb.int64(t), data[5], tables), data[3][q], data,
                                     scale, stats, heap, size, floor, target_heaps)
            acc[t] = 0
    return size, floor


@nb.njit(cache=True, nogil=True)
def _rank_query(q: int, glo: int, ghi: int, data: PassData, scale: float, max_b: NDArray[np.int64], acc: Acc,
                tables: Tables, incs: NDArray[np.uint32], scratch: Scratch, heap: Heap,
                target_heaps: TargetHeaps, given: NDArray[np.int32]) -> int:
    q_sizes, q_ranks, t_grade_ptr, weights = data[2], data[3], data[4], data[13]
    _prepare(q_sizes[q], weights, scale, max_b, tables, incs)
    _count(q, glo, ghi, data, scale, incs, acc)
    _clear_excluded(q, data, acc)
    lo, hi = t_grade_ptr[glo], t_grade_ptr[ghi]
    size, floor = _seed(q, glo, ghi, data, tables, scale, acc, scratch[2], heap, target_heaps, given)
    tfloor = target_heaps[3]
    values, margins = scratch[0], scratch[1]
    # Targets are padded to a whole number of blocks with clear counters, so every block is full.
    # Last block first: inside a grade, rows holding the heavy tags come last, and higher grades
    # after lower ones, so the best targets tend to come early and the floor rises sooner.
    for start in range(lo + (hi - lo - 1) // BLOCK * BLOCK, lo - 1, -BLOCK):
        stop = start + BLOCK
        if _block(acc[start:stop], tfloor[start:stop], floor, values, margins) >= 0:
            size, floor = _offer_block(start, q_ranks[q], data, tables, scale, scratch, heap, size, floor,
                                       target_heaps)
    return size


@nb.njit(cache=True, parallel=True)
def _run(rows: NDArray[np.int64], q_lo: NDArray[np.int64], q_hi: NDArray[np.int64], data: PassData, scale: float,
         n_targets: int, max_a: int, max_b: NDArray[np.int64], k: int, n_chunks: int, target_heaps: TargetHeaps,
         out_ranks: NDArray[np.int32], out_scores: NDArray[np.float64], stats: NDArray[np.int64],
         seed_ptr: NDArray[np.int64], seed_rows: NDArray[np.int32]) -> None:
    ts, tk, tsize, tfloor, tworst = target_heaps
    for chunk in nb.prange(n_chunks):
        tid = nb.get_thread_id()
        mine = (ts[tid], tk[tid], tsize[tid], tfloor, tworst)
        acc = np.zeros(n_targets + BLOCK, np.uint32)
        tables = np.zeros((3, max_b.max() + 1, max_a + 1), np.float64)
        incs = np.zeros((3, max_b.max() + 1), np.uint32)
        scratch = (np.zeros(BLOCK, np.uint32), np.zeros(BLOCK, np.int32), stats[chunk], np.zeros(BLOCK, np.int32))
        heap = (np.empty(k, np.float64), np.empty(k, np.int32))
        for i in range(chunk, rows.size, n_chunks):
            q = rows[i]
            size = _rank_query(q, q_lo[q], q_hi[q], data, scale, max_b, acc, tables, incs, scratch, heap, mine,
                               seed_rows[seed_ptr[i] : seed_ptr[i + 1]])
            write_sorted(heap[0], heap[1], size, out_ranks[i], out_scores[i])


@nb.njit(cache=True, parallel=True)
def _entering(rows: NDArray[np.int64], q_lo: NDArray[np.int64], q_hi: NDArray[np.int64], data: PassData,
              scale: float, n_targets: int, max_a: int, max_b: NDArray[np.int64], n_chunks: int,
              thresholds: NDArray[np.float64], counts: NDArray[np.int64], out_targets: NDArray[np.int32],
              out_scores: NDArray[np.float64]) -> None:
    """Per query row i, every target whose pair scores at least the target's threshold: the first
    out_targets.shape[1] of them in out_*[i], and how many there are in counts[i]."""
    t_grade_ptr, t_sizes, weights = data[4], data[5], data[13]
    room = out_targets.shape[1]
    for chunk in nb.prange(n_chunks):
        acc = np.zeros(n_targets + BLOCK, np.uint32)
        tables = np.zeros((3, max_b.max() + 1, max_a + 1), np.float64)
        incs = np.zeros((3, max_b.max() + 1), np.uint32)
        for i in range(chunk, rows.size, n_chunks):
            q = rows[i]
            _prepare(data[2][q], weights, scale, max_b, tables, incs)
            _count(q, q_lo[q], q_hi[q], data, scale, incs, acc)
            _clear_excluded(q, data, acc)
            found = 0
            for t in range(t_grade_ptr[q_lo[q]], t_grade_ptr[q_hi[q]]):
                v = acc[t]
                if v == 0:
                    continue
                acc[t] = 0
                score = _score(v, t, t_sizes, tables)
                if score >= thresholds[t]:
                    if found < room:
                        out_targets[i, found], out_scores[i, found] = t, score
                    found += 1
            counts[i] = found


class KernelPasses:
    """Ranks targets for query rows; with k_targets > 0, each target's best queries too (a fused pass)."""

    def __init__(self, spec: Pass, weights: tuple[float, ...], k_targets: int = 0) -> None:
        queries, targets = spec.queries, spec.targets
        largest = max(int(queries.sizes.max(initial=0)), int(targets.sizes.max(initial=0)))
        if largest > MAX_SET:
            raise SetTooLargeError(f"a tag set of {largest} tags; the kernel counts at most {MAX_SET}")
        self.spec, self.k_targets = spec, k_targets
        w = np.asarray(weights, dtype=np.float64)
        self.scale = level_scale(weights)  # a perfect score's bound is LEVEL_TOP
        self.data: PassData = (
            queries.row_ptr, queries.tags, queries.sizes.astype(np.int64), queries.ranks, targets.grade_ptr,
            _padded_sizes(targets.sizes), targets.ranks, targets.post_grade, targets.post_rows, targets.post_sizes,
            spec.excluded_ptr, spec.excluded_rows, spec.self_rows, w, targets.heavy_slot, targets.runs,
            int(targets.heavy_tags.size),
        )
        threads, n, k = nb.get_num_threads(), targets.n, max(k_targets, 1)
        self.target_heaps: TargetHeaps = (
            np.zeros((threads, n, k), np.float64), np.zeros((threads, n, k), np.int32),
            np.zeros((threads, n), np.int32), np.full(n + BLOCK, NEVER, np.uint16), np.full(n + BLOCK, np.inf),
        )
        if k_targets:  # a fused pass: any pair sharing a weighted tag may enter a target's heap at first
            self.target_heaps[3][:n] = 1
            self.target_heaps[4][:n] = 0.0
        self.target_offers = 0
        self.scored = 0  # pairs scored exactly (the rest of each grade range was skipped by its bound)

    def rank(self, rows: NDArray[np.int64], k: int, seeds: tuple[NDArray[np.int64], NDArray[np.int32]] | None = None,
             ) -> tuple[NDArray[np.int32], NDArray[np.float64]]:
        """Target ranks and scores of the given query rows, best first (-1 / 0.0 pad short lists).
        `seeds` (CSR by position in rows: ptr, target rows) names targets to offer each query first."""
        seed_ptr, seed_rows = seeds if seeds is not None else (np.zeros(rows.size + 1, np.int64), np.zeros(0, np.int32))
        out_ranks = np.full((rows.size, k), -1, dtype=np.int32)
        out_scores = np.zeros((rows.size, k), dtype=np.float64)
        if rows.size:
            spec = self.spec
            max_a, max_b = self._largest_sets()
            n_chunks = max(1, min(rows.size, 64 * nb.get_num_threads()))
            stats = np.zeros((n_chunks, 2), np.int64)
            lo, hi = spec.grade_bounds
            with nb.parallel_chunksize(1):  # hand chunks out one by one: a starved thread holds up nobody
                _run(rows, lo, hi, self.data, self.scale, spec.targets.n, max_a, max_b, k, n_chunks,
                     self.target_heaps, out_ranks, out_scores, stats, seed_ptr, seed_rows)
            self.scored += int(stats[:, 0].sum())
            self.target_offers += int(stats[:, 1].sum())
        return out_ranks, out_scores

    def entering(self, rows: NDArray[np.int64], thresholds: NDArray[np.float64],
                 ) -> tuple[NDArray[np.int64], NDArray[np.int32], NDArray[np.float64]]:
        """(query row, target row, score) of every pair of these query rows whose score is at least
        the target's threshold (+inf: never; 0.0: any pair sharing a weighted tag), exactly scored."""
        spec = self.spec
        lo, hi = spec.grade_bounds
        max_a, max_b = self._largest_sets()

        def run(some: NDArray[np.int64], room: int) -> tuple[NDArray[np.int64], NDArray[np.int32], NDArray[np.float64]]:
            counts = np.zeros(some.size, np.int64)
            targets, scores = np.zeros((some.size, room), np.int32), np.zeros((some.size, room), np.float64)
            if some.size:
                _entering(some, lo, hi, self.data, self.scale, spec.targets.n, max_a, max_b,
                          max(1, min(some.size, 64 * nb.get_num_threads())), thresholds, counts, targets, scores)
            return counts, targets, scores

        counts, targets, scores = run(rows, ENTERING_ROOM)
        kept = np.arange(ENTERING_ROOM)[None, :] < counts[:, None]
        over = np.flatnonzero(counts > ENTERING_ROOM)  # rare: these queries again, with room for all their pairs
        kept[over] = False
        parts = [(np.repeat(rows, kept.sum(axis=1)), targets[kept], scores[kept])]
        if over.size:
            counts, targets, scores = run(rows[over], int(counts[over].max()))
            kept = np.arange(targets.shape[1])[None, :] < counts[:, None]
            parts.append((np.repeat(rows[over], counts), targets[kept], scores[kept]))
        return (np.concatenate([part[0] for part in parts]), np.concatenate([part[1] for part in parts]),
                np.concatenate([part[2] for part in parts]))

    def _largest_sets(self) -> tuple[int, NDArray[np.int64]]:
        """The largest query set, and per dimension the largest target set (the score tables' sizes)."""
        return (int(self.spec.queries.sizes.max(initial=0)),
                self.spec.targets.sizes.max(axis=0, initial=0).astype(np.int64))

    def target_lists(self) -> tuple[NDArray[np.int32], NDArray[np.float64]]:
        """After a fused pass over every query row: each target's best query ranks and scores."""
        ts, tk, tsize = self.target_heaps[:3]
        out_ranks = np.full((ts.shape[1], self.k_targets), -1, dtype=np.int32)
        out_scores = np.zeros((ts.shape[1], self.k_targets), dtype=np.float64)
        merge_heaps(ts, tk, tsize, out_ranks, out_scores)
        return out_ranks, out_scores


def _padded_sizes(sizes: NDArray[np.int32]) -> NDArray[np.uint8]:
    padded = np.zeros((sizes.shape[0] + BLOCK, 3), np.uint8)
    padded[: sizes.shape[0]] = sizes
    return padded
