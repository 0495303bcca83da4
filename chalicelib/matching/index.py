"""MatchIndex: the instant queries the API runs (numpy only, no numba or scipy).

A snapshot (built by the scheduled recompute, shipped as bytes) plus an overlay of the few
profiles changed since: queries rank the snapshot with numpy, hide its rows for changed or
deleted users, score the overlay profiles with the scalar rules and merge the two.
"""

from collections.abc import Collection, Iterable

import numpy as np
from numpy.typing import NDArray

from chalicelib.grades import GRADE_RANK
from chalicelib.matching.model import Match, MatchConfig, MatchProfile
from chalicelib.matching.overlay import decode_overlay, encode_overlay
from chalicelib.matching.passes import grade_range
from chalicelib.matching.queries import Query, score_cells, top_rows
from chalicelib.matching.scoring import (
    is_available_mentor,
    is_candidate_pair,
    is_mentee,
    pair_score,
    shared_tags,
)
from chalicelib.matching.sides import Side
from chalicelib.matching.snapshot import Snapshot

Entry = tuple[float, str, tuple[tuple[str, ...], ...]]  # score, user id, shared tags per dimension


class MatchIndex:
    """Compact, vectorised snapshot of all profiles' matching data."""

    def __init__(self, snapshot: Snapshot, overlay: dict[str, MatchProfile] | None = None,
                 removed: frozenset[str] = frozenset()) -> None:
        self.snapshot = snapshot
        self.overlay: dict[str, MatchProfile] = dict(overlay or {})
        self.removed = removed  # snapshot users hidden because they changed or were deleted
        self._removed_ranks = snapshot.ranks_of(sorted(removed))

    @property
    def config(self) -> MatchConfig:
        return self.snapshot.config

    def to_bytes(self) -> bytes:
        return encode_overlay(self.snapshot.to_bytes(), self.overlay, self.removed)

    @classmethod
    def from_bytes(cls, data: bytes) -> "MatchIndex":
        base, overlay, removed = decode_overlay(data)
        index = cls(Snapshot.from_bytes(base), overlay, removed)
        index.warm()
        return index

    def warm(self) -> None:
        """Derive what queries need now rather than in the first request (the posting lists are stored)."""
        for side in (self.snapshot.mentors, self.snapshot.mentees):
            _ = side.post_grade, side.row_of_rank, side.row_ptr, side.size_ids, side.heavy_slot
        _ = self.snapshot.entry_levels

    def with_changes(self, upserts: Iterable[MatchProfile], deleted_ids: Iterable[str] = ()) -> "MatchIndex":
        """A new index that sees these changes; the snapshot arrays are shared, not rebuilt."""
        overlay = dict(self.overlay)
        removed = set(self.removed)
        for profile in upserts:
            overlay[profile.user_id] = profile
            removed.add(profile.user_id)
        for user_id in deleted_ids:
            overlay.pop(user_id, None)
            removed.add(user_id)
        return MatchIndex(self.snapshot, overlay, frozenset(removed))

    def mentors_for(self, mentee: MatchProfile, excluded: Collection[str] = ()) -> list[Match]:
        """The mentee's list: the top k available mentors; `excluded` are mentor ids to skip."""
        if not is_mentee(mentee):
            return []
        return self._ranked(mentee, True, excluded)

    def mentees_for(self, mentor: MatchProfile, excluded: Collection[str] = ()) -> list[Match]:
        """The mentor's list: the top k mentees they are a candidate for; `excluded` are mentee ids."""
        if not is_available_mentor(mentor):
            return []
        return self._ranked(mentor, False, excluded)

    def query_of(self, person: MatchProfile, forward: bool) -> Query:
        """The person's tags as the other side sees them (mentee's wanted or mentor's offered skills)."""
        space = self.snapshot.space
        skills = person.skills_wanted if forward else person.skills_offered
        sets = (skills, person.interests, person.professions)
        lo, hi = grade_range(forward, GRADE_RANK[person.grade])
        return Query(
            ids=tuple(space.known_ids(dim, tags) for dim, tags in enumerate(sets)),
            sizes=tuple(len(tags) for tags in sets),
            grade_lo=lo,
            grade_hi=hi,
        )

    def hidden_rows(self, side: Side, user_ids: Iterable[str]) -> NDArray[np.int32]:
        """Rows of the side that queries must skip: these users, and changed or deleted ones."""
        ranks = np.concatenate((self.snapshot.ranks_of(user_ids), self._removed_ranks))
        return side.rows_of_ranks(ranks)

    def _ranked(self, person: MatchProfile, forward: bool, excluded: Collection[str]) -> list[Match]:
        """The person's top k from the snapshot side and the overlay together (forward: their mentors)."""
        side = self.snapshot.mentors if forward else self.snapshot.mentees
        query = self.query_of(person, forward)
        hidden = self.hidden_rows(side, [person.user_id, *excluded])
        rows, scores = top_rows(score_cells(side, query, self.config.weights, hidden), side.ranks, self.config.k)
        shared = side.shared_tags(rows, np.concatenate(query.ids), self.snapshot.space)
        entries = [
            (score, self.snapshot.user_id(rank), tags)
            for rank, score, tags in zip(side.ranks[rows].tolist(), scores.tolist(), shared, strict=True)
        ]
        entries += [entry for entry in self._overlay_entries(person, forward, excluded) if entry[0] > 0.0]
        entries.sort(key=lambda entry: (-entry[0], entry[1]))
        return [Match(user_id, score, *shared) for score, user_id, shared in entries[: self.config.k]]

    def _overlay_entries(self, person: MatchProfile, forward: bool, excluded: Collection[str]) -> list[Entry]:
        """Profiles changed since the snapshot, scored one by one with the scalar rules."""
        entries: list[Entry] = []
        for other in self.overlay.values():
            mentee, mentor = (person, other) if forward else (other, person)
            if other.user_id not in excluded and is_candidate_pair(mentee, mentor):
                entries.append((pair_score(mentee, mentor, self.config.weights), other.user_id,
                                shared_tags(mentee, mentor)))
        return entries

