"""Account standings in DynamoDB (``accounts.ports.AccountRepository``).

The accounts table holds rows only for accounts that are not plainly active (suspended,
deleted, reinstated) or that signed out everywhere (the time older tokens stop working).
Administrators change a standing together with its audit entry, in one transaction.
"""

from collections.abc import Iterable
from typing import cast

from chalicelib.accounts.domain import AccountStanding, AccountState
from chalicelib.adapters.dynamo.audit import to_audit_model
from chalicelib.adapters.dynamo.tables import AccountModel, read_item
from chalicelib.adapters.dynamo.transact import transact
from chalicelib.audit.domain import AuditEntry
from chalicelib.errors import ConflictError

BUSY = "This account was changed by someone else at the same moment. Try again."


class DynamoAccountRepository:
    def get(self, user_id: str) -> AccountStanding | None:
        item = read_item(AccountModel, user_id)
        return to_standing(item) if item else None

    def get_many(self, user_ids: Iterable[str]) -> dict[str, AccountStanding]:
        wanted = list(dict.fromkeys(user_ids))
        return {item.user_id: to_standing(item) for item in AccountModel.batch_get(wanted)} if wanted else {}

    def put(self, standing: AccountStanding) -> None:
        to_model(standing).save()

    def put_with_audit(self, standing: AccountStanding, audit: AuditEntry) -> None:
        with transact(ConflictError(BUSY)) as transaction:
            transaction.save(to_model(standing))
            transaction.save(to_audit_model(audit))

    def mark_signed_out(self, user_id: str, at: str) -> None:
        AccountModel(user_id).update(actions=[
            AccountModel.signed_out_at.set(at),
            AccountModel.state.set(AccountModel.state | "active"),  # if_not_exists: a new row is an active one
            AccountModel.changed_at.set(AccountModel.changed_at | at),
        ])

    def suspended_ids(self) -> set[str]:
        return {item.user_id for item in AccountModel.scan(AccountModel.state == "suspended")}


def to_standing(item: AccountModel) -> AccountStanding:
    # The table holds only the states AccountStanding wrote; PynamoDB reads them back as plain str.
    return AccountStanding(user_id=item.user_id, state=cast(AccountState, item.state),
                           changed_at=item.changed_at, signed_out_at=item.signed_out_at or "")


def to_model(standing: AccountStanding) -> AccountModel:
    return AccountModel(user_id=standing.user_id, state=standing.state, changed_at=standing.changed_at,
                        signed_out_at=standing.signed_out_at or None)
