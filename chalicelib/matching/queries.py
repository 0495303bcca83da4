"""Vectorised (numpy only) scoring of one person against one side: the instant query path.

A target's score depends only on its three set sizes and its three intersection counts with
the query. So per query: one weighted np.bincount over the posting lists of the query's tags
(inside its grade range) packs the three counts of every target into one integer; the few
distinct set sizes of the side are size classes; and a per-query table holds the exact score
of every (size class, counts) cell, computed with the scalar rules' float64 operations (see
scoring.py), so scores are bit-identical. The top k come from a histogram of the cells, so
only targets in the best cells are ever sorted; the histogram of every 8th target usually tells
the k-th best score already (checked: at least k targets must reach it), sparing the full count.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from chalicelib.matching.sides import Side

MAX_CELLS = 1 << 21  # beyond this (huge tag sets) targets are scored one by one
CACHED_CELLS = 1 << 22  # tables kept for later queries with the same set sizes (32 MB)
SAMPLE_STRIDE = 8  # top_rows guesses its floor from every 8th target


@dataclass(frozen=True)
class Query:
    """One person's tags as one side sees them, and the grade range of their candidates."""

    ids: tuple[NDArray[np.int32], ...]  # per dimension: ids of the tags the snapshot knows
    sizes: tuple[int, ...]  # per dimension: the full set size (unknown tags count too)
    grade_lo: int  # candidates' grades are grade_lo .. grade_hi - 1
    grade_hi: int


@dataclass(frozen=True)
class Cells:
    """Every target row lo .. lo + n - 1 in its score cell, and each cell's exact score."""

    lo: int
    cells: NDArray[np.intp]  # (n,)
    scores: NDArray[np.float64]  # (n_cells,)

    def target_scores(self) -> NDArray[np.float64]:
        scores: NDArray[np.float64] = np.take(self.scores, self.cells)
        return scores


def score_cells(side: Side, query: Query, weights: tuple[float, ...], hidden: ArrayLike = ()) -> Cells:
    """The cells of rows in the query's grade range; `hidden` rows get a zero-score cell."""
    lo = int(side.grade_ptr[query.grade_lo])
    hi = max(int(side.grade_ptr[query.grade_hi]), lo)
    local = np.asarray(hidden, dtype=np.int64) - lo
    local = local[(local >= 0) & (local < hi - lo)]
    widths = tuple(size + 1 if weights[d] > 0.0 else 1 for d, size in enumerate(query.sizes))
    n_classes = side.size_table.shape[0]
    if n_classes * widths[0] * widths[1] * widths[2] > MAX_CELLS:
        return _one_cell_per_target(side, query, weights, lo, hi, local)
    # cell = (c_s·stride_s + c_i·stride_i + c_p)·n_classes + size class
    strides = (widths[1] * widths[2] * n_classes, widths[2] * n_classes, n_classes)
    # Index arrays are intp throughout: numpy casts int32 indices to intp on every gather.
    cells = side.size_ids[lo:hi].astype(np.intp)
    for dim in range(3):
        if widths[dim] > 1 and query.ids[dim].size:
            ids = _add_heavy_runs(side, query, query.ids[dim], strides[dim], cells, lo)
            if ids.size:
                np.add.at(cells, _posting_rows(side, query, ids, lo), strides[dim])
    cells[local] = side.size_ids[lo + local]
    return Cells(lo=lo, cells=cells, scores=_cell_scores(side, query.sizes, widths, weights))


def _add_heavy_runs(side: Side, query: Query, ids: NDArray[np.int32], stride: int, cells: NDArray[np.intp],
                    lo: int) -> NDArray[np.int32]:
    """Add the stride to the rows holding each heavy tag among `ids` by slices of their runs
    (heavytags.py), much cheaper than one add per row; returns the other ids."""
    slots = side.heavy_slot[ids]
    heavy = slots >= 0
    if not heavy.any():
        return ids
    n_heavy = side.heavy_tags.size
    for slot in np.unique(slots[heavy]).tolist():
        width = 1 << (n_heavy - 1 - slot)
        for grade in range(query.grade_lo, query.grade_hi):
            for prefix in range(1 << slot):
                first = (grade << n_heavy) + (2 * prefix + 1) * width
                cells[side.runs[first] - lo : side.runs[first + width] - lo] += stride
    return ids[~heavy]


def _posting_rows(side: Side, query: Query, ids: NDArray[np.int32], lo: int) -> NDArray[np.intp]:
    """Rows (minus lo) holding each of these tags of the query, inside its grade range."""
    bounds = side.post_grade[ids]
    starts, ends = bounds[:, query.grade_lo].tolist(), bounds[:, query.grade_hi].tolist()
    rows: NDArray[np.intp] = np.concatenate([side.post_rows[s:e] for s, e in zip(starts, ends, strict=True)]).astype(np.intp)
    return rows - lo if lo else rows


