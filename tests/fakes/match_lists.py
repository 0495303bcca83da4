"""In-memory match lists and snapshots, and an exclusion source that excludes nobody."""

from collections.abc import Iterable
from datetime import datetime

from chalicelib.match_lists.domain import MatchList, StoredSnapshot


class InMemoryMatchListRepository:
    def __init__(self):
        self.items: dict[tuple[str, str], MatchList] = {}

    def get(self, user_id: str, role: str) -> MatchList | None:
        return self.items.get((user_id, role))

    def get_many(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], MatchList]:
        return {key: self.items[key] for key in keys if key in self.items}

    def put_many(self, lists: Iterable[MatchList]) -> int:
        count = 0
        for match_list in lists:
            self.items[(match_list.user_id, match_list.role)] = match_list
            count += 1
        return count

    def forget(self, user_id: str) -> int:
        """Delete, counting what went (the in-memory OwnedItems)."""
        mine = [key for key in self.items if key[0] == user_id]
        for key in mine:
            del self.items[key]
        return len(mine)

    def delete_many(self, keys: Iterable[tuple[str, str]]) -> int:
        return sum(self.items.pop(tuple(key), None) is not None for key in keys)


class InMemorySnapshotStore:
    def __init__(self):
        self.snapshot: StoredSnapshot | None = None
        self.digests: dict[str, str] = {}
        self.saves = 0

    def load(self) -> StoredSnapshot | None:
        return self.snapshot

    def tag(self) -> str | None:
        return self.snapshot.tag if self.snapshot else None

    def save(self, data: bytes, computed_at: str) -> None:
        self.saves += 1
        self.snapshot = StoredSnapshot(data, computed_at, f"v{self.saves}")

    def load_digests(self) -> dict[str, str]:
        return dict(self.digests)

    def save_digests(self, digests: dict[str, str]) -> None:
        self.digests = dict(digests)


class NoExclusions:
    """Nobody excluded and every mentor empty: the state before any mentorship exists."""

    def excluded_ids(self, user_id: str, now: datetime) -> set[str]:
        return set()

    def all_exclusion_pairs(self, now: datetime) -> Iterable[tuple[str, str]]:
        return ()

    def active_mentees(self, mentor_ids: Iterable[str]) -> dict[str, int]:
        return {}

    def active_mentee_counts(self) -> dict[str, int]:
        return {}
