"""A full pass: the top-k list of every row of one side against the other side.

The forward pass ranks available mentors for every mentee; the reverse pass ranks mentees for
every available mentor. This module describes a pass as arrays and runs it with numpy, one
query at a time (the fallback when numba is not installed); kernel.py runs the same pass with
numba.
"""

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.queries import Query, score_cells, top_rows
from chalicelib.matching.sides import N_GRADES, Side
from chalicelib.matching.snapshot import Snapshot


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


def grade_range(forward: bool, grade: int) -> tuple[int, int]:
    """Target grade boundaries: a mentee sees mentors of grade >= theirs, a mentor the reverse."""
    return (grade, N_GRADES) if forward else (0, grade + 1)


def make_pass(snapshot: Snapshot, forward: bool, exclusions: Collection[tuple[str, str]]) -> Pass:
    queries, targets = (snapshot.mentees, snapshot.mentors) if forward else (snapshot.mentors, snapshot.mentees)
    self_rows = targets.row_of_rank[queries.ranks]
    q_rows, t_rows = _exclusion_rows(snapshot, exclusions, queries, targets, forward)
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


def _exclusion_rows(snapshot: Snapshot, exclusions: Collection[tuple[str, str]], queries: Side, targets: Side,
                    forward: bool) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
    pairs = list(exclusions)
    mentee_keys = snapshot.rank_keys(pair[0] for pair in pairs)
    mentor_keys = snapshot.rank_keys(pair[1] for pair in pairs)
    known = (mentee_keys % 2 == 1) & (mentor_keys % 2 == 1)
    q_ranks, t_ranks = (mentee_keys, mentor_keys) if forward else (mentor_keys, mentee_keys)
    q_rows = queries.row_of_rank[q_ranks[known] // 2]
    t_rows = targets.row_of_rank[t_ranks[known] // 2]
    on_sides = (q_rows >= 0) & (t_rows >= 0)
    return q_rows[on_sides].astype(np.int64), t_rows[on_sides]


def row_query(side: Side, row: int, forward: bool, grade: int) -> Query:
    """The query of one row of a side (all its tags are known to the snapshot)."""
    ids = tuple(side.row_tags(row, dim) for dim in range(3))
    lo, hi = grade_range(forward, grade)
    return Query(ids=ids, sizes=tuple(int(s) for s in side.sizes[row]), grade_lo=lo, grade_hi=hi)


def run_numpy(spec: Pass, weights: tuple[float, ...], k: int, start: int,
              stop: int) -> tuple[NDArray[np.int32], NDArray[np.float64]]:
    """Top-k target ranks and scores for query rows start .. stop - 1 (-1 / 0.0 pad short lists)."""
    out_ranks = np.full((stop - start, k), -1, dtype=np.int32)
    out_scores = np.zeros((stop - start, k), dtype=np.float64)
    grades = spec.query_grades
    for row in range(start, stop):
        query = row_query(spec.queries, row, spec.forward, int(grades[row]))
        skip = spec.excluded_rows[spec.excluded_ptr[row] : spec.excluded_ptr[row + 1]]
        cells = score_cells(spec.targets, query, weights, np.append(skip, spec.self_rows[row]))
        rows, scores = top_rows(cells, spec.targets.ranks, k)
        out_ranks[row - start, : rows.size] = spec.targets.ranks[rows]
        out_scores[row - start, : rows.size] = scores
    return out_ranks, out_scores
