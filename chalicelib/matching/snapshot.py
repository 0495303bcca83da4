"""The immutable base of a MatchIndex: user ids, the tag space, both sides, list thresholds."""

import io
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.model import MatchConfig, MatchProfile
from chalicelib.matching.scoring import is_available_mentor, is_mentee
from chalicelib.matching.sides import Side, build_side
from chalicelib.matching.tagspace import TagSpace

FORMAT_VERSION = 1


class DuplicateProfileError(ValueError):
    """Two profiles with the same user id were given to one snapshot."""


@dataclass(frozen=True, eq=False)
class Snapshot:
    user_ids: NDArray[np.bytes_]  # sorted: a user's rank is their position here
    space: TagSpace
    mentors: Side  # available mentors (mentor role, accepting, below capacity)
    mentees: Side
    config: MatchConfig
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

    @cached_property
    def decoded_ids(self) -> list[str]:
        return [uid.decode() for uid in self.user_ids.tolist()]

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
        ordered = sorted(profiles, key=lambda profile: profile.user_id)
        for before, after in zip(ordered, ordered[1:], strict=False):
            if before.user_id == after.user_id:
                raise DuplicateProfileError(before.user_id)
        space = TagSpace.from_profiles(ordered)
        n = len(ordered)
        mentors = [(rank, p) for rank, p in enumerate(ordered) if is_available_mentor(p)]
        mentees = [(rank, p) for rank, p in enumerate(ordered) if is_mentee(p)]
        return cls(
            user_ids=np.array([p.user_id.encode() for p in ordered], dtype=bytes),
            space=space,
            mentors=build_side(mentors, "skills_offered", space, n),
            mentees=build_side(mentees, "skills_wanted", space, n),
            config=config,
        )

    def with_thresholds(self, scores: NDArray[np.float64], keys: NDArray[np.int64]) -> "Snapshot":
        return Snapshot(self.user_ids, self.space, self.mentors, self.mentees, self.config, scores, keys)

    def to_bytes(self) -> bytes:
        arrays = {
            "user_ids": self.user_ids,
            **self.space.to_arrays(),
            **self.mentors.to_arrays("mentors"),
            **self.mentees.to_arrays("mentees"),
            "meta": np.frombuffer(json.dumps({"version": FORMAT_VERSION, "config": asdict(self.config)}).encode(), np.uint8),
        }
        if self.threshold_scores is not None:
            assert self.threshold_keys is not None  # the thresholds are set together
            arrays["threshold_scores"] = self.threshold_scores
            arrays["threshold_keys"] = self.threshold_keys
        buffer = io.BytesIO()
        # The names are array names; numpy's stub lets **kwds reach allow_pickle too.
        np.savez_compressed(buffer, **arrays)  # type: ignore[arg-type]
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Snapshot":
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            meta = json.loads(arrays["meta"].tobytes())
            if meta["version"] != FORMAT_VERSION:
                raise ValueError(f"unsupported match index format {meta['version']}")
            space = TagSpace.from_arrays(arrays)
            user_ids = arrays["user_ids"]
            n = int(user_ids.size)
            has_thresholds = "threshold_scores" in arrays
            return cls(
                user_ids=user_ids,
                space=space,
                mentors=Side.from_arrays(arrays, "mentors", space.size, n),
                mentees=Side.from_arrays(arrays, "mentees", space.size, n),
                config=MatchConfig(**meta["config"]),
                threshold_scores=arrays["threshold_scores"] if has_thresholds else None,
                threshold_keys=arrays["threshold_keys"] if has_thresholds else None,
            )
