"""Every list of a snapshot as arrays, by the numba kernel or by numpy (both exact).

Mentee lists keep k + 1 entries (the (k+1)-th is one of the thresholds mentees_gaining needs);
mentor lists keep k. With no rows given, every list is ranked; the numba kernel then ranks both
directions in one fused pass. A shard gives the rows of its people, and each direction is a
pass of its own.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.passes import Pass, make_pass, run_numpy
from chalicelib.matching.snapshot import ExcludedPairs, Snapshot

ENGINES = ("auto", "numba", "numpy")
# Below this many people "auto" uses numpy: the whole recompute (in a fresh process, as a Lambda
# starts) is then faster than importing numba and loading the compiled kernel. Measured with
# `python -m bench --crossover` on 2026-11-30 (2 cores, load average ~10, so noisy): numpy 1.1 s vs
# numba 1.8 s at 1,000 people, 2.9 s vs 1.6 s at 2,000. (With the kernel before the pruning bounds,
# `make coldstart` had put the crossover near 4,000.) infra/cost/model.py uses this constant too.
NUMPY_BELOW = 1_500


@dataclass(frozen=True)
class RankedLists:
    mentee_rows: NDArray[np.int64]  # rows of snapshot.mentees ...
    mentors: NDArray[np.int32]  # ... their mentors' ranks (rows, k + 1), best first, -1 padding
    mentor_scores: NDArray[np.float64]
    mentor_rows: NDArray[np.int64]  # rows of snapshot.mentors ...
    mentees: NDArray[np.int32]  # ... their mentees' ranks (rows, k)
    mentee_scores: NDArray[np.float64]
    candidate_pairs: int  # pairs inside the grade ranges the ranking had to consider
    scored_pairs: int  # pairs it scored exactly; the rest its bounds skipped (numpy scores them all)


def choose_engine(snapshot: Snapshot, engine: str) -> str:
    """"numba" or "numpy": auto takes numba when it is installed, the tag sets fit its counters and
    the population is large enough to repay loading it."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}")
    if engine == "numpy" or (engine == "auto" and snapshot.n_users < NUMPY_BELOW):
        return "numpy"
    try:
        from chalicelib.matching.kernel import MAX_SET, SetTooLargeError
    except ImportError:
        if engine == "numba":
            raise
        return "numpy"
    largest = max(int(side.sizes.max(initial=0)) for side in (snapshot.mentors, snapshot.mentees))
    if largest > MAX_SET:
        if engine == "numba":
            raise SetTooLargeError(f"a tag set of {largest} tags; the kernel counts at most {MAX_SET}")
        return "numpy"
    return "numba"


def rank_lists(snapshot: Snapshot, exclusions: ExcludedPairs, engine: str = "auto",
               mentee_rows: NDArray[np.int64] | None = None,
               mentor_rows: NDArray[np.int64] | None = None) -> RankedLists:
    everyone = mentee_rows is None and mentor_rows is None
    mentee_rows = np.arange(snapshot.mentees.n, dtype=np.int64) if mentee_rows is None else mentee_rows
    mentor_rows = np.arange(snapshot.mentors.n, dtype=np.int64) if mentor_rows is None else mentor_rows
    forward, reverse = make_pass(snapshot, True, exclusions), make_pass(snapshot, False, exclusions)
    weights, k = snapshot.config.weights, snapshot.config.k
    if choose_engine(snapshot, engine) == "numpy":
        mentors, mentor_scores = run_numpy(forward, weights, k + 1, mentee_rows)
        mentees, mentee_scores = run_numpy(reverse, weights, k, mentor_rows)
        candidates = pairs_in_range(forward, mentee_rows) + pairs_in_range(reverse, mentor_rows)
        return RankedLists(mentee_rows, mentors, mentor_scores, mentor_rows, mentees, mentee_scores, candidates,
                           candidates)
    from chalicelib.matching.kernel import KernelPasses

    if everyone:  # one fused pass: every pair is looked at once, for both lists
        fused = KernelPasses(forward, weights, k)
        mentors, mentor_scores = fused.rank(mentee_rows, k + 1)
        mentees, mentee_scores = fused.target_lists()
        return RankedLists(mentee_rows, mentors, mentor_scores, mentor_rows, mentees, mentee_scores,
                           pairs_in_range(forward, mentee_rows), fused.scored)
    forward_pass, reverse_pass = KernelPasses(forward, weights), KernelPasses(reverse, weights)
    mentors, mentor_scores = forward_pass.rank(mentee_rows, k + 1)
    mentees, mentee_scores = reverse_pass.rank(mentor_rows, k)
    return RankedLists(mentee_rows, mentors, mentor_scores, mentor_rows, mentees, mentee_scores,
                       pairs_in_range(forward, mentee_rows) + pairs_in_range(reverse, mentor_rows),
                       forward_pass.scored + reverse_pass.scored)


def pairs_in_range(spec: Pass, rows: NDArray[np.intp]) -> int:
    """Pairs inside the grade ranges of these query rows (what ranking them has to consider)."""
    lo, hi = spec.grade_bounds
    ptr = spec.targets.grade_ptr
    return int((ptr[hi[rows]] - ptr[lo[rows]]).sum())


def list_thresholds(snapshot: Snapshot, ranked: RankedLists) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Per ranked mentee row, the k-th and (k+1)-th entries of their list (see Snapshot.threshold_*)."""
    k = snapshot.config.k
    tail = ranked.mentors[:, k - 1 : k + 1].T
    filled = tail >= 0
    keys = np.where(filled, 2 * tail.astype(np.int64) + 1, snapshot.empty_key)
    scores = np.where(filled, ranked.mentor_scores[:, k - 1 : k + 1].T, 0.0)
    return scores, keys
