"""People with accounts and tokens the app accepts: the one helper every API test layer uses.

Tokens come from the tests' own key (``TokenFactory``); the account lives in a user pool, which
is moto's Cognito in the integration layer and the in-memory directory in the unit layer. The
API reads a person's email from the pool (the sign-up gate, emails), so every token a test
sends belongs to a person made here.
"""

import itertools
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from chalicelib.auth import ADMINS_GROUP
from infra.local.resources import user_pool_arguments
from tests.builders import TokenFactory
from tests.fakes.accounts import InMemoryDirectory

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp import CognitoIdentityProviderClient

_numbers = itertools.count(1)


@dataclass(frozen=True)
class Person:
    user_id: str
    username: str
    email: str
    token: str


class Pool(Protocol):
    def create(self, email: str, admin: bool) -> tuple[str, str]:
        """Make the account; (username, sub)."""
        ...

    def enabled(self, username: str) -> bool: ...


class MotoPool:
    """A user pool in moto made from the CloudFormation's own properties, with the admins group."""

    def __init__(self, client: "CognitoIdentityProviderClient"):
        self.client = client
        self.id = self.client.create_user_pool(**user_pool_arguments("mentor-match-test"))["UserPool"]["Id"]
        self.client.create_group(UserPoolId=self.id, GroupName=ADMINS_GROUP)

    def create(self, email: str, admin: bool) -> tuple[str, str]:
        reply = self.client.admin_create_user(UserPoolId=self.id, Username=email, MessageAction="SUPPRESS",
                                              UserAttributes=[{"Name": "email", "Value": email}])
        username = reply["User"]["Username"]
        if admin:
            self.client.admin_add_user_to_group(UserPoolId=self.id, Username=username, GroupName=ADMINS_GROUP)
        return username, next(a["Value"] for a in reply["User"]["Attributes"] if a["Name"] == "sub")

    def enabled(self, username: str) -> bool:
        return bool(self.client.admin_get_user(UserPoolId=self.id, Username=username)["Enabled"])


class InMemoryPool:
    def __init__(self, directory: InMemoryDirectory):
        self.directory = directory

    def create(self, email: str, admin: bool) -> tuple[str, str]:
        sub = str(uuid.uuid4())
        self.directory.add(sub, email, groups=[ADMINS_GROUP] if admin else [])
        return sub, sub

    def enabled(self, username: str) -> bool:
        return self.directory.users[username].enabled


class People:
    def __init__(self, tokens: TokenFactory, pool: Pool):
        self.tokens, self.pool = tokens, pool

    def add(self, email: str = "", admin: bool = False, sub: str = "") -> Person:
        """A person with an account (a DWP address unless given) and a token; ``sub`` overrides the token's."""
        email = email or f"person.{next(_numbers)}@dwp.gov.uk"
        username, real_sub = self.pool.create(email, admin)
        groups = {"cognito:groups": [ADMINS_GROUP]} if admin else {}
        user_id = sub or real_sub
        return Person(user_id, username, email, self.tokens.mint(sub=user_id, username=username, **groups))

    def token(self, email: str = "", admin: bool = False, sub: str = "") -> str:
        return self.add(email, admin, sub).token

    def enabled(self, person: Person) -> bool:
        return self.pool.enabled(person.username)
