"""What one person, one account needs from the user pool."""

from typing import Protocol

from chalicelib.accounts.ports import Directory


class IdentityLinker(Protocol):
    def link(self, username: str, provider: str, subject: str) -> None:
        """From now on, signing in as ``subject`` at ``provider`` signs in as the account ``username``."""
        ...


class UserPools(Protocol):
    """The pool a Cognito trigger names in its event (a trigger cannot be told its pool in advance:
    the pool refers to the trigger, so the trigger's settings cannot refer to the pool)."""

    def directory(self, pool_id: str) -> Directory: ...

    def linker(self, pool_id: str) -> IdentityLinker: ...
