"""Account standing as administrators change it (with the audit entry), and who is suspended.

The accounts table holds rows only for accounts that are not plainly active (suspended,
deleted, reinstated), so listing the suspended scans a small table.
"""

from pynamodb.connection import Connection
from pynamodb.transactions import TransactWrite

from chalicelib.accounts import AccountStanding
from chalicelib.admin.audit import AuditEntry
from chalicelib.persistence.audit import to_audit_model
from chalicelib.persistence.models import AccountModel


class InMemoryStandingStore:
    def __init__(self, audit=None):
        self.items: dict[str, AccountStanding] = {}
        self._audit = audit

    def get(self, user_id: str) -> AccountStanding | None:
        return self.items.get(user_id)

    def put_with_audit(self, standing: AccountStanding, audit: AuditEntry) -> None:
        self.items[standing.user_id] = standing
        if self._audit is not None:
            self._audit.record(audit)

    def suspended_ids(self) -> set[str]:
        return {uid for uid, standing in self.items.items() if standing.state == "suspended"}


class DynamoStandingStore:
    def get(self, user_id: str) -> AccountStanding | None:
        try:
            item = AccountModel.get(user_id, consistent_read=True)
        except AccountModel.DoesNotExist:
            return None
        return AccountStanding(user_id=item.user_id, state=item.state, changed_at=item.changed_at)

    def put_with_audit(self, standing: AccountStanding, audit: AuditEntry) -> None:
        row = AccountModel(user_id=standing.user_id, state=standing.state, changed_at=standing.changed_at)
        with TransactWrite(connection=Connection(region=AccountModel.Meta.region)) as transaction:
            transaction.save(row)
            transaction.save(to_audit_model(audit))

    def suspended_ids(self) -> set[str]:
        return {item.user_id for item in AccountModel.scan(AccountModel.state == "suspended")}
