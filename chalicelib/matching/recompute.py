"""The full recompute: every mentee's and every mentor's list, and the index thresholds.

Uses the numba kernel when numba is importable (engine="auto"), else numpy one query at a
time; both are exact. Mentee lists stream out block by block; mentor lists follow.
"""

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.index import MatchIndex
from chalicelib.matching.model import DEFAULT_CONFIG, Match, MatchConfig, MatchProfile
from chalicelib.matching.passes import make_pass, run_numpy
from chalicelib.matching.scoring import MENTEE, MENTOR, is_available_mentor, shared_tags
from chalicelib.matching.snapshot import Snapshot

if TYPE_CHECKING:
    from chalicelib.matching.kernel import FusedPasses

ENGINES = ("auto", "numba", "numpy")
# "auto" takes numpy below this many people: loading even the cached kernel (~1 s) costs more than
# numpy's whole run there. Measured in fresh processes (make coldstart): 2,000 people numpy 0.85 s vs
# numba 1.41 s; 20,000 numpy 15.8 s vs numba 8.7 s; both grow about as N^1.27, so they cross near 4,000.
NUMPY_BELOW = 4_000
BLOCK = 32_768
CHUNK = 2_048


class NumpyPasses:
    """Both directions with the numpy query code, one query at a time (no numba needed)."""

    def __init__(self, snapshot: Snapshot, exclusions: Collection[tuple[str, str]], k_reverse: int) -> None:
        self.snapshot, self.exclusions, self.k_reverse = snapshot, exclusions, k_reverse
        self.spec = make_pass(snapshot, True, exclusions)

    def forward(self, k: int, start: int, stop: int) -> tuple[NDArray[np.int32], NDArray[np.float64]]:
        return run_numpy(self.spec, self.snapshot.config.weights, k, start, stop)

    def reverse(self) -> tuple[NDArray[np.int32], NDArray[np.float64]]:
        spec = make_pass(self.snapshot, False, self.exclusions)
        return run_numpy(spec, self.snapshot.config.weights, self.k_reverse, 0, spec.queries.n)


def make_passes(snapshot: Snapshot, exclusions: Collection[tuple[str, str]], k_reverse: int,
                engine: str = "auto") -> "NumpyPasses | FusedPasses":
    """The numba kernel's passes if numba is importable (or asked for) and the population is large
    enough for it to pay (``NUMPY_BELOW``), else the numpy ones. Results are identical."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}")
    if engine == "auto" and snapshot.n_users < NUMPY_BELOW:
        engine = "numpy"
    if engine != "numpy":
        try:
            from chalicelib.matching.kernel import FusedPasses
        except ImportError:
            if engine == "numba":
                raise
        else:
            return FusedPasses(make_pass(snapshot, True, exclusions), snapshot.config.weights, k_reverse)
    return NumpyPasses(snapshot, exclusions, k_reverse)


class _Thresholds:
    """Per mentee, the k-th and (k+1)-th entries of their list, filled block by block."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.scores = np.zeros((2, snapshot.mentees.n), dtype=np.float64)
        self.keys = np.full((2, snapshot.mentees.n), snapshot.empty_key, dtype=np.int64)

    def record(self, start: int, ranks: NDArray[np.int32], scores: NDArray[np.float64]) -> None:
        k = self.snapshot.config.k
        tail = ranks[:, k - 1 : k + 1].T
        filled = tail >= 0
        stop = start + ranks.shape[0]
        self.keys[:, start:stop][filled] = 2 * tail[filled].astype(np.int64) + 1
        self.scores[:, start:stop][filled] = scores[:, k - 1 : k + 1].T[filled]

    def snapshot_with_thresholds(self) -> Snapshot:
        return self.snapshot.with_thresholds(self.scores, self.keys)


def _forward_blocks(passes: "NumpyPasses | FusedPasses", n: int,
                    k: int) -> Iterator[tuple[int, NDArray[np.int32], NDArray[np.float64]]]:
    for start in range(0, n, BLOCK):
        stop = min(start + BLOCK, n)
        yield start, *passes.forward(k, start, stop)


