"""What the match lists need from the outside: list storage, the snapshot, and the journey's exclusions."""

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from chalicelib.match_lists.domain import MatchList, StoredSnapshot
from chalicelib.match_lists.empty import MentorFacts
from chalicelib.matching import ListDigests
from chalicelib.profiles.domain import Profile


class MatchListRepository(Protocol):
    """One item per person and role, written whole (readers never see half a list)."""

    def get(self, user_id: str, role: str) -> MatchList | None: ...

    def get_many(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], MatchList]:
        """The stored lists among these (user id, role) keys, in as few reads as the store allows."""
        ...

    def put_many(self, lists: Iterable[MatchList]) -> int: ...

    def delete_many(self, keys: Iterable[tuple[str, str]]) -> int: ...


class SnapshotStore(Protocol):
    """Where the recompute leaves the matching snapshot for the API, replaced whole (a reader gets
    the old one or the new one), beside it the digests of every list it wrote, and the parts of a
    sharded run until it is published (its input, then each shard's outcome)."""

    def load(self) -> StoredSnapshot | None: ...

    def tag(self) -> str | None: ...

    def population(self) -> int | None:
        """People in the published snapshot (None before the first recompute)."""

    def save(self, data: bytes, computed_at: str, people: int) -> None: ...

    def load_digests(self) -> ListDigests: ...

    def save_digests(self, digests: ListDigests) -> None: ...

    def save_run(self, run: str, part: str, data: bytes) -> None: ...

    def load_run(self, run: str, part: str) -> bytes:
        """A part saved for this run; raises MissingRunPartError if there is none."""

    def delete_run(self, run: str) -> None: ...


class MissingRunPartError(LookupError):
    """A sharded run's part (its input or a shard's outcome) is not in the store."""


class ShardedRunStarter(Protocol):
    """Starts the sharded recompute (AWS Step Functions in production)."""

    def start(self, now: datetime) -> str | None:
        """The started run's id, or None when a sharded run is still going (runs never overlap)."""


class ExclusionSource(Protocol):
    """Who may not be matched with whom, and how full each mentor is (mentorships, blocks)."""

    def excluded_ids(self, user_id: str, now: datetime) -> set[str]: ...

    def all_exclusion_pairs(self, now: datetime) -> Iterable[tuple[str, str]]: ...

    def active_mentees(self, mentor_ids: Iterable[str]) -> dict[str, int]: ...

    def active_mentee_counts(self) -> dict[str, int]: ...


class MentorFactsSource(Protocol):
    """What the index of mentors says about a mentee whose list is empty (chalicelib/mentor_search)."""

    def facts_for(self, mentee: Profile) -> MentorFacts: ...
