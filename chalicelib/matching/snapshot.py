"""The immutable base of a MatchIndex: user ids, the tag space, both sides, list thresholds."""

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.arrays import pack, unpack
from chalicelib.matching.collector import collector_paused
from chalicelib.matching.heavytags import choose_heavy, with_heavy_runs
from chalicelib.matching.model import MatchConfig, MatchProfile
from chalicelib.matching.scoring import MENTEE, MENTOR, is_available_mentor, is_mentee, level_scale
from chalicelib.matching.sides import Side, build_side
from chalicelib.matching.tagspace import TagSpace

FORMAT_VERSION = 2
MENTEE_ROLE, MENTOR_ROLE = 1, 2  # bits of Snapshot.roles


class DuplicateProfileError(ValueError):
    """Two profiles with the same user id were given to one snapshot."""


class SnapshotFormatError(ValueError):
    """The bytes are a snapshot of another format version."""


@dataclass(frozen=True)
class ExcludedPairs:
    """(mentee, mentor) pairs that must not be matched, as snapshot ranks (ids unknown to it dropped)."""

    mentee_ranks: NDArray[np.int64]
    mentor_ranks: NDArray[np.int64]

    @classmethod
    def none(cls) -> "ExcludedPairs":
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


@dataclass(frozen=True, eq=False)
class Snapshot:
    user_ids: NDArray[np.bytes_]  # sorted: a user's rank is their position here
    space: TagSpace
    mentors: Side  # available mentors (mentor role, accepting, below capacity)
    mentees: Side
    config: MatchConfig
    roles: NDArray[np.uint8]  # per user: MENTEE_ROLE | MENTOR_ROLE bits (an unavailable mentor keeps MENTOR_ROLE)
    # The k-th (row 0) and (k+1)-th (row 1) entries of each mentee's list when the snapshot was
    # taken, shape (2, n_mentees), as score and 2·rank + 1; an empty slot is (0.0, empty_key).
    threshold_scores: NDArray[np.float64] | None = None
    threshold_keys: NDArray[np.int64] | None = None

    @property
    def n_users(self) -> int:
        return int(self.user_ids.size)

    @property
    def empty_key(self) -> int:
        return 2 * self.n_users + 2

    @property
    def level_scale(self) -> float:
        return level_scale(self.config.weights)

    @cached_property
    def entry_levels(self) -> NDArray[np.uint16] | None:
        """Per mentee row, the (k+1)-th threshold score as a level rounded down, one uint16 each (a
        quarter of the float64 thresholds to read). A score whose level rounded up is below it is
        below the threshold: mentees_gaining's first filter (rounding is monotonic, so it is safe)."""
        if self.threshold_scores is None:
            return None
        levels: NDArray[np.uint16] = np.minimum(np.floor(self.threshold_scores[1] * self.level_scale),
                                                np.iinfo(np.uint16).max).astype(np.uint16)
        return levels

    def user_id(self, rank: int) -> str:
        return bytes(self.user_ids[rank]).decode()

    def excluded_pairs(self, pairs: Iterable[tuple[str, str]]) -> ExcludedPairs:
        """(mentee id, mentor id) pairs as ranks; pairs naming someone not in the snapshot are dropped."""
        pairs = list(pairs)
        mentees = self.rank_keys(pair[0] for pair in pairs)
        mentors = self.rank_keys(pair[1] for pair in pairs)
        known = (mentees % 2 == 1) & (mentors % 2 == 1)
        return ExcludedPairs(mentees[known] // 2, mentors[known] // 2)

    def rank_keys(self, user_ids: Iterable[str]) -> NDArray[np.int64]:
        """Tie-break keys comparable with every snapshot user: 2·rank + 1, or 2·insertion point."""
        wanted = np.array([uid.encode() for uid in user_ids], dtype=bytes)  # own width: never truncated
        if not self.n_users or wanted.size == 0:
            return np.zeros(wanted.size, dtype=np.int64)
        at = np.searchsorted(self.user_ids, wanted)
        found: NDArray[np.bool_] = self.user_ids[np.minimum(at, self.n_users - 1)] == wanted
        found &= at < self.n_users
        return 2 * at.astype(np.int64) + found

    def ranks_of(self, user_ids: Iterable[str]) -> NDArray[np.int64]:
        """Ranks of those ids that are in the snapshot."""
        keys = self.rank_keys(user_ids)
        # Named and typed: numpy types a comparison (keys % 2 == 1), and so this, as Any.
        ranks: NDArray[np.int64] = (keys[keys % 2 == 1] // 2).astype(np.int64)
        return ranks

    @classmethod
    def build(cls, profiles: Iterable[MatchProfile], config: MatchConfig) -> "Snapshot":
        with collector_paused():  # no cycles made; the collector would walk every live profile (collector.py)
            return cls._build(profiles, config)

    @classmethod
    def _build(cls, profiles: Iterable[MatchProfile], config: MatchConfig) -> "Snapshot":
        ordered = sorted(profiles, key=lambda profile: profile.user_id)
        for before, after in zip(ordered, ordered[1:], strict=False):
            if before.user_id == after.user_id:
                raise DuplicateProfileError(before.user_id)
        space = TagSpace.from_profiles(ordered)
        n = len(ordered)
        mentors = build_side([(rank, p) for rank, p in enumerate(ordered) if is_available_mentor(p)],
                             "skills_offered", space, n)
        mentees = build_side([(rank, p) for rank, p in enumerate(ordered) if is_mentee(p)], "skills_wanted", space, n)
        heavy = choose_heavy(mentors, mentees, config.weights, space.dim_ptr)
        roles = [(MENTEE_ROLE if MENTEE in p.roles else 0) | (MENTOR_ROLE if MENTOR in p.roles else 0) for p in ordered]
        return cls(
            user_ids=np.array([p.user_id.encode() for p in ordered], dtype=bytes),
            space=space,
            mentors=with_heavy_runs(mentors, heavy),
            mentees=with_heavy_runs(mentees, heavy),
            config=config,
            roles=np.array(roles, dtype=np.uint8),
        )

    def with_thresholds(self, scores: NDArray[np.float64], keys: NDArray[np.int64]) -> "Snapshot":
        return replace(self, threshold_scores=scores, threshold_keys=keys)

    def to_arrays(self) -> dict[str, NDArray[Any]]:
        arrays: dict[str, NDArray[Any]] = {"user_ids": self.user_ids, "roles": self.roles, **self.space.to_arrays(),
                  **self.mentors.to_arrays("mentors"), **self.mentees.to_arrays("mentees")}
        if self.threshold_scores is not None and self.threshold_keys is not None:
            arrays["threshold_scores"] = self.threshold_scores
            arrays["threshold_keys"] = self.threshold_keys
        return arrays

    def meta(self) -> dict[str, Any]:
        return {"version": FORMAT_VERSION, "config": asdict(self.config)}

    def to_bytes(self) -> bytes:
        return pack(self.to_arrays(), self.meta())

    @classmethod
    def from_bytes(cls, data: bytes | memoryview) -> "Snapshot":
        """Views on `data`, not copies: loading costs no more than reading the header."""
        arrays, meta = unpack(data)
        return cls.from_arrays(arrays, meta)

    @classmethod
    def from_arrays(cls, arrays: dict[str, NDArray[Any]], meta: dict[str, Any]) -> "Snapshot":
        if meta.get("version") != FORMAT_VERSION:
            raise SnapshotFormatError(f"unsupported match snapshot format {meta.get('version')}")
        space = TagSpace.from_arrays(arrays)
        user_ids = arrays["user_ids"]
        n = int(user_ids.size)
        return cls(
            user_ids=user_ids,
            space=space,
            mentors=Side.from_arrays(arrays, "mentors", space.dim_ptr, n),
            mentees=Side.from_arrays(arrays, "mentees", space.dim_ptr, n),
            config=MatchConfig(**meta["config"]),
            roles=arrays["roles"],
            threshold_scores=arrays.get("threshold_scores"),
            threshold_keys=arrays.get("threshold_keys"),
        )
