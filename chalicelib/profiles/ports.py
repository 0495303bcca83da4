"""What profiles need from storage."""

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Protocol

from chalicelib.profiles.domain import Profile


class ProfileRepository(Protocol):
    def get(self, user_id: str) -> Profile | None: ...

    def get_many(self, user_ids: Iterable[str]) -> dict[str, Profile]: ...

    def changed_since(self, since: str, now: datetime) -> list[Profile]:
        """Profiles whose updated_at is at or after ``since`` (ISO time, whole seconds: a profile
        saved in the same second as ``since`` must not be missed), without a table scan."""
        ...

    def scan_all(self, segments: int = 4) -> Iterator[Profile]:
        """Every profile (the scheduled recompute and the demo seed only), read with a parallel scan."""
        ...

    def save(self, profile: Profile) -> Profile:
        """Store the profile if the stored version is still ``profile.version`` (None: new).

        Returns the stored profile with its new version; raises VersionConflictError otherwise.
        """
        ...

    def delete(self, user_id: str) -> None: ...


class NameIndex(Protocol):
    """Everyone by the start of their name (profiles/names.py), for administrators' lookups."""

    def replace(self, user_id: str, keys: frozenset[str]) -> None:
        """This person's name keys become exactly these (none: they leave the index)."""
        ...

    def find(self, typed: str, limit: int) -> list[str]:
        """Ids of people with a name key starting with ``typed``, at most ``limit``, with one bounded query."""
        ...
