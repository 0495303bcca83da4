"""In-memory account standings and user pool."""

from collections.abc import Iterable
from dataclasses import replace

from chalicelib.accounts.domain import AccountStanding, DirectoryUser
from chalicelib.audit.domain import AuditEntry
from tests.fakes.audit import InMemoryAuditLog


class InMemoryAccountRepository:
    def __init__(self, audit: InMemoryAuditLog | None = None):
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

    def mark_signed_out(self, user_id: str, at: str) -> None:
        current = self.items.get(user_id) or AccountStanding(user_id, "active", at)
        self.items[user_id] = replace(current, signed_out_at=at)

    def suspended_ids(self) -> set[str]:
        return {uid for uid, standing in self.items.items() if standing.state == "suspended"}


class InMemoryDirectory:
    """The user pool: people by username; a password account's username is its user id."""

    def __init__(self, users: Iterable[DirectoryUser] = ()):
        self.users: dict[str, DirectoryUser] = {u.username: u for u in users}
        self.totp: set[str] = set()  # usernames with an authenticator app turned on

    def add(self, user_id: str, email: str, username: str = "", groups: Iterable[str] = (), **state: bool
            ) -> DirectoryUser:
        """``state``: enabled, confirmed, email_verified, federated_only (DirectoryUser's flags)."""
        user = DirectoryUser(username=username or user_id, user_id=user_id, email=email, groups=frozenset(groups),
                             **state)
        self.users[user.username] = user
        return user

    def email_of(self, user_id: str) -> str | None:
        user = self.find(user_id)
        return user.email if user else None

    def find(self, user_id: str) -> DirectoryUser | None:
        return self.users.get(user_id) or next((u for u in self.users.values() if u.user_id == user_id), None)

    def find_by_email(self, email: str) -> DirectoryUser | None:
        return next((u for u in self.users.values() if u.email.lower() == email.lower()), None)

    def find_by_email_start(self, start: str, limit: int) -> list[DirectoryUser]:
        return [u for u in self.users.values() if u.email.startswith(start)][:limit]

    def set_enabled(self, username: str, enabled: bool) -> None:
        self.users[username] = replace(self.users[username], enabled=enabled)

    def set_group(self, username: str, group: str, member: bool) -> None:
        user = self.users[username]
        groups = user.groups | {group} if member else user.groups - {group}
        self.users[username] = replace(user, groups=frozenset(groups))

    def has_totp(self, username: str) -> bool:
        return username in self.totp

    def groups_of(self, username: str) -> frozenset[str]:
        user = self.find(username)
        return user.groups if user else frozenset()

    def delete_user(self, username: str) -> None:
        self.users.pop(username, None)
