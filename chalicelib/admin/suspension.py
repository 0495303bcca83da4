"""Suspending and reinstating accounts.

Rules: a suspended person cannot use the API (account standing is checked on every call, even
with a token issued before), cannot sign in (their Cognito user is disabled and signed out
everywhere), and appears in nobody's matches (``suspended_ids`` is what the matching code
leaves out). Reinstating undoes all three. Administrators cannot suspend themselves. A deleted
account cannot be suspended or reinstated. Each change is written with its audit entry.
"""

from datetime import datetime
from typing import Protocol

from chalicelib.accounts import AccountStanding
from chalicelib.admin.audit import AuditEntry, audit_entry
from chalicelib.errors import ConflictError, NotFoundError
from chalicelib.persistence.cognito_directory import Directory

NO_ACCOUNT = "There is no account with that id."


class StandingStore(Protocol):
    def get(self, user_id: str) -> AccountStanding | None: ...

    def put_with_audit(self, standing: AccountStanding, audit: AuditEntry) -> None: ...


class SuspensionSource(Protocol):
    def suspended_ids(self) -> set[str]:
        """Every suspended person's user id (for the matching code to leave out)."""


def _change_standing(
    user_id: str, state: str, actor: str, standings: StandingStore, directory: Directory, now: datetime
) -> dict:
    current = standings.get(user_id)
    if current is not None and current.state == "deleted":
        raise NotFoundError(NO_ACCOUNT)
    person = directory.find(user_id)
    if person is None:
        raise NotFoundError(NO_ACCOUNT)
    action = "account.suspend" if state == "suspended" else "account.reinstate"
    standing = AccountStanding(user_id=user_id, state=state, changed_at=now.isoformat(timespec="seconds"))
    standings.put_with_audit(standing, audit_entry(actor, action, user_id, now))
    directory.set_enabled(person.username, state == "active")
    return {"user_id": user_id, "state": state, "changed_at": standing.changed_at}


def suspend_user(user_id: str, actor: str, standings: StandingStore, directory: Directory, now: datetime) -> dict:
    if user_id == actor:
        raise ConflictError("You cannot suspend your own account.")
    return _change_standing(user_id, "suspended", actor, standings, directory, now)


def reinstate_user(user_id: str, actor: str, standings: StandingStore, directory: Directory, now: datetime) -> dict:
    return _change_standing(user_id, "active", actor, standings, directory, now)