def with_list_thresholds(snapshot: Snapshot, exclusions: Collection[tuple[str, str]] = (),
                         engine: str = "auto") -> Snapshot:
    """The snapshot plus, per mentee, the k-th and (k+1)-th entries of their list."""
    thresholds = _Thresholds(snapshot)
    passes = make_passes(snapshot, exclusions, 0, engine)
    for start, ranks, scores in _forward_blocks(passes, snapshot.mentees.n, snapshot.config.k + 1):
        thresholds.record(start, ranks, scores)
    return thresholds.snapshot_with_thresholds()


def build_index(profiles: Iterable[MatchProfile], config: MatchConfig = DEFAULT_CONFIG,
                exclusions: Collection[tuple[str, str]] = (), engine: str = "auto") -> MatchIndex:
    """An index of these profiles with each mentee's list thresholds (what mentees_gaining needs)."""
    return MatchIndex(with_list_thresholds(Snapshot.build(profiles, config), exclusions, engine))


def compute_all_lists(profiles: Sequence[MatchProfile], exclusions: Collection[tuple[str, str]] = (),
                      config: MatchConfig = DEFAULT_CONFIG, engine: str = "auto",
                      on_index: Callable[[MatchIndex], None] | None = None,
                      ) -> Iterator[tuple[str, str, list[Match]]]:
    """(user id, "mentee" | "mentor", ranked list) for every person with that role.

    Mentee lists come first, then mentor lists; a mentor who is not available (not accepting
    or at capacity) gets an empty list. `exclusions` holds (mentee id, mentor id) pairs.
    If given, `on_index` receives the MatchIndex of these profiles (with the thresholds
    mentees_gaining needs) once the mentee lists are done, so no second pass is needed.
    """
    snapshot = Snapshot.build(profiles, config)
    by_rank = sorted(profiles, key=lambda profile: profile.user_id)
    thresholds = _Thresholds(snapshot) if on_index else None
    passes = make_passes(snapshot, exclusions, config.k, engine)
    k = config.k
    mentee_ranks = snapshot.mentees.ranks.tolist()
    for start, ranks, scores in _forward_blocks(passes, snapshot.mentees.n, k + 1 if thresholds else k):
        if thresholds:
            thresholds.record(start, ranks, scores)
        yield from _lists(by_rank, mentee_ranks[start : start + ranks.shape[0]], ranks[:, :k], scores[:, :k], True)
    if on_index and thresholds:
        on_index(MatchIndex(thresholds.snapshot_with_thresholds()))
    ranks, scores = passes.reverse()
    yield from _lists(by_rank, snapshot.mentors.ranks.tolist(), ranks, scores, False)
    for person in by_rank:
        if MENTOR in person.roles and not is_available_mentor(person):
            yield person.user_id, MENTOR, []


def _lists(by_rank: list[MatchProfile], query_ranks: list[int], ranks: NDArray[np.int32],
           scores: NDArray[np.float64], forward: bool) -> Iterator[tuple[str, str, list[Match]]]:
    role = MENTEE if forward else MENTOR
    for start in range(0, len(query_ranks), CHUNK):  # chunks keep the Python lists made here small
        stop = start + CHUNK
        for rank, rank_list, score_list in zip(query_ranks[start:stop], ranks[start:stop].tolist(),
                                               scores[start:stop].tolist(), strict=True):
            person = by_rank[rank]
            others = [by_rank[other] for other in rank_list if other >= 0]
            yield person.user_id, role, _matches(person, others, score_list, forward)


def _matches(person: MatchProfile, others: list[MatchProfile], scores: list[float], forward: bool) -> list[Match]:
    if forward:
        return [Match(o.user_id, s, *shared_tags(person, o)) for o, s in zip(others, scores, strict=False)]
    return [Match(o.user_id, s, *shared_tags(o, person)) for o, s in zip(others, scores, strict=False)]
