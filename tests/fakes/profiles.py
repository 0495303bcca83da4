"""In-memory profiles: a real ``ProfileRepository`` over a dict, one lock standing in for DynamoDB."""

import threading
from collections.abc import Iterable, Iterator
from datetime import datetime

from chalicelib.errors import VersionConflictError
from chalicelib.profiles.domain import STALE_PROFILE, Profile


class InMemoryProfileRepository:
    def __init__(self):
        self._profiles: dict[str, Profile] = {}
        self._lock = threading.Lock()

    def get(self, user_id: str) -> Profile | None:
        return self._profiles.get(user_id)

    def get_many(self, user_ids: Iterable[str]) -> dict[str, Profile]:
        return {uid: self._profiles[uid] for uid in user_ids if uid in self._profiles}

    def changed_since(self, since: str, now: datetime) -> list[Profile]:
        return sorted((p for p in self._profiles.values() if p.updated_at >= since), key=lambda p: p.updated_at)

    def scan_all(self, segments: int = 4) -> Iterator[Profile]:
        return iter(list(self._profiles.values()))

    def delete(self, user_id: str) -> None:
        self._profiles.pop(user_id, None)

    def forget(self, user_id: str) -> int:
        """Delete, counting what went (the in-memory OwnedItems)."""
        return int(self._profiles.pop(user_id, None) is not None)

    def save(self, profile: Profile) -> Profile:
        with self._lock:
            current = self._profiles.get(profile.user_id)
            if (current.version if current else None) != profile.version:
                raise VersionConflictError(STALE_PROFILE)
            stored = profile.with_changes(version=(profile.version or 0) + 1)
            self._profiles[profile.user_id] = stored
            return stored
