"""A limit: at most ``count`` events per ``window`` for one key (a person, or an address).

Rule: the event that would be one too many is refused with 429 and ``Retry-After``: the seconds
until the oldest counted event leaves the window, when the next try can succeed.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Limit:
    count: int
    window: timedelta
    message: str

    def retry_after(self, times: Sequence[datetime], now: datetime) -> int | None:
        """None while under the limit, else whole seconds to wait (at least 1)."""
        recent = sorted(moment for moment in times if now - self.window < moment <= now)
        if len(recent) < self.count:
            return None
        oldest_counted = recent[-self.count]
        return max(1, math.ceil((oldest_counted + self.window - now).total_seconds()))
