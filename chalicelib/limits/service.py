"""Checking and counting events against limits, and the journey's per-person limits.

Rules (per person): at most 10 mentoring requests a day (on top of at most 5 waiting at once),
60 messages in 10 minutes, and 10 reports a day. Ordinary use never comes near them; a script
or a person flooding others does. Only what was done counts (a refused request does not).
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from chalicelib.errors import TooManyRequestsError
from chalicelib.limits.domain import Limit
from chalicelib.limits.ports import EventLog

REQUESTS = Limit(10, timedelta(days=1), "You have asked 10 people to mentor you today. Try again tomorrow.")
MESSAGES = Limit(60, timedelta(minutes=10), "You have sent a lot of messages in the last few minutes. "
                                            "Wait a few minutes, then try again.")
REPORTS = Limit(10, timedelta(days=1), "You have made 10 reports today. Contact the Mentor Match team if you "
                                       "need to report more.")


def check(keys: Iterable[str], limit: Limit, log: EventLog, now: datetime) -> None:
    """TooManyRequestsError (with Retry-After) when any key has reached the limit."""
    for key in keys:
        wait = limit.retry_after(log.times_since(key, now - limit.window, now, limit.count), now)
        if wait is not None:
            raise TooManyRequestsError(limit.message, retry_after=wait)


def record(keys: Iterable[str], limit: Limit, log: EventLog, now: datetime) -> None:
    for key in keys:
        log.record(key, now, now + limit.window)


class ActionLimits:
    """The journey's per-person limits over one event log."""

    def __init__(self, log: EventLog, requests: Limit = REQUESTS, messages: Limit = MESSAGES,
                 reports: Limit = REPORTS):
        self.log = log
        self.limits = {"request": requests, "message": messages, "report": reports}

    def check(self, action: str, user_id: str, now: datetime) -> None:
        check([f"{action}:{user_id}"], self.limits[action], self.log, now)

    def record(self, action: str, user_id: str, now: datetime) -> None:
        record([f"{action}:{user_id}"], self.limits[action], self.log, now)

    def forget(self, user_id: str) -> int:
        """Events keyed by the person (their id is personal data): gone with their account."""
        return sum(self.log.forget(f"{action}:{user_id}") for action in (*self.limits, "user"))
