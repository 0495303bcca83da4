"""Slowing down code guessing.

Rule: a client (a signed-in person, or an address) that has sent ``limit`` invalid invitation
codes within the last ``window`` gets 429 for every further code until the oldest of those
failures leaves the window. Valid codes never count. Failures are kept with a time to live;
expired rows are ignored on read because DynamoDB (and the emulator) may return them for a while.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from chalicelib.errors import TooManyRequestsError
from chalicelib.invitations.ports import AttemptLog

SLOW_DOWN = "Too many invitation links that are not valid were tried. Wait 15 minutes, then try again."


@dataclass(frozen=True)
class RateLimit:
    limit: int = 10
    window: timedelta = timedelta(minutes=15)


def failures_in_window(times: Iterable[datetime], now: datetime, window: timedelta) -> int:
    return sum(1 for moment in times if now - window < moment <= now)


def client_keys(user_id: str | None, address: str | None) -> list[str]:
    keys = [f"user:{user_id}"] if user_id else []
    return keys + ([f"ip:{address}"] if address else [])


def check_not_limited(keys: Iterable[str], log: AttemptLog, rule: RateLimit, now: datetime) -> None:
    for key in keys:
        if log.failures_since(key, now - rule.window, now, rule.limit) >= rule.limit:
            raise TooManyRequestsError(SLOW_DOWN)


def record_failure(keys: Iterable[str], log: AttemptLog, rule: RateLimit, now: datetime) -> None:
    for key in keys:
        log.record_failure(key, now, now + rule.window)
