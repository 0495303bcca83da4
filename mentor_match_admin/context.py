"""Where the CLI acts, and as whom: settings, the user pool, the caller's AWS identity."""

import getpass
import os
from dataclasses import dataclass

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from chalicelib.bootstrap import Services, aws_client, aws_session, build
from chalicelib.settings import load_settings


class SetupError(Exception):
    """The CLI cannot find what it should act on (the message says what to set)."""


@dataclass(frozen=True)
class Context:
    services: Services
    actor: str


def find_user_pool(cognito, name: str) -> str:
    kwargs = {"MaxResults": 60}
    while True:
        page = cognito.list_user_pools(**kwargs)
        for pool in page["UserPools"]:
            if pool["Name"] == name:
                return pool["Id"]
        if not page.get("NextToken"):
            raise SetupError(f"No user pool called {name}: set COGNITO_USER_POOL_ID.")
        kwargs["NextToken"] = page["NextToken"]


def caller_identity(session: boto3.session.Session) -> str:
    """The AWS identity running the CLI, for the audit log (the OS user if AWS will not say)."""
    try:
        return session.client("sts").get_caller_identity()["Arn"]
    except (BotoCoreError, ClientError):
        return f"os-user/{getpass.getuser()}"


def open_context() -> Context:
    """Settings from the environment; the stage's user pool found by name when none is set."""
    settings = load_settings()
    # The process's session and clients (bootstrap): a new session would read the service
    # descriptions again (about 0.2 s of CPU for STS's and Cognito's).
    session = aws_session(settings.region)
    if not settings.user_pool_id:
        cognito = aws_client(settings.region, settings.aws_endpoint_url, "cognito-idp")
        os.environ["COGNITO_USER_POOL_ID"] = find_user_pool(cognito, f"mentor-match-{settings.stage}")
        settings = load_settings()
    return Context(services=build(settings), actor=f"cli:{caller_identity(session)}")
