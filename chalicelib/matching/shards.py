"""A recompute in shards: the lists of a range of people, and which of them changed.

A shard is a range of user ranks (users sorted by id, so every shard mixes grades and roles
alike and costs about the same). It ranks the mentee list and the mentor list of each of its
people against everyone, digests every list (digests.py) and compares it with the digest the
last run stored; only changed lists become Match objects. One shard of one is the whole
recompute: the numba kernel then ranks both directions in one fused pass or, from the last whole
run's lists, only the lists a change can reach (incremental.py). Each list is exact whatever the
shards, so the results never depend on how many there are.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.arrays import pack, unpack
from chalicelib.matching.digests import NO_LIST, SEED, ListDigests, digest_of, tag_hashes, user_hashes
from chalicelib.matching.incremental import rank_since
from chalicelib.matching.matchlists import lists_from_shared, matches_of
from chalicelib.matching.model import Match
from chalicelib.matching.ranking import RankedLists, choose_engine, list_thresholds, rank_lists
from chalicelib.matching.scoring import MENTEE, MENTOR
from chalicelib.matching.sides import Side
from chalicelib.matching.snapshot import MENTEE_ROLE, MENTOR_ROLE, ExcludedPairs, Snapshot
from chalicelib.matching.stored import StoredLists

Changed = tuple[str, str, list[Match]]  # user id, role ("mentee": my mentors), the new list
EXPLAIN_BATCH = 512  # changed lists built together (their shared tags found in one kernel call)


@dataclass(frozen=True)
class Shard:
    number: int
    of: int

    def __post_init__(self) -> None:
        if not 0 <= self.number < self.of:
            raise ValueError(f"shard {self.number} of {self.of}")

    def ranks(self, n_users: int) -> tuple[int, int]:
        return n_users * self.number // self.of, n_users * (self.number + 1) // self.of


WHOLE = Shard(0, 1)


@dataclass(frozen=True, eq=False)
class ShardInput:
    """What every shard of a run reads: the run's snapshot, who must not be matched, and the
    caller's notes (the service's run stamp), as one blob of arrays."""

    snapshot: Snapshot
    exclusions: ExcludedPairs
    notes: dict[str, Any] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        arrays = {**self.snapshot.to_arrays(), "excluded_mentees": self.exclusions.mentee_ranks,
                  "excluded_mentors": self.exclusions.mentor_ranks}
        return pack(arrays, {**self.snapshot.meta(), "notes": self.notes})

    @classmethod
    def from_bytes(cls, data: bytes) -> "ShardInput":
        arrays, meta = unpack(data)
        exclusions = ExcludedPairs(arrays["excluded_mentees"], arrays["excluded_mentors"])
        return cls(Snapshot.from_arrays(arrays, meta), exclusions, meta["notes"])


@dataclass(frozen=True, eq=False)
class ShardOutcome:
    lo: int  # the shard's users are ranks lo .. hi - 1
    hi: int
    mentee: NDArray[np.uint64]  # per user of the shard: the digest of their mentee list (NO_LIST: none)
    mentor: NDArray[np.uint64]
    mentee_rows: NDArray[np.int64]  # the shard's rows of snapshot.mentees, and their list thresholds
    threshold_scores: NDArray[np.float64]
    threshold_keys: NDArray[np.int64]
    candidate_pairs: int
    scored_pairs: int
    changed_count: int  # lists whose digest changed
    # Those lists as Match lists, built one by one while they are consumed (once), so memory holds
    # the ranked arrays, not every changed list; not serialised (the shard writes them itself).
    changed: Iterable[Changed] = ()
    stored: StoredLists | None = None  # a whole run's lists, for the next run (not serialised either)

    def to_bytes(self) -> bytes:
        arrays = {"mentee": self.mentee, "mentor": self.mentor, "mentee_rows": self.mentee_rows,
                  "threshold_scores": self.threshold_scores, "threshold_keys": self.threshold_keys}
        meta = {"lo": self.lo, "hi": self.hi, "candidate_pairs": self.candidate_pairs,
                "scored_pairs": self.scored_pairs, "changed_count": self.changed_count}
        return pack(arrays, meta)

    @classmethod
    def from_bytes(cls, data: bytes) -> "ShardOutcome":
        arrays, meta = unpack(data)
        return cls(meta["lo"], meta["hi"], arrays["mentee"], arrays["mentor"], arrays["mentee_rows"],
                   arrays["threshold_scores"], arrays["threshold_keys"], meta["candidate_pairs"], meta["scored_pairs"],
                   meta["changed_count"])


def compute_shard(snapshot: Snapshot, exclusions: ExcludedPairs, previous: ListDigests, shard: Shard = WHOLE,
                  engine: str = "auto") -> ShardOutcome:
    lo, hi = shard.ranks(snapshot.n_users)
    mentee_rows, mentor_rows = _rows_in(snapshot.mentees, lo, hi), _rows_in(snapshot.mentors, lo, hi)
    stored = None
    if shard.of == 1:  # one run of everyone: from the last such run's lists when it can (incremental.py)
        ranked, stored = rank_since(snapshot, exclusions, previous, engine)
    else:
        ranked = rank_lists(snapshot, exclusions, engine, mentee_rows, mentor_rows)
    chosen = choose_engine(snapshot, engine)
    mentee_digests, mentor_digests = _digests(snapshot, ranked, chosen)
    roles = snapshot.roles[lo:hi]
    mentee = np.where(roles & MENTEE_ROLE, SEED, NO_LIST).astype(np.uint64)  # mentees always have a row
    mentor = np.where(roles & MENTOR_ROLE, SEED, NO_LIST).astype(np.uint64)  # unavailable mentors: empty list
    mentee[snapshot.mentees.ranks[ranked.mentee_rows] - lo] = mentee_digests
    mentor[snapshot.mentors.ranks[ranked.mentor_rows] - lo] = mentor_digests
    before_mentee, before_mentor = previous.aligned(snapshot.user_ids, lo, hi)
    scores, keys = list_thresholds(snapshot, ranked)
    count = int(_is_changed(mentee, before_mentee).sum() + _is_changed(mentor, before_mentor).sum())
    changed = _changed(snapshot, ranked, lo, (mentee, mentor), (before_mentee, before_mentor), chosen)
    return ShardOutcome(lo, hi, mentee, mentor, ranked.mentee_rows, scores, keys, ranked.candidate_pairs,
                        ranked.scored_pairs, count, changed, stored)


def _is_changed(now: NDArray[np.uint64], before: NDArray[np.uint64]) -> NDArray[np.bool_]:
    """Lists to write: a digest other than the stored one (NO_LIST: no list, nothing to write)."""
    changed: NDArray[np.bool_] = (now != before) & (now != NO_LIST)
    return changed


def _rows_in(side: Side, lo: int, hi: int) -> NDArray[np.int64]:
    return np.flatnonzero((side.ranks >= lo) & (side.ranks < hi)).astype(np.int64)


def _digests(snapshot: Snapshot, ranked: RankedLists, engine: str) -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """Digests of every ranked list: from the arrays with numba, else from the lists themselves (small runs)."""
    k = snapshot.config.k
    if engine == "numba":
        from chalicelib.matching.digestkernel import ranked_digests

        tags, users = tag_hashes(snapshot.space.tags, snapshot.space.dim_ptr), user_hashes(snapshot.user_ids)
        return (ranked_digests(ranked.mentee_rows, snapshot.mentees, snapshot.mentors, ranked.mentors,
                               ranked.mentor_scores, tags, users, k),
                ranked_digests(ranked.mentor_rows, snapshot.mentors, snapshot.mentees, ranked.mentees,
                               ranked.mentee_scores, tags, users, k))
    return (_python_digests(snapshot, True, ranked.mentee_rows, ranked.mentors[:, :k], ranked.mentor_scores[:, :k]),
            _python_digests(snapshot, False, ranked.mentor_rows, ranked.mentees, ranked.mentee_scores))


def _python_digests(snapshot: Snapshot, forward: bool, rows: NDArray[np.int64], ranks: NDArray[np.int32],
                    scores: NDArray[np.float64]) -> NDArray[np.uint64]:
    return np.array([digest_of(matches_of(snapshot, forward, row, ranks[i], scores[i]))
                     for i, row in enumerate(rows.tolist())], dtype=np.uint64)


Digests = tuple[NDArray[np.uint64], NDArray[np.uint64]]  # (mentee lists, mentor lists) of a shard's users


def _changed(snapshot: Snapshot, ranked: RankedLists, lo: int, now: Digests, before: Digests,
             engine: str) -> Iterator[Changed]:
    """The lists whose digest differs from the stored one, built as Match lists (only these), a
    batch at a time and handed out one by one."""
    k = snapshot.config.k
    for role, forward, rows, ranks, scores, side, digests, old in (
        (MENTEE, True, ranked.mentee_rows, ranked.mentors[:, :k], ranked.mentor_scores[:, :k], snapshot.mentees,
         now[0], before[0]),
        (MENTOR, False, ranked.mentor_rows, ranked.mentees, ranked.mentee_scores, snapshot.mentors, now[1], before[1]),
    ):
        position = np.full(digests.size, -1, dtype=np.int64)
        position[side.ranks[rows] - lo] = np.arange(rows.size)
        offsets = np.flatnonzero(_is_changed(digests, old))
        for start in range(0, offsets.size, EXPLAIN_BATCH):
            batch = offsets[start : start + EXPLAIN_BATCH]
            at = position[batch]  # -1: an unavailable mentor, whose list is empty
            some = at[at >= 0]
            built = iter(_explain(snapshot, forward, rows[some], ranks[some], scores[some], engine))
            for offset, i in zip(batch.tolist(), at.tolist(), strict=True):
                yield snapshot.user_id(lo + offset), role, [] if i < 0 else next(built)


def _explain(snapshot: Snapshot, forward: bool, rows: NDArray[np.int64], ranks: NDArray[np.int32],
             scores: NDArray[np.float64], engine: str) -> list[list[Match]]:
    """Match lists of ranked rows: with numba, every entry's shared tags found in one call a batch."""
    if engine != "numba":
        return [matches_of(snapshot, forward, int(row), ranks[i], scores[i]) for i, row in enumerate(rows.tolist())]
    from chalicelib.matching.digestkernel import shared_tag_ids

    side, other = (snapshot.mentees, snapshot.mentors) if forward else (snapshot.mentors, snapshot.mentees)
    return lists_from_shared(snapshot, ranks, scores, *shared_tag_ids(rows, side, other, ranks))


def merge_outcomes(snapshot: Snapshot, outcomes: list[ShardOutcome]) -> tuple[Snapshot, ListDigests]:
    """The snapshot with every mentee's list thresholds, and every list's digest, from all shards."""
    mentee = np.zeros(snapshot.n_users, np.uint64)
    mentor = np.zeros(snapshot.n_users, np.uint64)
    scores = np.zeros((2, snapshot.mentees.n), np.float64)
    keys = np.full((2, snapshot.mentees.n), snapshot.empty_key, np.int64)
    for outcome in outcomes:
        mentee[outcome.lo : outcome.hi], mentor[outcome.lo : outcome.hi] = outcome.mentee, outcome.mentor
        scores[:, outcome.mentee_rows], keys[:, outcome.mentee_rows] = outcome.threshold_scores, outcome.threshold_keys
    stored = outcomes[0].stored if len(outcomes) == 1 else None
    return snapshot.with_thresholds(scores, keys), ListDigests(snapshot.user_ids, mentee, mentor, stored)
