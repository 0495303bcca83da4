"""A full pass: the top-k list of every row of one side against the other side.

The forward pass ranks available mentors for every mentee; the reverse pass ranks mentees for
every available mentor. This module describes a pass as arrays and runs it with numpy, one
query at a time (the fallback when numba is not installed); kernel.py runs the same pass with
numba.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.queries import Query, score_cells, top_rows
from chalicelib.matching.sides import N_GRADES, Side
from chalicelib.matching.snapshot import ExcludedPairs, Snapshot


@dataclass(frozen=True, eq=False)
class Pass:
    queries: Side
    targets: Side
    forward: bool
    self_rows: NDArray[np.int32]  # per query row: the target row of the same user, or -1
    excluded_ptr: NDArray[np.int64]  # CSR per query row ...
    excluded_rows: NDArray[np.int32]  # ... of target rows the query must not be matched with

    @property
    def query_grades(self) -> NDArray[np.int64]:
        return np.repeat(np.arange(N_GRADES, dtype=np.int64), np.diff(self.queries.grade_ptr))

    @property
    def grade_bounds(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Per query row, the target grades it may be matched with: lo .. hi - 1."""
        grades = self.query_grades
        if self.forward:
            return grades, np.full_like(grades, N_GRADES)
        return np.zeros_like(grades), grades + 1


def grade_range(forward: bool, grade: int) -> tuple[int, int]:
    """Target grade boundaries: a mentee sees mentors of grade >= theirs, a mentor the reverse."""
    return (grade, N_GRADES) if forward else (0, grade + 1)


def make_pass(snapshot: Snapshot, forward: bool, exclusions: ExcludedPairs) -> Pass:
    queries, targets = (snapshot.mentees, snapshot.mentors) if forward else (snapshot.mentors, snapshot.mentees)
    self_rows = targets.row_of_rank[queries.ranks]
    q_rows, t_rows = _exclusion_rows(exclusions, queries, targets, forward)
    order = np.argsort(q_rows, kind="stable")
    counts = np.bincount(q_rows, minlength=queries.n)
    return Pass(
        queries=queries,
        targets=targets,
        forward=forward,
        self_rows=self_rows.astype(np.int32),
        excluded_ptr=np.concatenate(([0], np.cumsum(counts))).astype(np.int64),
        excluded_rows=t_rows[order].astype(np.int32),
    )


def _exclusion_rows(exclusions: ExcludedPairs, queries: Side, targets: Side,
                    forward: bool) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
    pairs = (exclusions.mentee_ranks, exclusions.mentor_ranks)
    q_ranks, t_ranks = pairs if forward else pairs[::-1]
    q_rows = queries.row_of_rank[q_ranks]
    t_rows = targets.row_of_rank[t_ranks]
    on_sides = (q_rows >= 0) & (t_rows >= 0)
    return q_rows[on_sides].astype(np.int64), t_rows[on_sides]


def row_query(side: Side, row: int, forward: bool, grade: int) -> Query:
    """The query of one row of a side (all its tags are known to the snapshot)."""
    ids = tuple(side.row_tags(row, dim) for dim in range(3))
    lo, hi = grade_range(forward, grade)
    return Query(ids=ids, sizes=tuple(int(s) for s in side.sizes[row]), grade_lo=lo, grade_hi=hi)


def run_numpy(spec: Pass, weights: tuple[float, ...], k: int,
              rows: NDArray[np.int64]) -> tuple[NDArray[np.int32], NDArray[np.float64]]:
    """Top-k target ranks and scores for the given query rows (-1 / 0.0 pad short lists)."""
    out_ranks = np.full((len(rows), k), -1, dtype=np.int32)
    out_scores = np.zeros((len(rows), k), dtype=np.float64)
    grades = spec.query_grades
    for i, row in enumerate(np.asarray(rows, dtype=np.int64).tolist()):
        query = row_query(spec.queries, row, spec.forward, int(grades[row]))
        skip = spec.excluded_rows[spec.excluded_ptr[row] : spec.excluded_ptr[row + 1]]
        cells = score_cells(spec.targets, query, weights, np.append(skip, spec.self_rows[row]))
        best, scores = top_rows(cells, spec.targets.ranks, k)
        out_ranks[i, : best.size] = spec.targets.ranks[best]
        out_scores[i, : best.size] = scores
    return out_ranks, out_scores
