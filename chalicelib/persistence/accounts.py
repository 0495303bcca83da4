"""Account standing storage: one interface, an in-memory and a DynamoDB implementation."""

from typing import Protocol

from chalicelib.accounts import AccountStanding
from chalicelib.persistence.models import AccountModel


class AccountRepository(Protocol):
    def get(self, user_id: str) -> AccountStanding | None: ...

    def put(self, standing: AccountStanding) -> None: ...


class InMemoryAccountRepository:
    def __init__(self):
        self._items: dict[str, AccountStanding] = {}

    def get(self, user_id: str) -> AccountStanding | None:
        return self._items.get(user_id)

    def put(self, standing: AccountStanding) -> None:
        self._items[standing.user_id] = standing


class DynamoAccountRepository:
    def get(self, user_id: str) -> AccountStanding | None:
        try:
            item = AccountModel.get(user_id, consistent_read=True)
        except AccountModel.DoesNotExist:
            return None
        return AccountStanding(user_id=item.user_id, state=item.state, changed_at=item.changed_at)

    def put(self, standing: AccountStanding) -> None:
        AccountModel(user_id=standing.user_id, state=standing.state, changed_at=standing.changed_at).save()
