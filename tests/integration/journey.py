"""Builders for the journey's integration tests: people with moto Cognito accounts, tokens and profiles."""

from dataclasses import dataclass, field, replace

from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends

from chalicelib.bootstrap import assemble, aws_adapters
from chalicelib.mentorships.stores import JourneyStores
from chalicelib.settings import get_settings
from tests.app_client import AppClient, Reply
from tests.builders import make_profile_body
from tests.fakes.accounts import InMemoryDirectory
from tests.fakes.notifications import InMemoryEmailSender
from tests.people import People


@dataclass(frozen=True)
class Member:
    """A person with an account, a token and a profile."""

    user_id: str
    email: str
    display_name: str
    token: str


@dataclass
class Journey:
    api: AppClient
    accounts: People
    region: str
    people: list[Member] = field(default_factory=list)

    @property
    def pool_id(self) -> str:
        return self.accounts.pool.id

    def person(self, name: str = "", **profile) -> Member:
        name = name or f"Test Member {len(self.people) + 1}"
        account = self.accounts.add()
        who = Member(account.user_id, account.email, name, account.token)
        reply = self.api.call("PUT", "/me/profile", who.token, make_profile_body(display_name=name, **profile))
        assert reply.status == 200, reply.body
        self.people.append(who)
        return who

    def mentor(self, name: str = "", capacity: int = 2) -> Member:
        return self.person(name, roles=["mentor"], mentor_capacity=capacity, accepting_requests=True)

    def mentee(self, name: str = "") -> Member:
        return self.person(name, roles=["mentee"], mentor_capacity=0, accepting_requests=False)

    def call(self, who: Member, method: str, path: str, body=None, expect: int | None = None) -> Reply:
        reply = self.api.call(method, path, who.token, json_body=body)
        if expect is not None:
            assert reply.status == expect, f"{method} {path}: {reply.status} {reply.body}"
        return reply

    def ask(self, mentee: Member, mentor: Member, message: str = "Would you mentor me?") -> dict:
        return self.call(mentee, "POST", "/mentorships", {"mentor_id": mentor.user_id, "message": message},
                         expect=201).body

    def sent_emails(self) -> list:
        """What the emulated SES was given: objects with source, destinations, subject, body."""
        return list(ses_backends[DEFAULT_ACCOUNT_ID][self.region].sent_messages)


def dynamo_stores() -> JourneyStores:
    """The journey over DynamoDB (moto), with the user pool and email in memory."""
    settings = get_settings()
    adapters = replace(aws_adapters(settings), directory=InMemoryDirectory(), email=InMemoryEmailSender())
    return assemble(settings, adapters).journey
