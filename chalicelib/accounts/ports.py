"""What accounts need from the outside: a store of standings and the user pool."""

from collections.abc import Iterable
from typing import Protocol

from chalicelib.accounts.domain import AccountStanding, DirectoryUser
from chalicelib.audit.domain import AuditEntry


class AccountRepository(Protocol):
    """Standings of accounts that are not plainly active (no row: active)."""

    def get(self, user_id: str) -> AccountStanding | None: ...

    def get_many(self, user_ids: Iterable[str]) -> dict[str, AccountStanding]: ...

    def put(self, standing: AccountStanding) -> None: ...

    def put_with_audit(self, standing: AccountStanding, audit: AuditEntry) -> None:
        """The standing and its audit entry, together or not at all."""
        ...

    def mark_signed_out(self, user_id: str, at: str) -> None:
        """Record a sign-out everywhere, keeping the rest of the standing (no row: an active one)."""
        ...

    def suspended_ids(self) -> set[str]: ...


class Directory(Protocol):
    """The user pool: the one place a person's email address is kept."""

    def email_of(self, user_id: str) -> str | None:
        """The person's email (by user id or username), or None when there is no such user."""
        ...

    def find(self, user_id: str) -> DirectoryUser | None: ...

    def find_by_email(self, email: str) -> DirectoryUser | None: ...

    def find_by_email_start(self, start: str, limit: int) -> list[DirectoryUser]:
        """People whose email address starts with ``start`` (administrators' lookup), at most ``limit``."""
        ...

    def set_enabled(self, username: str, enabled: bool) -> None:
        """Enable, or disable and sign out everywhere."""
        ...

    def set_group(self, username: str, group: str, member: bool) -> None: ...

    def has_totp(self, username: str) -> bool:
        """True when the person has an authenticator app (TOTP) turned on as a second step."""
        ...

    def groups_of(self, username: str) -> frozenset[str]:
        """The groups the user is in now (none when there is no such user)."""
        ...

    def delete_user(self, username: str) -> None:
        """Delete the user; one already gone is not an error (deleting twice is safe)."""
        ...
