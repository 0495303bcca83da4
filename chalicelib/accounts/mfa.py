"""Rule: administrators' rights need an authenticator app (TOTP) on their account.

Cognito cannot require MFA for one group only, so the pool makes it optional and the API checks
an administrator's account before any admin action: with TOTP on, every sign-in of that account
asks for the app's code. The answer is kept for a short while (a minute by default) so a busy
admin page makes one directory call a minute, not one per request.
"""

import time
from collections.abc import Callable

from chalicelib.accounts.ports import Directory
from chalicelib.errors import MfaRequiredError

SET_UP_AN_APP = ("Set up an authenticator app on your account before you use the admin pages: "
                 "go to /settings/authenticator. Then sign in again.")


class AdminMfaCheck:
    def __init__(self, directory: Directory, cache_seconds: int, clock: Callable[[], float] = time.monotonic):
        self._directory, self._ttl, self._clock = directory, cache_seconds, clock
        self._seen: dict[str, float] = {}  # username -> when TOTP was last seen on

    def require(self, username: str) -> None:
        """Pass, or MfaRequiredError when this administrator has no TOTP (checked at most once a TTL)."""
        now = self._clock()
        if now - self._seen.get(username, float("-inf")) < self._ttl:
            return
        if not self._directory.has_totp(username):
            raise MfaRequiredError(SET_UP_AN_APP)
        self._seen[username] = now
