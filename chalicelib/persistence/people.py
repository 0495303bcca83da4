"""Email look-ups and account deletion for the mentorship journey: Cognito knows each person's
email; nothing else in the service stores it.

Emails are looked up only to send a notification or to show an accepted mentorship's other
person, and deleting an account deletes its Cognito user.
"""

import logging
from typing import Protocol

logger = logging.getLogger(__name__)


class PeopleDirectory(Protocol):
    def email_of(self, user_id: str) -> str | None:
        """The person's email, or None if there is no such user (any more)."""

    def delete_user(self, username: str) -> None:
        """Delete the user; a user already gone is not an error (deleting twice is safe)."""


class InMemoryPeopleDirectory:
    def __init__(self, emails: dict[str, str] | None = None):
        self.emails = dict(emails or {})

    def email_of(self, user_id: str) -> str | None:
        return self.emails.get(user_id)

    def delete_user(self, username: str) -> None:
        self.emails.pop(username, None)


class CognitoPeopleDirectory:
    def __init__(self, client, user_pool_id: str):
        self._client = client
        self._pool_id = user_pool_id

    def email_of(self, user_id: str) -> str | None:
        attributes = self._attributes(user_id)
        return attributes.get("email") if attributes else None

    def delete_user(self, username: str) -> None:
        try:
            self._client.admin_delete_user(UserPoolId=self._pool_id, Username=username)
        except self._client.exceptions.UserNotFoundException:
            logger.info("cognito user %s was already deleted", username)

    def _attributes(self, user_id: str) -> dict[str, str] | None:
        # A password account's username is its sub; a LinkedIn one's is not, so fall back to a search.
        try:
            reply = self._client.admin_get_user(UserPoolId=self._pool_id, Username=user_id)
            return {a["Name"]: a["Value"] for a in reply.get("UserAttributes", [])}
        except self._client.exceptions.UserNotFoundException:
            pass
        users = self._client.list_users(UserPoolId=self._pool_id, Filter=f'sub = "{user_id}"', Limit=1)["Users"]
        return {a["Name"]: a["Value"] for a in users[0].get("Attributes", [])} if users else None
