"""The hourly recompute ranks again only the lists a change can reach.

From one hour to the next most people change nothing that matching reads. A list depends on its
owner's matching facts (grade, tags, being a mentee or an available mentor), on the facts of
the people of the other side, and on which pairs must not be matched. So, starting from the last
whole run's lists (StoredLists) and a fingerprint of every person's facts:
- a person is *changed* when their facts differ or they joined or left a side; a mentee also
  when a pair that must not be matched was added or lifted with them in it;
- a list is ranked again in full (a directional kernel pass over those rows) when its owner
  changed or it holds a changed person or one who left;
- every other list is last run's list, plus the changed people of the other side whose score
  reaches its last entry (the kernel's `entering`), cut back to its length.
This gives exactly the lists of ranking everyone: such a list's entries are unchanged people with
unchanged scores, and it held every unchanged person who ranks above its last entry (or, not
full, every one with a score), so only changed people can enter it. The property test compares
the two on random edits. The numba kernel does the work; a run without it, after another
configuration or a sharded run, or one where most lists would be ranked again (RANK_ALL_FROM: one
fused pass is then cheaper), ranks everyone.
"""

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.digests import GOLDEN, ListDigests, mix_array, tag_hashes
from chalicelib.matching.passes import make_pass
from chalicelib.matching.ranking import RankedLists, choose_engine, pairs_in_range, rank_lists
from chalicelib.matching.sides import N_GRADES, Side
from chalicelib.matching.snapshot import ExcludedPairs, Snapshot
from chalicelib.matching.stored import StoredLists

Facts = tuple[NDArray[np.uint64], NDArray[np.uint64]]  # per user: mentee row, available-mentor row (0: none)
GONE = -2  # in a list brought forward: someone who is no longer among the users
CHUNK = 65_536  # lists brought forward at a time (bounds the temporary arrays)
# From this share of lists to rank again, ranking everyone in one fused pass (both directions at
# once) costs less than a directional pass per side. At 520,000 people (2026-12-01, one run each,
# load average falling from 3.8 to 1.9): 48% of lists ranked again took 54 s, 73% 90 s, 94% 133 s,
# the fused pass 86 s; the crossover is near 70%, so 60% falls back a little early (seconds).
RANK_ALL_FROM = 0.6


def rank_since(snapshot: Snapshot, exclusions: ExcludedPairs, previous: ListDigests,
               engine: str = "auto") -> tuple[RankedLists, StoredLists]:
    """Every list of the snapshot (as rank_lists ranks them), and what the next run starts from."""
    facts = matching_facts(snapshot)
    stored = previous.ranked
    config = snapshot.config
    reusable = (stored is not None and stored.k == config.k and stored.weights == tuple(config.weights)
                and choose_engine(snapshot, engine) == "numba")
    ranked = _rank_changed(snapshot, exclusions, previous.user_ids, stored, facts) if reusable and stored else None
    if ranked is None:
        ranked = rank_lists(snapshot, exclusions, engine)
    return ranked, _stored(snapshot, exclusions, ranked, facts)


def matching_facts(snapshot: Snapshot) -> Facts:
    """Per user, a 64-bit fingerprint of their mentee row and of their available-mentor row."""
    tags = tag_hashes(snapshot.space.tags, snapshot.space.dim_ptr)
    return _side_facts(snapshot.mentees, tags), _side_facts(snapshot.mentors, tags)


def _side_facts(side: Side, tag_hash: NDArray[np.uint64]) -> NDArray[np.uint64]:
    facts = np.zeros(side.n_users, np.uint64)
    if side.n == 0:
        return facts
    # A set's fingerprint is the sum of its tags' hashes (each names its dimension): a running sum
    # over all rows' tags, read at the row boundaries (uint64 wraps, so differences stay exact).
    running = np.concatenate((np.zeros(1, np.uint64), np.cumsum(tag_hash[side.tags], dtype=np.uint64)))
    ends = side.row_ptr[3::3]
    sums = running[ends] - running[side.row_ptr[0:-1:3]]
    grades = np.repeat(np.arange(N_GRADES, dtype=np.uint64), np.diff(side.grade_ptr))
    with np.errstate(over="ignore"):
        row_facts = mix_array(sums + (grades + np.uint64(1)) * np.uint64(GOLDEN))
    facts[side.ranks] = np.maximum(row_facts, np.uint64(1))  # 0 means "no row"
    return facts


