"""What limits need from storage: recent events per key, kept only as long as a window."""

from datetime import datetime
from typing import Protocol


class EventLog(Protocol):
    def times_since(self, key: str, since: datetime, now: datetime, limit: int) -> list[datetime]:
        """When this key's events after ``since`` happened, newest first, at most ``limit`` of them."""
        ...

    def record(self, key: str, now: datetime, expires_at: datetime) -> None: ...

    def forget(self, key: str) -> int:
        """Delete every event of this key (the person deleted their account); how many went."""
        ...
