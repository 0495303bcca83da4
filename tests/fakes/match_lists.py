"""In-memory match lists and snapshots, and an exclusion source that excludes nobody."""

from collections.abc import Iterable
from datetime import datetime

from chalicelib.match_lists.domain import MatchList, StoredSnapshot
from chalicelib.match_lists.ports import MissingRunPartError
from chalicelib.matching import ListDigests


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
        self.people: int | None = None
        self.digests: ListDigests | None = None
        self.runs: dict[str, dict[str, bytes]] = {}
        self.saves = 0

    def load(self) -> StoredSnapshot | None:
        return self.snapshot

    def tag(self) -> str | None:
        return self.snapshot.tag if self.snapshot else None

    def population(self) -> int | None:
        return self.people

    def save(self, data: bytes, computed_at: str, people: int) -> None:
        self.saves += 1
        self.snapshot = StoredSnapshot(data, computed_at, f"v{self.saves}")
        self.people = people

    def load_digests(self) -> ListDigests:
        return self.digests or ListDigests.empty()

    def save_digests(self, digests: ListDigests) -> None:
        self.digests = digests

    def save_run(self, run: str, part: str, data: bytes) -> None:
        self.runs.setdefault(run, {})[part] = data

    def load_run(self, run: str, part: str) -> bytes:
        try:
            return self.runs[run][part]
        except KeyError:
            raise MissingRunPartError(f"run {run} has no {part}") from None

    def delete_run(self, run: str) -> None:
        self.runs.pop(run, None)


class RecordingStarter:
    """Stands in for Step Functions: records the runs it was asked to start."""

    def __init__(self, running: bool = False):
        self.started: list[datetime] = []
        self.running = running

    def start(self, now: datetime) -> str | None:
        if self.running:
            return None
        self.started.append(now)
        return f"run-{len(self.started)}"


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