def _stored(snapshot: Snapshot, exclusions: ExcludedPairs, ranked: RankedLists, facts: Facts) -> StoredLists:
    config = snapshot.config
    return StoredLists(
        tuple(config.weights), config.k, facts[0], facts[1],
        np.stack((exclusions.mentee_ranks, exclusions.mentor_ranks)).astype(np.int64),
        snapshot.mentees.ranks[ranked.mentee_rows], ranked.mentors, ranked.mentor_scores,
        snapshot.mentors.ranks[ranked.mentor_rows], ranked.mentees, ranked.mentee_scores)


def _rank_changed(snapshot: Snapshot, exclusions: ExcludedPairs, before_ids: NDArray[np.bytes_],
                  stored: StoredLists, facts: Facts) -> RankedLists | None:
    """The lists from the stored ones; None when so much changed that ranking everyone is cheaper."""
    from chalicelib.matching.kernel import KernelPasses

    n, k, weights = snapshot.n_users, snapshot.config.k, snapshot.config.weights
    now = _ranks_now(before_ids, snapshot.user_ids)
    mentee_changed, mentor_changed = _changed_people(n, now, stored, facts, exclusions)
    mentees, mentors = snapshot.mentees, snapshot.mentors
    mentee_lists = _lists_now(mentees, now, stored.mentee_owners, stored.mentee_entries, stored.mentee_scores,
                              mentee_changed, mentor_changed)
    mentor_lists = _lists_now(mentors, now, stored.mentor_owners, stored.mentor_entries, stored.mentor_scores,
                              mentor_changed, mentee_changed)
    again = int(mentee_lists[2].sum() + mentor_lists[2].sum())
    if again > RANK_ALL_FROM * (mentees.n + mentors.n):
        return None
    forward = KernelPasses(make_pass(snapshot, True, exclusions), weights)
    reverse = KernelPasses(make_pass(snapshot, False, exclusions), weights)
    # Changed people against everyone of the other side: the pairs that reach the other's last entry.
    new_mentees = np.flatnonzero(mentee_changed[mentees.ranks]).astype(np.int64)
    new_mentors = np.flatnonzero(mentor_changed[mentors.ranks]).astype(np.int64)
    into_mentors = forward.entering(new_mentees, _thresholds(mentor_lists))
    into_mentees = reverse.entering(new_mentors, _thresholds(mentee_lists))
    _merge(mentee_lists, into_mentees[1], mentors.ranks[into_mentees[0]], into_mentees[2])
    _merge(mentor_lists, into_mentors[1], mentees.ranks[into_mentors[0]], into_mentors[2])
    # The lists a change reached: ranked again in full, offered first what they held that did not
    # change (likely still among their best, so the kernel's floor starts high and it skips more).
    for lists, passes, width, others, others_changed in ((mentee_lists, forward, k + 1, mentors, mentor_changed),
                                                         (mentor_lists, reverse, k, mentees, mentee_changed)):
        rows = np.flatnonzero(lists[2]).astype(np.int64)
        lists[0][rows], lists[1][rows] = passes.rank(rows, width, _seeds(lists[0][rows], others, others_changed))
    candidates = sum(pairs_in_range(passes.spec, rows) for passes, rows in (
        (forward, np.flatnonzero(mentee_lists[2])), (reverse, np.flatnonzero(mentor_lists[2])),
        (forward, new_mentees), (reverse, new_mentors)))
    return RankedLists(np.arange(mentees.n, dtype=np.int64), mentee_lists[0], mentee_lists[1],
                       np.arange(mentors.n, dtype=np.int64), mentor_lists[0], mentor_lists[1], candidates,
                       forward.scored + reverse.scored + into_mentors[0].size + into_mentees[0].size)


def _ranks_now(before_ids: NDArray[np.bytes_], user_ids: NDArray[np.bytes_]) -> NDArray[np.int64]:
    """Per user of the last run, their rank in this one (-1: gone)."""
    now = np.full(before_ids.size, -1, dtype=np.int64)
    if before_ids.size == 0 or user_ids.size == 0:
        return now
    width = max(before_ids.dtype.itemsize, user_ids.dtype.itemsize)
    before, current = before_ids.astype(f"S{width}"), user_ids.astype(f"S{width}")
    at = np.searchsorted(current, before)
    found = current[np.minimum(at, current.size - 1)] == before
    now[found] = at[found]
    return now


