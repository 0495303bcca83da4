"""Which mentees' lists a mentor enters when they save their profile (numpy only).

Rule: mentee m gains mentor M' (M as just saved) when M' is in m's top-k list computed with M'
in place of M, and M was not in m's list in the snapshot. For snapshot mentees this is decided
from the two list thresholds the snapshot keeps per mentee (its k-th and (k+1)-th entries): if
M was in the list, the k-th best of the other mentors is the old (k+1)-th entry, otherwise the
old k-th. So it is exact against the snapshot's lists; profiles changed since the snapshot
(the overlay) are checked with full queries, and other mentors' changes since the snapshot are
not reflected until the next recompute.
"""

from collections.abc import Collection

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.index import MatchIndex
from chalicelib.matching.model import MatchProfile
from chalicelib.matching.queries import score_cells
from chalicelib.matching.scoring import is_available_mentor, is_candidate_pair, pair_score
from chalicelib.matching.sides import Side


class MissingThresholdsError(ValueError):
    """The index was loaded from a snapshot built without list thresholds."""


def mentees_gaining(index: MatchIndex, mentor: MatchProfile, excluded: Collection[str] = (),
                    include_current: bool = False) -> list[str]:
    """Sorted ids of mentees whose list the mentor enters (or, with include_current, is in)."""
    snapshot = index.snapshot
    if snapshot.threshold_scores is None:
        raise MissingThresholdsError("build the index with build_index to use mentees_gaining")
    gained = set(_overlay_mentees_gaining(index, mentor, excluded, include_current))
    if is_available_mentor(mentor):
        rows = _snapshot_mentees_gaining(index, mentor, excluded, include_current)
        gained.update(snapshot.user_id(rank) for rank in snapshot.mentees.ranks[rows].tolist())
    return sorted(gained)


def _snapshot_mentees_gaining(index: MatchIndex, mentor: MatchProfile, excluded: Collection[str],
                              include_current: bool) -> NDArray[np.intp]:
    snapshot = index.snapshot
    mentees = snapshot.mentees
    hidden = index.hidden_rows(mentees, [mentor.user_id, *excluded])
    new = score_cells(mentees, index.query_of(mentor, forward=False), snapshot.config.weights, hidden)
    new_scores = new.target_scores()
    scores, keys = snapshot.threshold_scores, snapshot.threshold_keys
    assert scores is not None and keys is not None  # mentees_gaining checked the index has them
    # Entering needs at least the old (k+1)-th score, which filters out almost every mentee (one
    # pass; the few left are then checked for a score above 0).
    near = np.flatnonzero(new_scores >= scores[1, new.lo : new.lo + new_scores.size])
    near = near[new_scores[near] > 0.0]
    rows = near + new.lo
    new_scores = new_scores[near]
    old_scores = _old_scores(index, mentor, hidden, rows)
    key = int(snapshot.rank_keys([mentor.user_id])[0])
    was_in: NDArray[np.bool_] = (old_scores > 0.0) & (
        (old_scores > scores[0, rows]) | ((old_scores == scores[0, rows]) & (key <= keys[0, rows]))
    )
    bar_scores = np.where(was_in, scores[1, rows], scores[0, rows])
    bar_keys = np.where(was_in, keys[1, rows], keys[0, rows])
    is_in: NDArray[np.bool_] = (new_scores > bar_scores) | ((new_scores == bar_scores) & (key < bar_keys))
    chosen: NDArray[np.intp] = rows[is_in if include_current else is_in & ~was_in]
    return chosen


def _old_scores(index: MatchIndex, mentor: MatchProfile, hidden: NDArray[np.int32],
                rows: NDArray[np.intp]) -> NDArray[np.float64]:
    """The snapshot version of the mentor's scores for the given mentee rows (0 if none).

    Only for these few rows: their tags are compared with the old mentor's directly, and scored
    with the same float64 operations as every other path (scoring.py), not with a second pass
    over the whole mentee side."""
    snapshot = index.snapshot
    old = np.zeros(rows.size)
    mentor_rows = snapshot.mentors.rows_of_ranks(snapshot.ranks_of([mentor.user_id]))
    if not (mentor_rows.size and rows.size):
        return old
    mentors, mentees = snapshot.mentors, snapshot.mentees
    row = int(mentor_rows[0])
    grade = int(np.searchsorted(mentors.grade_ptr, row, side="right") - 1)
    terms = []
    for dim, weight in enumerate(snapshot.config.weights):
        shared = _shared_counts(mentees, rows, dim, mentors.row_tags(row, dim))
        union = int(mentors.sizes[row, dim]) + mentees.sizes[rows, dim].astype(np.int64) - shared
        terms.append(weight * np.divide(shared, union, out=np.zeros(rows.size), where=union > 0))
    total = (terms[0] + terms[1]) + terms[2]  # the order every path adds in (scoring.py)
    visible = (rows < mentees.grade_ptr[grade + 1]) & ~np.isin(rows, hidden)
    old[visible] = total[visible]
    return old


def _shared_counts(side: Side, rows: NDArray[np.intp], dim: int, tags: NDArray[np.int32]) -> NDArray[np.int64]:
    """Per row, how many of its tags in dimension `dim` are among `tags`."""
    flat, owner = side.tags_of_rows(rows, dim)
    counts: NDArray[np.int64] = np.bincount(owner, weights=side.tag_mask(tags)[flat], minlength=rows.size).astype(np.int64)
    return counts


def _overlay_mentees_gaining(index: MatchIndex, mentor: MatchProfile, excluded: Collection[str],
                             include_current: bool) -> list[str]:
    """Changed mentees have no snapshot thresholds: compare their full lists before and after."""
    weights = index.config.weights
    candidates = [
        mentee for mentee in index.overlay.values()
        if mentee.user_id not in excluded and is_candidate_pair(mentee, mentor)
        and pair_score(mentee, mentor, weights) > 0.0
    ]
    if not candidates:
        return []
    after = index.with_changes([mentor])
    gained = []
    for mentee in candidates:
        is_in = any(m.user_id == mentor.user_id for m in after.mentors_for(mentee))
        was_in = any(m.user_id == mentor.user_id for m in index.mentors_for(mentee))
        if is_in and (include_current or not was_in):
            gained.append(mentee.user_id)
    return gained
