"""The API Lambda's copy of the matching snapshot, plus the few profiles changed since.

Rule: a query sees the latest snapshot the recompute wrote (checked at most once a
minute) and every profile saved since that snapshot was computed: each call reads only the
profiles saved since the newest one it has already seen (a small index query), so lists are
instant without scanning the table per request.
"""

import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime

from chalicelib.match_lists.domain import to_match_profiles
from chalicelib.match_lists.ports import ExclusionSource, SnapshotStore
from chalicelib.matching import MatchConfig, MatchIndex, MatchProfile, build_index
from chalicelib.profiles.domain import Profile
from chalicelib.profiles.ports import ProfileRepository

SNAPSHOT_CHECK_SECONDS = 60


class IndexCache:
    def __init__(self, store: SnapshotStore, profiles: ProfileRepository, source: ExclusionSource,
                 config: MatchConfig, clock: Callable[[], float] = time.monotonic):
        self._store, self._profiles, self._source, self._config = store, profiles, source, config
        self._clock = clock
        self._lock = threading.Lock()
        self._base: MatchIndex | None = None
        self._base_tag: str | None = None
        self._computed_at = ""
        self._checked = float("-inf")
        self._current: MatchIndex | None = None
        self._seen_until = ""
        self._applied: dict[str, int | None] = {}  # user id -> profile version laid over the base

    def current(self, now: datetime) -> MatchIndex:
        with self._lock:
            tick = self._clock()
            if tick - self._checked >= SNAPSHOT_CHECK_SECONDS or self._base is None:
                if self._refresh_base():
                    self._current, self._seen_until, self._applied = self._base, self._computed_at, {}
                self._checked = tick
            # The query includes the boundary second, so drop what is already laid over the base.
            changed = [p for p in self._profiles.changed_since(self._seen_until, now)
                       if self._applied.get(p.user_id, -1) != p.version]
            assert self._current is not None  # set from the base, which the first call always loads
            if changed:
                self._current = self._current.with_changes(load_match_profiles(changed, self._source))
                self._seen_until = max(self._seen_until, *(p.updated_at for p in changed))
                self._applied.update((p.user_id, p.version) for p in changed)
            return self._current

    def _refresh_base(self) -> bool:
        """Load the snapshot if it is new; True when the base changed."""
        tag = self._store.tag()
        if self._base is not None and tag == self._base_tag:
            return False
        stored = self._store.load() if tag is not None else None
        if stored is None:  # no recompute has run yet: start from nothing, every profile is "changed"
            self._base, self._base_tag, self._computed_at = build_index([], self._config), None, ""
        else:
            self._base, self._base_tag = MatchIndex.from_bytes(stored.data), stored.tag
            self._computed_at = stored.computed_at
        return True


def load_match_profiles(profiles: Iterable[Profile], source: ExclusionSource) -> list[MatchProfile]:
    """The engine's view of these profiles, with each mentor's active mentees read from the source."""
    profiles = list(profiles)
    return to_match_profiles(profiles, source.active_mentees(p.user_id for p in profiles if "mentor" in p.roles))
