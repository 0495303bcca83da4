"""Account standing and directory entries: whether a signed-in person may use the service right now.

Rule: a token proves who someone is, not that they may still act. A suspended account
cannot use the service; a deleted account's tokens stop working at once, even those issued
before the deletion that have not yet expired. No record means an ordinary active account.
"""

from dataclasses import dataclass
from typing import Literal

from chalicelib.errors import ForbiddenError, UnauthorisedError

AccountState = Literal["active", "suspended", "deleted"]


@dataclass(frozen=True)
class AccountStanding:
    user_id: str
    state: AccountState = "active"
    changed_at: str = ""


@dataclass(frozen=True)
class DirectoryUser:
    """A person as the user pool knows them (the only place their email is kept)."""

    username: str
    user_id: str
    email: str
    enabled: bool = True
    groups: frozenset[str] = frozenset()
    confirmed: bool = True  # the sign-up's email code was entered (or an administrator made the account)
    email_verified: bool = True
    federated_only: bool = False  # opened by a sign-in through an identity provider (LinkedIn); no password


class DirectoryUnavailableError(Exception):
    """The configured user pool does not exist (only the tests' own token issuer has none)."""


def check_may_act(standing: AccountStanding | None) -> None:
    if standing is None or standing.state == "active":
        return
    if standing.state == "suspended":
        raise ForbiddenError("This account is suspended. Contact the Mentor Match team.")
    raise UnauthorisedError("This account has been deleted.")
