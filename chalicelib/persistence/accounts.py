"""Account standing storage: one interface, an in-memory and a DynamoDB implementation."""

from collections.abc import Iterable
from typing import Protocol

from chalicelib.accounts import AccountStanding
from chalicelib.persistence.models import AccountModel


class AccountRepository(Protocol):
    def get(self, user_id: str) -> AccountStanding | None: ...

    def get_many(self, user_ids: Iterable[str]) -> dict[str, AccountStanding]: ...

    def put(self, standing: AccountStanding) -> None: ...


class InMemoryAccountRepository:
    def __init__(self):
        self._items: dict[str, AccountStanding] = {}

    def get(self, user_id: str) -> AccountStanding | None:
        return self._items.get(user_id)

    def get_many(self, user_ids: Iterable[str]) -> dict[str, AccountStanding]:
        return {uid: self._items[uid] for uid in user_ids if uid in self._items}

    def put(self, standing: AccountStanding) -> None:
        self._items[standing.user_id] = standing


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
        AccountModel(user_id=standing.user_id, state=standing.state, changed_at=standing.changed_at).save()


def to_standing(item: AccountModel) -> AccountStanding:
    return AccountStanding(user_id=item.user_id, state=item.state, changed_at=item.changed_at)
