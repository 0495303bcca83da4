"""A suspended person's rights of access and erasure, carried out by an administrator.

Rule: a suspended person cannot sign in, so they cannot download or delete their data
themselves; their rights still hold. On their request (see the README: they write to the
service's contact address), an administrator exports or erases the account with the same code as
``GET /me/export`` and ``DELETE /me``. Only suspended accounts: anyone else can do it themselves.
Each use is audited with ids only.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chalicelib.accounts.ports import AccountRepository
from chalicelib.audit.domain import audit_entry
from chalicelib.audit.ports import AuditLog
from chalicelib.errors import ConflictError, NotFoundError
from chalicelib.organisations.ports import OrganisationRepository
from chalicelib.privacy.deletion import DeletionStores, delete_my_account
from chalicelib.privacy.export import export_my_data

NO_ACCOUNT = "There is no account with that id."
NOT_SUSPENDED = "Only a suspended account's data is handled by administrators: this person can do it themselves."


@dataclass(frozen=True)
class RequestStores:
    deletion: DeletionStores
    audit: AuditLog
    organisations: OrganisationRepository  # the export names each code's organisation

    @property
    def accounts(self) -> AccountRepository:
        return self.deletion.accounts


def check_suspended(user_id: str, stores: RequestStores) -> None:
    standing = stores.accounts.get(user_id)
    if standing is not None and standing.state == "suspended":
        return
    if standing is None and stores.deletion.journey.directory.find(user_id) is not None:
        raise ConflictError(NOT_SUSPENDED)
    if standing is not None and standing.state == "active":
        raise ConflictError(NOT_SUSPENDED)
    raise NotFoundError(NO_ACCOUNT)


def export_suspended_account(user_id: str, actor: str, stores: RequestStores, now: datetime) -> dict[str, Any]:
    check_suspended(user_id, stores)
    stores.audit.record(audit_entry(actor, "account.export", user_id, now))
    return export_my_data(user_id, stores.deletion.journey, stores.accounts, stores.organisations, now)


def erase_suspended_account(user_id: str, actor: str, stores: RequestStores, now: datetime) -> dict[str, str]:
    check_suspended(user_id, stores)
    stores.audit.record(audit_entry(actor, "account.erase", user_id, now))
    person = stores.deletion.journey.directory.find(user_id)
    delete_my_account(user_id, person.username if person else user_id, stores.deletion, now)
    return {"user_id": user_id, "state": "deleted", "changed_at": now.isoformat(timespec="seconds")}
