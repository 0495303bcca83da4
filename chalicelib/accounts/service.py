"""Suspending and reinstating accounts.

Rules: a suspended person cannot use the API (account standing is checked on every call, even
with a token issued before), cannot sign in (their Cognito user is disabled and signed out
everywhere), and appears in nobody's matches (``suspended_ids`` is what the matching code
leaves out). Reinstating undoes all three. Administrators cannot suspend themselves. A deleted
account cannot be suspended or reinstated. Each change is written with its audit entry.
"""

from datetime import datetime

from chalicelib.accounts.domain import AccountStanding
from chalicelib.accounts.ports import AccountRepository, Directory
from chalicelib.audit.domain import audit_entry
from chalicelib.errors import ConflictError, NotFoundError

NO_ACCOUNT = "There is no account with that id."


def _change_standing(user_id: str, state: str, actor: str, standings: AccountRepository, directory: Directory,
                     now: datetime) -> dict[str, str]:
    current = standings.get(user_id)
    if current is not None and current.state == "deleted":
        raise NotFoundError(NO_ACCOUNT)
    person = directory.find(user_id)
    if person is None:
        raise NotFoundError(NO_ACCOUNT)
    action = "account.suspend" if state == "suspended" else "account.reinstate"
    standing = AccountStanding(user_id=user_id, state="suspended" if state == "suspended" else "active",
                               changed_at=now.isoformat(timespec="seconds"),
                               signed_out_at=current.signed_out_at if current else "")
    standings.put_with_audit(standing, audit_entry(actor, action, user_id, now))
    directory.set_enabled(person.username, state == "active")
    return {"user_id": user_id, "state": state, "changed_at": standing.changed_at}


def suspend_user(user_id: str, actor: str, standings: AccountRepository, directory: Directory,
                 now: datetime) -> dict[str, str]:
    if user_id == actor:
        raise ConflictError("You cannot suspend your own account.")
    return _change_standing(user_id, "suspended", actor, standings, directory, now)


def reinstate_user(user_id: str, actor: str, standings: AccountRepository, directory: Directory,
                   now: datetime) -> dict[str, str]:
    return _change_standing(user_id, "active", actor, standings, directory, now)
