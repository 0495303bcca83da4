"""Who is an administrator right now, as the user pool says (not as an old token says).

Rule: administrator rights need the token's ``cognito:groups`` claim AND current membership of
the ``admins`` group in the user pool. Membership is re-read at most every ``ttl_seconds``
(30 by default) per API instance, so removing someone from the group, whether with the admin
CLI or in the AWS console, takes effect within a minute on every admin route, with the same token.
"""

import threading
import time
from collections.abc import Callable

from chalicelib.accounts.ports import Directory
from chalicelib.auth import ADMINS_GROUP


class AdminMembership:
    def __init__(self, directory: Directory, ttl_seconds: float = 30,
                 clock: Callable[[], float] = time.monotonic):
        self._directory = directory
        self._ttl = ttl_seconds
        self.clock = clock
        self._seen: dict[str, tuple[float, bool]] = {}
        self._lock = threading.Lock()

    def is_admin(self, username: str) -> bool:
        now = self.clock()
        with self._lock:
            seen = self._seen.get(username)
        if seen is not None and now - seen[0] < self._ttl:
            return seen[1]
        member = ADMINS_GROUP in self._directory.groups_of(username)
        with self._lock:
            self._seen[username] = (now, member)
        return member
