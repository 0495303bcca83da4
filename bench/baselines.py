"""Baselines for the matching benchmark (bench only: they use scipy and sparse_dot_topn).

* scipy blocked: a plain scipy.sparse implementation of the full exact score, block by block of
  queries (sparse products for the three intersections, dense Jaccard and masks, then
  argpartition + lexsort for the top k), in both directions. Far too slow to run in full at
  520k, so it is timed on random blocks and extrapolated (the report says so).
* sparse_dot_topn: only the skills-intersection top-20 per mentee (no other dimension, no
  rules): the cheapest thing one could call matching.
"""

import time
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from bench.samples import SCIPY_BLOCK
from chalicelib.grades import GRADE_RANK
from chalicelib.matching.scoring import is_available_mentor, is_mentee

DIMENSIONS = (("skills_wanted", "skills_offered"), ("interests", "interests"), ("professions", "professions"))


def _incidence(sets, vocabulary: dict[str, int]) -> sp.csr_matrix:
    indptr, indices = [0], []
    for tags in sets:
        indices.extend(vocabulary.setdefault(tag, len(vocabulary)) for tag in tags)
        indptr.append(len(indices))
    return sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(sets), 1 << 16))


@dataclass
class Orientation:
    """Queries (rows) against targets (columns) in one direction, as scipy matrices."""

    dims: list  # per dimension: (query incidence, target incidence transposed, query sizes, target sizes)
    query_ids: list[str]
    target_ids: list[str]
    allowed_grade: np.ndarray  # bool (query grade, target grade)
    query_grade: np.ndarray
    target_grade: np.ndarray
    excluded: sp.csr_matrix


def orientations(profiles, exclusions) -> tuple[Orientation, Orientation]:
    """(mentees against available mentors, available mentors against mentees), rows by user id."""
    ordered = sorted(profiles, key=lambda p: p.user_id)
    mentees = [p for p in ordered if is_mentee(p)]
    mentors = [p for p in ordered if is_available_mentor(p)]
    dims = []
    for wanted, offered in DIMENSIONS:
        vocab: dict[str, int] = {}
        a = _incidence([getattr(p, wanted) for p in mentees], vocab)
        b = _incidence([getattr(p, offered) for p in mentors], vocab)
        dims.append((a, b))
    grade = np.arange(10)
    mentee_row = {p.user_id: i for i, p in enumerate(mentees)}
    mentor_row = {p.user_id: i for i, p in enumerate(mentors)}
    pairs = [(mentee_row[a], mentor_row[b]) for a, b in exclusions if a in mentee_row and b in mentor_row]
    pairs += [(mentee_row[u], mentor_row[u]) for u in mentee_row.keys() & mentor_row.keys()]
    rows = np.array([p[0] for p in pairs], dtype=np.int64)
    cols = np.array([p[1] for p in pairs], dtype=np.int64)
    excluded = sp.csr_matrix((np.ones(rows.size, bool), (rows, cols)), shape=(len(mentees), len(mentors)))
    mentee_grade = np.array([GRADE_RANK[p.grade] for p in mentees], dtype=np.int64)
    mentor_grade = np.array([GRADE_RANK[p.grade] for p in mentors], dtype=np.int64)
    forward = Orientation(
        [(a, b.T.tocsr(), np.diff(a.indptr), np.diff(b.indptr)) for a, b in dims],
        [p.user_id for p in mentees], [p.user_id for p in mentors],
        grade[:, None] <= grade[None, :], mentee_grade, mentor_grade, excluded)
    reverse = Orientation(
        [(b, a.T.tocsr(), np.diff(b.indptr), np.diff(a.indptr)) for a, b in dims],
        [p.user_id for p in mentors], [p.user_id for p in mentees],
        grade[:, None] >= grade[None, :], mentor_grade, mentee_grade, excluded.T.tocsr())
    return forward, reverse


def scipy_scores(side: Orientation, rows: np.ndarray, weights) -> np.ndarray:
    """Exact scores of a block of query rows against every target: (w_s·J_s + w_i·J_i) + w_p·J_p."""
    total = np.zeros((rows.size, len(side.target_ids)))
    for weight, (a, b_t, a_sizes, b_sizes) in zip(weights, side.dims, strict=True):
        shared = (a[rows] @ b_t).toarray()
        union = a_sizes[rows][:, None] + b_sizes[None, :] - shared
        total += weight * np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    allowed = side.allowed_grade[side.query_grade[rows][:, None], side.target_grade[None, :]]
    allowed &= ~side.excluded[rows].toarray()
    return np.where(allowed, total, 0.0)


def scipy_top_k(scores: np.ndarray, k: int):
    """Per row: (target index, score) of the k best scores > 0, ties by user id (column order)."""
    out = []
    for row in scores:
        candidates = np.flatnonzero(row > 0)
        if candidates.size > k:
            kth = np.partition(row[candidates], candidates.size - k)[candidates.size - k]
            candidates = candidates[row[candidates] >= kth]
        order = np.lexsort((candidates, -row[candidates]))[:k]
        out.append([(int(c), float(row[c])) for c in candidates[order]])
    return out


def scipy_sample(side: Orientation, weights, k: int, blocks: int, seed: int):
    """Time random blocks of SCIPY_BLOCK queries: (seconds per query, {query id: [(id, score)]})."""
    n = len(side.query_ids)
    n_blocks = max(1, -(-n // SCIPY_BLOCK))
    chosen = np.random.default_rng(seed).choice(n_blocks, size=min(blocks, n_blocks), replace=False)
    lists, done, elapsed = {}, 0, 0.0
    for block in sorted(chosen.tolist()):
        rows = np.arange(block * SCIPY_BLOCK, min(n, block * SCIPY_BLOCK + SCIPY_BLOCK))
        began = time.perf_counter()
        ranked = scipy_top_k(scipy_scores(side, rows, weights), k)
        elapsed += time.perf_counter() - began
        done += rows.size
        for row, entries in zip(rows.tolist(), ranked, strict=True):
            lists[side.query_ids[row]] = [(side.target_ids[c], s) for c, s in entries]
    return elapsed / max(done, 1), lists


def topn_skills(forward: Orientation, fraction: float, threads: int, seed: int) -> tuple[float, int]:
    """Seconds for sparse_dot_topn's skills top-20 on a random `fraction` of mentee rows."""
    from sparse_dot_topn import sp_matmul_topn

    a, b_t, _, _ = forward.dims[0]
    n = a.shape[0]
    rows = np.sort(np.random.default_rng(seed).choice(n, max(1, int(round(n * fraction))), replace=False))
    sample = a[rows].tocsr()
    began = time.perf_counter()
    sp_matmul_topn(sample, b_t, top_n=20, n_threads=threads if threads > 1 else None)
    return time.perf_counter() - began, rows.size