def _one_cell_per_target(side: Side, query: Query, weights: tuple[float, ...], lo: int, hi: int,
                         hidden: NDArray[np.int64]) -> Cells:
    """For very large tag sets: score every target directly, (w_s·J_s + w_i·J_i) + w_p·J_p."""
    total = np.zeros(hi - lo)
    for dim in range(3):
        shared = np.zeros(hi - lo, dtype=np.int64)
        if weights[dim] > 0.0 and query.ids[dim].size:
            np.add.at(shared, _posting_rows(side, query, query.ids[dim], lo), 1)
        union = side.dim_sizes[dim, lo:hi] + (query.sizes[dim] - shared)
        total += weights[dim] * np.divide(shared, union, out=np.zeros(hi - lo), where=union > 0)
    total[hidden] = 0.0
    return Cells(lo=lo, cells=np.arange(hi - lo), scores=total)


def _cell_scores(side: Side, sizes: tuple[int, ...], widths: tuple[int, ...],
                 weights: tuple[float, ...]) -> NDArray[np.float64]:
    """Exact scores, (w_s·J_s + w_i·J_i) + w_p·J_p, of every (counts, size class) cell."""
    key = (tuple(sizes), widths, tuple(weights))
    cached = side.cell_scores.get(key)
    if cached is not None:
        return cached
    terms: list[NDArray[np.float64]] = []
    for dim in range(3):
        shared = np.arange(widths[dim], dtype=np.int64)[:, None]
        union = sizes[dim] + side.size_table[None, :, dim] - shared
        jaccard = np.divide(shared, union, out=np.zeros(union.shape), where=union > 0)
        terms.append(weights[dim] * jaccard)
    n = side.size_table.shape[0]
    total = terms[0].reshape(widths[0], 1, 1, n) + terms[1].reshape(1, widths[1], 1, n)
    scores: NDArray[np.float64] = (total + terms[2].reshape(1, 1, widths[2], n)).reshape(-1)
    if sum(table.size for table in side.cell_scores.values()) + scores.size > CACHED_CELLS:
        side.cell_scores.clear()
    side.cell_scores[key] = scores
    return scores


def top_rows(cells: Cells, ranks: NDArray[np.int32], k: int) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """Rows and scores of the k best targets with score > 0; ties go to the smaller rank."""
    floor = _sampled_floor(cells, k)
    if floor is not None:
        chosen = np.flatnonzero(np.take(cells.scores >= floor, cells.cells))
        if chosen.size >= k:  # then the k-th best score is >= floor, so the k best are all chosen
            return _best(cells, chosen, ranks, k)
    counts = np.bincount(cells.cells, minlength=cells.scores.size)
    used = np.flatnonzero((counts > 0) & (cells.scores > 0.0))
    if used.size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    order = _best_cells(cells, used, k)
    reach = np.cumsum(counts[order])
    floor = cells.scores[order[min(int(np.searchsorted(reach, k)), order.size - 1)]]
    return _best(cells, np.flatnonzero(np.take(cells.scores >= floor, cells.cells)), ranks, k)


def _sampled_floor(cells: Cells, k: int) -> float | None:
    """A score that a strided sample of the targets says some 4·k targets reach (None: no guess).
    Counting a sample is cheap; top_rows checks the guess, and counts every target when it fails."""
    if cells.cells.size < SAMPLE_STRIDE * 4 * k:
        return None
    counts = np.bincount(cells.cells[::SAMPLE_STRIDE], minlength=cells.scores.size)
    used = np.flatnonzero((counts > 0) & (cells.scores > 0.0))
    wanted = -(-4 * k // SAMPLE_STRIDE)
    order = _best_cells(cells, used, wanted)
    reach = np.cumsum(counts[order])
    at = int(np.searchsorted(reach, wanted))
    return None if at >= order.size else float(cells.scores[order[at]])


def _best_cells(cells: Cells, used: NDArray[np.intp], k: int) -> NDArray[np.intp]:
    """The k best of these used cells (each holds a target, so the k-th best target is in them), best first."""
    if used.size > k:
        used = used[np.argpartition(-cells.scores[used], k - 1)[:k]]
    order: NDArray[np.intp] = used[np.argsort(-cells.scores[used], kind="stable")]
    return order


def _best(cells: Cells, chosen: NDArray[np.intp], ranks: NDArray[np.int32],
          k: int) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """The k best of the chosen rows (all of them >= the k-th best score), by score then rank."""
    scores = cells.scores[cells.cells[chosen]]
    best = np.lexsort((ranks[chosen + cells.lo], -scores))[:k]
    return chosen[best] + cells.lo, scores[best]
