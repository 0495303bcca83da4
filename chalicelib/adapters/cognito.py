"""The Cognito user pool as ``accounts.ports.Directory``: emails, enabling, groups, deleting.

Cognito access tokens carry no email, so the API reads it here, and only here: to send a
notification, to show an accepted mentorship's other person, to apply the sign-up gate.
Password users' usernames are their ``sub`` (the pool uses email as an alias), so a lookup by
user id tries the id as a username first; other users (LinkedIn) are found by a ``sub`` filter.
"""

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from chalicelib.accounts.domain import DirectoryUnavailableError, DirectoryUser

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp import CognitoIdentityProviderClient
    from mypy_boto3_cognito_idp.type_defs import AttributeTypeTypeDef

logger = logging.getLogger(__name__)


def _attributes(raw: Sequence["AttributeTypeTypeDef"]) -> dict[str, str]:
    return {a["Name"]: a["Value"] for a in raw}


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def quoted(value: str) -> str:
    """A value safe inside a ListUsers filter's double quotes."""
    return value.replace("\\", "").replace('"', "")


class CognitoDirectory:
    def __init__(self, client: "CognitoIdentityProviderClient", user_pool_id: str):
        self._client = client
        self._pool = user_pool_id

    def email_of(self, user_id: str) -> str | None:
        person = self.find(user_id)
        return person.email if person else None

    def find(self, user_id: str) -> DirectoryUser | None:
        return self._by_username(user_id) or self._first(f'sub = "{quoted(user_id)}"')

    def find_by_email(self, email: str) -> DirectoryUser | None:
        return self._first(f'email = "{quoted(email)}"')

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

    def delete_user(self, username: str) -> None:
        try:
            self._client.admin_delete_user(UserPoolId=self._pool, Username=username)
        except ClientError as error:
            if _error_code(error) != "UserNotFoundException":
                raise
            logger.info("cognito user %s was already deleted", username)

    def _by_username(self, username: str) -> DirectoryUser | None:
        try:
            reply = self._client.admin_get_user(UserPoolId=self._pool, Username=username)
        except ClientError as error:
            return self._absent(error)
        attributes = _attributes(reply.get("UserAttributes", []))
        return DirectoryUser(username=reply["Username"], user_id=attributes.get("sub", ""),
                             email=attributes.get("email", ""), enabled=bool(reply.get("Enabled", True)))

    def _first(self, filter_expression: str) -> DirectoryUser | None:
        try:
            users = self._client.list_users(UserPoolId=self._pool, Filter=filter_expression, Limit=1)["Users"]
        except ClientError as error:
            return self._absent(error)
        if not users:
            return None
        attributes = _attributes(users[0].get("Attributes", []))
        return DirectoryUser(username=users[0]["Username"], user_id=attributes.get("sub", ""),
                             email=attributes.get("email", ""), enabled=bool(users[0].get("Enabled", True)))

    def _absent(self, error: ClientError) -> DirectoryUser | None:
        """No such user is an answer; no such pool, or anything else, is not."""
        if _error_code(error) == "UserNotFoundException":
            return None
        if _error_code(error) == "ResourceNotFoundException":
            raise DirectoryUnavailableError(self._pool) from None
        raise error
