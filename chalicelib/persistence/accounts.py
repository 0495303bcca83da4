"""Account standing storage: one interface, an in-memory and a DynamoDB implementation.

The accounts table holds rows only for accounts that are not plainly active (suspended,
deleted, reinstated), so listing the suspended scans a small table. Administrators change a
standing together with its audit entry, in one transaction.
"""

from collections.abc import Iterable
from typing import Protocol

from pynamodb.connection import Connection
from pynamodb.transactions import TransactWrite

from chalicelib.accounts import AccountStanding
from chalicelib.admin.audit import AuditEntry
from chalicelib.persistence.audit import to_audit_model
from chalicelib.persistence.models import AccountModel


class AccountRepository(Protocol):
    def get(self, user_id: str) -> AccountStanding | None: ...

    def get_many(self, user_ids: Iterable[str]) -> dict[str, AccountStanding]: ...

    def put(self, standing: AccountStanding) -> None: ...


class InMemoryAccountRepository:
    def __init__(self, audit=None):
        self.items: dict[str, AccountStanding] = {}
        self._audit = audit

    def get(self, user_id: str) -> AccountStanding | None:
        return self.items.get(user_id)

    def get_many(self, user_ids: Iterable[str]) -> dict[str, AccountStanding]:
        return {uid: self.items[uid] for uid in user_ids if uid in self.items}

    def put(self, standing: AccountStanding) -> None:
        self.items[standing.user_id] = standing

    def put_with_audit(self, standing: AccountStanding, audit: AuditEntry) -> None:
        self.put(standing)
        if self._audit is not None:
            self._audit.record(audit)

    def suspended_ids(self) -> set[str]:
        return {uid for uid, standing in self.items.items() if standing.state == "suspended"}


class DynamoAccountRepository:
    def get(self, user_id: str) -> AccountStanding | None:
        try:
            item = AccountModel.get(user_id, consistent_read=True)
        except AccountModel.DoesNotExist:
            return None
        return to_standing(item)

    def get_many(self, user_ids: Iterable[str]) -> dict[str, AccountStanding]:
        wanted = list(dict.fromkeys(user_ids))
        return {item.user_id: to_standing(item) for item in AccountModel.batch_get(wanted)} if wanted else {}

    def put(self, standing: AccountStanding) -> None:
        to_model(standing).save()

    def put_with_audit(self, standing: AccountStanding, audit: AuditEntry) -> None:
        with TransactWrite(connection=Connection(region=AccountModel.Meta.region)) as transaction:
            transaction.save(to_model(standing))
            transaction.save(to_audit_model(audit))

    def suspended_ids(self) -> set[str]:
        return {item.user_id for item in AccountModel.scan(AccountModel.state == "suspended")}


def to_standing(item: AccountModel) -> AccountStanding:
    return AccountStanding(user_id=item.user_id, state=item.state, changed_at=item.changed_at)


def to_model(standing: AccountStanding) -> AccountModel:
    return AccountModel(user_id=standing.user_id, state=standing.state, changed_at=standing.changed_at)
