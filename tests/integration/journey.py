"""Builders for the journey's integration tests: people with real Cognito users (moto), tokens and profiles.

The ``api`` fixture's tokens come from a test key, not from a user pool; the journey also needs
Cognito for emails and account deletion. So a pool is made in moto, the settings are pointed at
it (the test issuer is kept), and each person is a real pool user whose token carries their sub.
"""

from dataclasses import dataclass, field, replace

import boto3
from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends

from chalicelib import bootstrap
from chalicelib.bootstrap import assemble, aws_adapters
from chalicelib.mentorships.stores import JourneyStores
from chalicelib.settings import get_settings, reset_settings
from infra.local.resources import user_pool_arguments
from tests.builders import TEST_ISSUER, TokenFactory, make_profile_body
from tests.fakes.accounts import InMemoryDirectory
from tests.fakes.notifications import InMemoryEmailSender
from tests.integration.conftest import ApiClient, Reply


@dataclass(frozen=True)
class Person:
    user_id: str
    email: str
    display_name: str
    token: str


@dataclass
class Journey:
    api: ApiClient
    tokens: TokenFactory
    pool_id: str
    region: str
    people: list[Person] = field(default_factory=list)

    def person(self, name: str = "", **profile) -> Person:
        number = len(self.people) + 1
        name = name or f"Test Person {number}"
        email = f"person.{number}.{self.pool_id[-6:].lower()}@dwp.gov.uk"
        cognito = boto3.client("cognito-idp", region_name=self.region)
        created = cognito.admin_create_user(UserPoolId=self.pool_id, Username=email, MessageAction="SUPPRESS",
                                            UserAttributes=[{"Name": "email", "Value": email}])
        sub = next(a["Value"] for a in created["User"]["Attributes"] if a["Name"] == "sub")
        token = self.tokens.mint(sub=sub, username=created["User"]["Username"])
        who = Person(sub, email, name, token)
        reply = self.api.call("PUT", "/me/profile", token, make_profile_body(display_name=name, **profile))
        assert reply.status == 200, reply.body
        self.people.append(who)
        return who

    def mentor(self, name: str = "", capacity: int = 2) -> Person:
        return self.person(name, roles=["mentor"], mentor_capacity=capacity, accepting_requests=True)

    def mentee(self, name: str = "") -> Person:
        return self.person(name, roles=["mentee"], mentor_capacity=0, accepting_requests=False)

    def call(self, who: Person, method: str, path: str, body=None, expect: int | None = None) -> Reply:
        reply = self.api.call(method, path, who.token, json_body=body)
        if expect is not None:
            assert reply.status == expect, f"{method} {path}: {reply.status} {reply.body}"
        return reply

    def ask(self, mentee: Person, mentor: Person, message: str = "Would you mentor me?") -> dict:
        return self.call(mentee, "POST", "/mentorships", {"mentor_id": mentor.user_id, "message": message},
                         expect=201).body

    def sent_emails(self) -> list:
        """What the emulated SES was given: objects with source, destinations, subject, body."""
        return list(ses_backends[DEFAULT_ACCOUNT_ID][self.region].sent_messages)


def start_journey(api: ApiClient, tokens: TokenFactory, monkeypatch) -> Journey:
    """A user pool and a verified sender in moto, and settings pointing at them."""
    settings = get_settings()
    cognito = boto3.client("cognito-idp", region_name=settings.region)
    pool_id = cognito.create_user_pool(**user_pool_arguments("mentor-match-test"))["UserPool"]["Id"]
    boto3.client("ses", region_name=settings.region).verify_email_identity(EmailAddress=settings.email_from)
    monkeypatch.setenv("COGNITO_USER_POOL_ID", pool_id)
    monkeypatch.setenv("COGNITO_ISSUER", TEST_ISSUER)
    reset_settings()
    bootstrap.reset()
    return Journey(api, tokens, pool_id, settings.region)


def dynamo_stores() -> JourneyStores:
    """The journey over DynamoDB (moto), with the user pool and email in memory."""
    settings = get_settings()
    adapters = replace(aws_adapters(settings), directory=InMemoryDirectory(), email=InMemoryEmailSender())
    return assemble(settings, adapters).journey
