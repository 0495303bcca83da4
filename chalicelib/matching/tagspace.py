"""The tag vocabulary of a snapshot: every tag gets an integer id, dimension by dimension.

Ids are unified across the three dimensions (skills, interests, professions occupy consecutive
ranges) and sorted by tag within a dimension, so sorting ids sorts the tags.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.model import MatchProfile

DIMENSIONS = ("skills", "interests", "professions")


@dataclass(frozen=True)
class TagSpace:
    tags: tuple[str, ...]
    dim_ptr: tuple[int, ...]  # dimension d holds ids dim_ptr[d] .. dim_ptr[d + 1] - 1

    @classmethod
    def from_profiles(cls, profiles: Iterable[MatchProfile]) -> "TagSpace":
        skills: set[str] = set()
        interests: set[str] = set()
        professions: set[str] = set()
        for profile in profiles:
            skills.update(profile.skills_offered, profile.skills_wanted)
            interests.update(profile.interests)
            professions.update(profile.professions)
        dims = [sorted(skills), sorted(interests), sorted(professions)]
        ptr = [0]
        for dim in dims:
            ptr.append(ptr[-1] + len(dim))
        return cls(tags=tuple(tag for dim in dims for tag in dim), dim_ptr=tuple(ptr))

    @property
    def size(self) -> int:
        return self.dim_ptr[-1]

    @cached_property
    def lookups(self) -> tuple[dict[str, int], ...]:
        return tuple(
            {self.tags[i]: i for i in range(self.dim_ptr[d], self.dim_ptr[d + 1])} for d in range(3)
        )

    def dims_of(self, ids: NDArray[np.int32]) -> NDArray[np.intp]:
        """The dimension of each tag id (a lookup in dim_ptr: no pass over anyone's tags)."""
        dims: NDArray[np.intp] = np.searchsorted(self.dim_ptr, ids, side="right") - 1
        return dims

    def known_ids(self, dim: int, tags: Iterable[str]) -> NDArray[np.int32]:
        """Ids of the tags this snapshot knows (unknown tags can match nobody in it)."""
        lookup = self.lookups[dim]
        return np.array(sorted(lookup[tag] for tag in tags if tag in lookup), dtype=np.int32)

    def to_arrays(self) -> dict[str, NDArray[np.generic]]:
        encoded = [tag.encode() for tag in self.tags]
        lengths = np.array([len(tag) for tag in encoded], dtype=np.int64)
        return {
            "tag_bytes": np.frombuffer(b"".join(encoded), dtype=np.uint8),
            "tag_lengths": lengths,
            "tag_dim_ptr": np.array(self.dim_ptr, dtype=np.int64),
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, NDArray[np.generic]]) -> "TagSpace":
        blob = arrays["tag_bytes"].tobytes()
        ends = np.cumsum(arrays["tag_lengths"]).tolist()
        starts = [0, *ends[:-1]]
        tags = tuple(blob[s:e].decode() for s, e in zip(starts, ends, strict=True))
        return cls(tags=tags, dim_ptr=tuple(int(x) for x in arrays["tag_dim_ptr"]))
