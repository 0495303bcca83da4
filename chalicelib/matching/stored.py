"""What a whole recompute keeps for the next one: its ranked lists and every person's matching facts.

Stored beside the list digests (ListDigests.ranked) and read back by incremental.py, which ranks
again only the lists a change can reach. Everything is by user rank in the run's own user ids
(ListDigests.user_ids), so a later run with other people maps it through the ids.
"""

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

FIELDS = ("mentee_facts", "mentor_facts", "excluded", "mentee_owners", "mentee_entries", "mentee_scores",
          "mentor_owners", "mentor_entries", "mentor_scores")


@dataclass(frozen=True, eq=False)
class StoredLists:
    weights: tuple[float, ...]  # the run's configuration: lists ranked under another are not reused
    k: int
    # Per user: a fingerprint of what their mentee row (and their available-mentor row) holds for
    # matching (grade and tags); 0 where they have no such row.
    mentee_facts: NDArray[np.uint64]
    mentor_facts: NDArray[np.uint64]
    excluded: NDArray[np.int64]  # (2, pairs): mentee and mentor ranks that must not be matched
    mentee_owners: NDArray[np.int32]  # ranks of the mentees ...
    mentee_entries: NDArray[np.int32]  # ... their lists' mentor ranks (k + 1 entries, -1 padding), best first
    mentee_scores: NDArray[np.float64]
    mentor_owners: NDArray[np.int32]  # ranks of the available mentors ...
    mentor_entries: NDArray[np.int32]  # ... their lists' mentee ranks (k entries)
    mentor_scores: NDArray[np.float64]

    def to_arrays(self) -> tuple[dict[str, NDArray[Any]], dict[str, Any]]:
        arrays = {f"ranked_{name}": getattr(self, name) for name in FIELDS}
        return arrays, {"ranked": {"weights": list(self.weights), "k": self.k}}

    @classmethod
    def from_arrays(cls, arrays: dict[str, NDArray[Any]], meta: dict[str, Any]) -> "StoredLists | None":
        """The stored lists, or None when the blob holds none (a sharded run keeps only digests)."""
        if "ranked" not in meta:
            return None
        config = meta["ranked"]
        return cls(tuple(float(w) for w in config["weights"]), int(config["k"]),
                   *(arrays[f"ranked_{name}"] for name in FIELDS))