def _changed_people(n: int, now: NDArray[np.int64], stored: StoredLists, facts: Facts,
                    exclusions: ExcludedPairs) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Per user of this run: changed as a mentee, changed as a mentor (newcomers are changed)."""
    kept = now >= 0
    changed = []
    for before, current in ((stored.mentee_facts, facts[0]), (stored.mentor_facts, facts[1])):
        flags = np.ones(n, dtype=np.bool_)
        flags[now[kept]] = before[kept] != current[now[kept]]
        changed.append(flags)
    # A pair that must not be matched, added or lifted since: its mentee counts as changed. That is
    # enough: their list is ranked again, so is every list holding them, and they may enter the rest.
    pairs = now[stored.excluded] if stored.excluded.size else np.zeros((2, 0), np.int64)
    pairs = pairs[:, (pairs >= 0).all(axis=0)]
    before_keys = pairs[0] * n + pairs[1]
    current_keys = exclusions.mentee_ranks.astype(np.int64) * n + exclusions.mentor_ranks
    changed[0][np.setxor1d(before_keys, current_keys) // n] = True
    return changed[0], changed[1]


Lists = tuple[NDArray[np.int32], NDArray[np.float64], NDArray[np.bool_]]  # entries, scores, rank again


def _lists_now(side: Side, now: NDArray[np.int64], owners: NDArray[np.int32], entries: NDArray[np.int32],
               scores: NDArray[np.float64], owner_changed: NDArray[np.bool_],
               entry_changed: NDArray[np.bool_]) -> Lists:
    """Per row of the side: last run's list in this run's ranks, and whether it must be ranked again."""
    width = entries.shape[1]
    lists = np.full((side.n, width), -1, dtype=np.int32)
    list_scores = np.zeros((side.n, width), dtype=np.float64)
    again = np.ones(side.n, dtype=np.bool_)
    owner_ranks = now[owners]
    rows = np.where(owner_ranks >= 0, side.row_of_rank[np.maximum(owner_ranks, 0)], -1)
    known = rows >= 0
    # int32 lookups with room at the end, so padding (-1) reads -1 and departed people (-2) -2,
    # without an int64 copy of every list (the peak memory of the hourly run).
    lookup = np.append(now, [GONE, -1]).astype(np.int32)
    lookup[:-2][now < 0] = GONE
    changed_at = np.append(entry_changed, [True, False])  # by this run's rank; GONE: changed
    for start in range(0, int(known.size), CHUNK):
        part = slice(start, start + CHUNK)
        mine, at = known[part], rows[part]
        ranks = lookup[entries[part][mine]]
        lists[at[mine]], list_scores[at[mine]] = ranks, scores[part][mine]
        again[at[mine]] = changed_at[ranks].any(axis=1)
    again |= owner_changed[side.ranks]
    return lists, list_scores, again


def _seeds(held: NDArray[np.int32], others: Side, changed: NDArray[np.bool_]) -> tuple[NDArray[np.int64],
                                                                                      NDArray[np.int32]]:
    """Per list (CSR): the rows of the other side it held who did not change."""
    rows = np.where(held >= 0, others.row_of_rank[np.maximum(held, 0)], -1)
    keep = (rows >= 0) & ~changed[np.maximum(held, 0)]
    return np.concatenate(([0], np.cumsum(keep.sum(axis=1)))).astype(np.int64), rows[keep].astype(np.int32)


def _thresholds(lists: Lists) -> NDArray[np.float64]:
    """Per row: the score a newcomer needs to reach the list (its last entry's, 0.0 when not full);
    +inf for lists ranked again anyway."""
    entries, scores, again = lists
    full = entries[:, -1] >= 0
    limits = np.where(full, scores[:, -1], 0.0)
    limits[again] = np.inf
    return limits


def _merge(lists: Lists, rows: NDArray[np.int32], ranks: NDArray[np.int32], scores: NDArray[np.float64]) -> None:
    """Merge (row, entry rank, score) newcomers into the rows' lists: best first (score, then rank), cut
    to the list's length."""
    if rows.size == 0:
        return
    entries, list_scores, _ = lists
    width = entries.shape[1]
    touched = np.unique(rows)
    held = entries[touched].ravel()
    owner = np.concatenate((np.repeat(touched, width)[held >= 0], rows.astype(np.int64)))
    rank = np.concatenate((held[held >= 0], ranks)).astype(np.int64)
    score = np.concatenate((list_scores[touched].ravel()[held >= 0], scores))
    order = np.lexsort((rank, -score, owner))
    owner, rank, score = owner[order], rank[order], score[order]
    first = np.searchsorted(owner, owner)  # owners are sorted: where each one's run starts
    place = np.arange(owner.size) - first
    keep = place < width
    entries[touched], list_scores[touched] = -1, 0.0
    entries[owner[keep], place[keep]] = rank[keep]
    list_scores[owner[keep], place[keep]] = score[keep]

