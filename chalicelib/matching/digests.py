"""List digests: a 64-bit fingerprint of a list's content, so the recompute writes only lists that changed.

A list's content is, entry by entry in order, the other person's user id, the exact score and
the shared tags of each dimension (not the time it was computed). The digest chains a hash of
every entry: mix(user) + mix(score bits + mix(Σ tag hashes of the shared tags)), where ids and
tags are hashed from their text (FNV-1a, then the splitmix64 finaliser), so digests compare
across runs even though ranks and tag ids do not. The same value comes from Match objects
(digest_of, plain Python) and from ranked arrays (digestkernel.py, numba), which is how the
recompute compares every list without building it. 0 means "no list".
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from chalicelib.matching.arrays import pack, unpack
from chalicelib.matching.model import Match
from chalicelib.matching.stored import StoredLists

MASK = (1 << 64) - 1
FNV_OFFSET, FNV_PRIME = 0xCBF29CE484222325, 0x100000001B3
GOLDEN = 0x9E3779B97F4A7C15
SEED = 0x6D656E746F722D6D  # the digest of an empty list
NO_LIST = 0


def mix(z: int) -> int:
    """The splitmix64 finaliser: every input bit affects every output bit."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def text_hash(text: str) -> int:
    h = FNV_OFFSET
    for byte in text.encode():
        if byte:  # like the vectorised form, which cannot see NUL bytes in numpy "S" arrays
            h = ((h ^ byte) * FNV_PRIME) & MASK
    return mix(h)


def tag_hash(dim: int, tag: str) -> int:
    return mix(text_hash(tag) ^ ((dim + 1) * GOLDEN & MASK))


def score_bits(score: float) -> int:
    return int(np.float64(score).view(np.uint64))


def entry_hash(user: int, score: float, shared: int) -> int:
    return (mix(user) + mix((score_bits(score) + mix(shared)) & MASK)) & MASK


def chain(digest: int, entry: int) -> int:
    return mix(digest ^ entry)


def digest_of(matches: Iterable[Match]) -> int:
    digest = SEED
    for match in matches:
        shared = sum(tag_hash(dim, tag) for dim, tags in
                     enumerate((match.shared_skills, match.shared_interests, match.shared_professions)) for tag in tags)
        digest = chain(digest, entry_hash(text_hash(match.user_id), match.score, shared & MASK))
    return digest or 1


def user_hashes(user_ids: NDArray[np.bytes_]) -> NDArray[np.uint64]:
    """text_hash of every id of a numpy "S" array, vectorised over the ids."""
    raw = user_ids.view(np.uint8).reshape(user_ids.size, user_ids.dtype.itemsize) if user_ids.size else \
        np.zeros((0, 0), np.uint8)
    h: NDArray[np.uint64] = np.full(user_ids.size, FNV_OFFSET, dtype=np.uint64)
    for column in raw.T:
        byte = column.astype(np.uint64)
        h = np.where(column != 0, (h ^ byte) * np.uint64(FNV_PRIME), h).astype(np.uint64)
    return mix_array(h)


def mix_array(z: NDArray[np.uint64]) -> NDArray[np.uint64]:
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    mixed: NDArray[np.uint64] = z ^ (z >> np.uint64(31))
    return mixed


def tag_hashes(tags: Sequence[str], dim_ptr: Sequence[int]) -> NDArray[np.uint64]:
    dims = np.searchsorted(np.asarray(dim_ptr), np.arange(len(tags)), side="right") - 1
    return np.array([tag_hash(int(dim), tag) for dim, tag in zip(dims, tags, strict=True)], dtype=np.uint64)


@dataclass(frozen=True)
class ListDigests:
    """The digest of every stored list, by user (sorted ids) and role; NO_LIST where there is none.
    After a whole (unsharded) run, also its ranked lists, from which the next run starts."""

    user_ids: NDArray[np.bytes_]
    mentee: NDArray[np.uint64]  # the digest of the user's list of mentors
    mentor: NDArray[np.uint64]  # the digest of the user's list of mentees
    ranked: StoredLists | None = None

    @classmethod
    def empty(cls) -> "ListDigests":
        return cls(np.zeros(0, dtype="S1"), np.zeros(0, np.uint64), np.zeros(0, np.uint64))

    def aligned(self, user_ids: NDArray[np.bytes_], lo: int = 0,
                hi: int | None = None) -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
        """(mentee, mentor) digests of user_ids[lo:hi] (NO_LIST for users this one does not know)."""
        wanted = user_ids[lo:hi]
        mentee = np.zeros(wanted.size, np.uint64)
        mentor = np.zeros(wanted.size, np.uint64)
        if self.user_ids.size and wanted.size:
            at = np.minimum(np.searchsorted(self.user_ids, wanted), self.user_ids.size - 1)
            known: NDArray[np.bool_] = self.user_ids[at] == wanted
            mentee[known], mentor[known] = self.mentee[at[known]], self.mentor[at[known]]
        return mentee, mentor

    def count(self) -> int:
        """How many lists there are (of either role)."""
        return int((self.mentee != NO_LIST).sum() + (self.mentor != NO_LIST).sum())

    def gone(self, current: "ListDigests") -> list[tuple[str, str]]:
        """(user id, role) of lists kept here that the current digests no longer have."""
        mentee, mentor = current.aligned(self.user_ids)
        keys: list[tuple[str, str]] = []
        for role, before, now in (("mentee", self.mentee, mentee), ("mentor", self.mentor, mentor)):
            gone = self.user_ids[(before != NO_LIST) & (now == NO_LIST)]
            keys += [(bytes(uid).decode(), role) for uid in gone.tolist()]
        return keys

    def to_bytes(self) -> bytes:
        arrays, meta = {"user_ids": self.user_ids, "mentee": self.mentee, "mentor": self.mentor}, {"kind": "list digests"}
        if self.ranked is not None:
            ranked, ranked_meta = self.ranked.to_arrays()
            arrays, meta = {**arrays, **ranked}, {**meta, **ranked_meta}
        return pack(arrays, meta)

    @classmethod
    def from_bytes(cls, data: bytes) -> "ListDigests":
        arrays, meta = unpack(data)
        return cls(arrays["user_ids"], arrays["mentee"], arrays["mentor"], StoredLists.from_arrays(arrays, meta))
