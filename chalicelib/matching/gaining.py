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
from chalicelib.matching.queries import Cells, score_cells
from chalicelib.matching.scoring import is_available_mentor, is_candidate_pair, pair_score
from chalicelib.matching.sides import Side
from chalicelib.matching.snapshot import Snapshot
from chalicelib.matching.tagspace import TagSpace


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
    rows, new_scores = _near_rows(snapshot, new)
    scores, keys = snapshot.threshold_scores, snapshot.threshold_keys
    assert scores is not None and keys is not None  # mentees_gaining checked the index has them
    old_scores = _old_scores(index, mentor, rows)
    key = int(snapshot.rank_keys([mentor.user_id])[0])
    was_in: NDArray[np.bool_] = (old_scores > 0.0) & (
        (old_scores > scores[0, rows]) | ((old_scores == scores[0, rows]) & (key <= keys[0, rows]))
    )
    bar_scores = np.where(was_in, scores[1, rows], scores[0, rows])
    bar_keys = np.where(was_in, keys[1, rows], keys[0, rows])
    is_in: NDArray[np.bool_] = (new_scores > bar_scores) | ((new_scores == bar_scores) & (key < bar_keys))
    chosen: NDArray[np.intp] = rows[is_in if include_current else is_in & ~was_in]
    return chosen


def _near_rows(snapshot: Snapshot, new: Cells) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """Mentee rows whose new score is above 0 and reaches their old (k+1)-th score (entering needs at
    least that; it filters out almost every mentee), with those scores. One pass compares levels
    (snapshot.entry_levels: uint16, not float64 scores per row); the few rows it keeps are then
    compared exactly."""
    scores, levels = snapshot.threshold_scores, snapshot.entry_levels
    assert scores is not None and levels is not None  # mentees_gaining checked the index has them
    cell_levels = np.minimum(np.ceil(new.scores * snapshot.level_scale), np.iinfo(np.uint16).max).astype(np.uint16)
    near = np.flatnonzero(np.take(cell_levels, new.cells) >= levels[new.lo : new.lo + new.cells.size])
    near_scores = new.scores[new.cells[near]]
    rows = near + new.lo
    reached = (near_scores >= scores[1, rows]) & (near_scores > 0.0)
    return rows[reached], near_scores[reached]


def _old_scores(index: MatchIndex, mentor: MatchProfile, rows: NDArray[np.intp]) -> NDArray[np.float64]:
    """The snapshot version of the mentor's scores for the given mentee rows (0 if none).

    Only for these few rows: their tags are compared with the old mentor's directly, and scored
    with the same float64 operations as every other path (scoring.py), not with a second pass
    over the whole mentee side. The rows have a new score above 0, so none is hidden (score_cells
    gives hidden rows a zero score)."""
    snapshot = index.snapshot
    old = np.zeros(rows.size)
    mentor_rows = snapshot.mentors.rows_of_ranks(snapshot.ranks_of([mentor.user_id]))
    if not (mentor_rows.size and rows.size):
        return old
    mentors, mentees = snapshot.mentors, snapshot.mentees
    row = int(mentor_rows[0])
    grade = int(np.searchsorted(mentors.grade_ptr, row, side="right") - 1)
    tags = mentors.tags[mentors.row_ptr[3 * row] : mentors.row_ptr[3 * row + 3]]
    shared = _shared_counts(mentees, rows, tags, snapshot.space)
    union = mentors.sizes[row].astype(np.int64) + mentees.sizes[rows].astype(np.int64) - shared
    terms = np.asarray(snapshot.config.weights) * np.divide(shared, union, out=np.zeros(union.shape), where=union > 0)
    total = (terms[:, 0] + terms[:, 1]) + terms[:, 2]  # the order every path adds in (scoring.py)
    visible = rows < mentees.grade_ptr[grade + 1]
    old[visible] = total[visible]
    return old


def _shared_counts(side: Side, rows: NDArray[np.intp], tags: NDArray[np.int32], space: TagSpace) -> NDArray[np.int64]:
    """(rows.size, 3): per row and dimension, how many of its tags are among `tags` (ids of all three
    dimensions)."""
    flat, owner = side.tags_of_rows(rows)
    slots = 3 * owner + space.dims_of(flat)
    counts = np.bincount(slots, weights=side.tag_mask(tags)[flat], minlength=3 * rows.size)
    shared: NDArray[np.int64] = counts.astype(np.int64).reshape(rows.size, 3)
    return shared


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
