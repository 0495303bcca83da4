"""People with real accounts in moto's in-process Cognito, and tokens the app accepts for them.

The integration tokens come from tests.builders' own key and issuer; these tests also need a
user pool that holds each person's email (the API reads it with AdminGetUser), so the app is
pointed at a moto pool while keeping the test issuer and keys.
"""

from dataclasses import dataclass

import boto3

from chalicelib import bootstrap
from chalicelib.settings import get_settings, reset_settings
from tests.builders import TEST_ISSUER, TokenFactory


@dataclass(frozen=True)
class Person:
    user_id: str
    username: str
    email: str
    token: str


class CognitoPeople:
    def __init__(self, tokens: TokenFactory, monkeypatch):
        self.tokens = tokens
        self.cognito = boto3.client("cognito-idp", region_name=get_settings().region)
        self.pool_id = self.cognito.create_user_pool(PoolName="mentor-match-test", UsernameAttributes=["email"])[
            "UserPool"]["Id"]
        self.cognito.create_group(UserPoolId=self.pool_id, GroupName="admins")
        monkeypatch.setenv("COGNITO_USER_POOL_ID", self.pool_id)
        monkeypatch.setenv("COGNITO_ISSUER", TEST_ISSUER)
        reset_settings()
        bootstrap.reset()

    def add(self, email: str, admin: bool = False) -> Person:
        reply = self.cognito.admin_create_user(
            UserPoolId=self.pool_id, Username=email, MessageAction="SUPPRESS",
            UserAttributes=[{"Name": "email", "Value": email}],
        )
        username = reply["User"]["Username"]
        user_id = next(a["Value"] for a in reply["User"]["Attributes"] if a["Name"] == "sub")
        groups = {"cognito:groups": ["admins"]} if admin else {}
        if admin:
            self.cognito.admin_add_user_to_group(UserPoolId=self.pool_id, Username=username, GroupName="admins")
        return Person(user_id, username, email, self.tokens.mint(sub=user_id, username=username, **groups))

    def enabled(self, person: Person) -> bool:
        return self.cognito.admin_get_user(UserPoolId=self.pool_id, Username=person.username)["Enabled"]
