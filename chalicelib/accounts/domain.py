"""Account standing and directory entries: whether a signed-in person may use the service right now.

Rule: a token proves who someone is, not that they may still act. A suspended account
cannot use the service; a deleted account's tokens stop working at once, even those issued
before the deletion that have not yet expired; and once a person signs out everywhere, access
tokens issued before that moment stop working too (a tab left open elsewhere is signed out on
its next call, not when its token expires). No record means an ordinary active account.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from chalicelib.errors import ForbiddenError, UnauthorisedError

AccountState = Literal["active", "suspended", "deleted"]


@dataclass(frozen=True)
class AccountStanding:
    user_id: str
    state: AccountState = "active"
    changed_at: str = ""
    signed_out_at: str = ""  # ISO time of the last "sign out everywhere"


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


def check_may_act(standing: AccountStanding | None, issued_at: int | None = None) -> None:
    """Refuse a suspended or deleted account, or (given the token's ``iat``) a token from before sign-out."""
    if standing is None:
        return
    if standing.state == "suspended":
        raise ForbiddenError("This account is suspended. Contact the Mentor Match team.")
    if standing.state == "deleted":
        raise UnauthorisedError("This account has been deleted.")
    if issued_at is not None and standing.signed_out_at and issued_at < epoch(standing.signed_out_at):
        raise UnauthorisedError("You signed out. Sign in again to continue.")


def epoch(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp())
