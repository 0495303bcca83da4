"""Which users each measurement samples; the same in every task, since the data is seeded."""

from dataclasses import dataclass

import numpy as np

from chalicelib.matching.scoring import is_available_mentor, is_mentee

SCIPY_BLOCK = 32  # queries per block of the scipy baseline


@dataclass(frozen=True)
class Plan:
    size: int
    seed: int
    quick: bool

    @property
    def latency_queries(self) -> int:
        return 100 if self.quick else 300

    @property
    def reference_users(self) -> tuple[int, int]:
        """(mentees, mentors) checked against the plain reference (slow loops at 520k)."""
        if self.size > 200_000:
            return (6, 4) if self.quick else (16, 8)
        return (20, 10) if self.quick else (40, 20)

    @property
    def scipy_blocks(self) -> int:
        return 4 if self.quick else (8 if self.size > 200_000 else 24)

    @property
    def topn_fraction(self) -> float:
        """Share of mentee rows sparse_dot_topn runs on (extrapolated when below 1)."""
        if self.size <= 150_000:
            return 1.0
        return 0.1 if self.quick else 0.25


def ordered_ids(profiles) -> tuple[list[str], list[str]]:
    """(mentee ids, available mentor ids), sorted: the row order of the scipy baseline."""
    ordered = sorted(profiles, key=lambda p: p.user_id)
    return [p.user_id for p in ordered if is_mentee(p)], [p.user_id for p in ordered if is_available_mentor(p)]


def pick(ids: list[str], count: int, seed: int) -> list[str]:
    if not ids:
        return []
    chosen = np.random.default_rng(seed).choice(len(ids), size=min(count, len(ids)), replace=False)
    return [ids[i] for i in sorted(chosen.tolist())]


def scipy_ids(ids: list[str], blocks: int, seed: int) -> list[str]:
    """The query ids in the random blocks baselines.scipy_sample times (same rng draw)."""
    n_blocks = max(1, -(-len(ids) // SCIPY_BLOCK))
    chosen = np.random.default_rng(seed).choice(n_blocks, size=min(blocks, n_blocks), replace=False)
    return [uid for block in sorted(chosen.tolist()) for uid in ids[block * SCIPY_BLOCK : (block + 1) * SCIPY_BLOCK]]


def watched_lists(profiles, plan: Plan) -> dict[str, set[str]]:
    """Per role, the users whose recomputed lists are kept for the correctness checks."""
    mentees, mentors = ordered_ids(profiles)
    n_mentees, n_mentors = plan.reference_users
    return {
        "mentee": set(pick(mentees, n_mentees, plan.seed)) | set(scipy_ids(mentees, plan.scipy_blocks, plan.seed)),
        "mentor": set(pick(mentors, n_mentors, plan.seed + 1))
        | set(scipy_ids(mentors, plan.scipy_blocks, plan.seed + 1)),
    }
