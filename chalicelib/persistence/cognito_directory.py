"""The Cognito user pool as a directory of people: emails, enabling and disabling, groups.

Cognito access tokens carry no email, so the API reads it here (``AdminGetUser`` with the
token's username). Pools whose username is the email give every user a uuid username equal to
their ``sub``; LinkedIn users' usernames differ, so lookups by user id filter on ``sub``.
"""

from dataclasses import dataclass, replace
from typing import Protocol

from botocore.exceptions import ClientError


class DirectoryUnavailableError(Exception):
    """The configured user pool does not exist (only the tests' own token issuer has none)."""


@dataclass(frozen=True)
class DirectoryUser:
    username: str
    user_id: str
    email: str
    enabled: bool = True
    groups: frozenset[str] = frozenset()


class Directory(Protocol):
    def email_of(self, username: str) -> str | None: ...

    def find(self, user_id: str) -> DirectoryUser | None: ...

    def find_by_email(self, email: str) -> DirectoryUser | None: ...

    def set_enabled(self, username: str, enabled: bool) -> None: ...

    def set_group(self, username: str, group: str, member: bool) -> None: ...


def _attributes(raw: list[dict]) -> dict[str, str]:
    return {a["Name"]: a["Value"] for a in raw}


def _error_code(error: ClientError) -> str:
    return error.response.get("Error", {}).get("Code", "")


class CognitoDirectory:
    def __init__(self, client, user_pool_id: str):
        self._client = client
        self._pool = user_pool_id

    def email_of(self, username: str) -> str | None:
        try:
            reply = self._client.admin_get_user(UserPoolId=self._pool, Username=username)
        except ClientError as error:
            if _error_code(error) == "UserNotFoundException":
                return None
            if _error_code(error) == "ResourceNotFoundException":
                raise DirectoryUnavailableError(self._pool) from None
            raise
        return _attributes(reply.get("UserAttributes", [])).get("email")

    def _first(self, filter_expression: str) -> DirectoryUser | None:
        try:
            users = self._client.list_users(UserPoolId=self._pool, Filter=filter_expression, Limit=1)["Users"]
        except ClientError as error:
            if _error_code(error) == "ResourceNotFoundException":
                raise DirectoryUnavailableError(self._pool) from None
            raise
        if not users:
            return None
        attributes = _attributes(users[0].get("Attributes", []))
        return DirectoryUser(username=users[0]["Username"], user_id=attributes.get("sub", ""),
                             email=attributes.get("email", ""), enabled=bool(users[0].get("Enabled", True)))

    def find(self, user_id: str) -> DirectoryUser | None:
        return self._first(f'sub = "{_quoted(user_id)}"')

    def find_by_email(self, email: str) -> DirectoryUser | None:
        return self._first(f'email = "{_quoted(email)}"')

    def set_enabled(self, username: str, enabled: bool) -> None:
        if enabled:
            self._client.admin_enable_user(UserPoolId=self._pool, Username=username)
            return
        self._client.admin_disable_user(UserPoolId=self._pool, Username=username)
        # Refresh tokens stop working too; access tokens already issued are refused by account standing.
        self._client.admin_user_global_sign_out(UserPoolId=self._pool, Username=username)

    def set_group(self, username: str, group: str, member: bool) -> None:
        call = self._client.admin_add_user_to_group if member else self._client.admin_remove_user_from_group
        call(UserPoolId=self._pool, Username=username, GroupName=group)


def _quoted(value: str) -> str:
    """A value safe inside a ListUsers filter's double quotes."""
    return value.replace("\\", "").replace('"', "")


class InMemoryDirectory:
    def __init__(self, users=()):
        self.users: dict[str, DirectoryUser] = {u.username: u for u in users}

    def email_of(self, username: str) -> str | None:
        user = self.users.get(username)
        return user.email if user else None

    def find(self, user_id: str) -> DirectoryUser | None:
        return next((u for u in self.users.values() if u.user_id == user_id), None)

    def find_by_email(self, email: str) -> DirectoryUser | None:
        return next((u for u in self.users.values() if u.email.lower() == email.lower()), None)

    def set_enabled(self, username: str, enabled: bool) -> None:
        self.users[username] = replace(self.users[username], enabled=enabled)

    def set_group(self, username: str, group: str, member: bool) -> None:
        user = self.users[username]
        groups = user.groups | {group} if member else user.groups - {group}
        self.users[username] = replace(user, groups=frozenset(groups))
