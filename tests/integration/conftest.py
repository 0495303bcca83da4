"""Integration layer: the real app and adapters against moto's in-process AWS.

moto starts once per session and every table is created once; each test starts from empty
tables, a fresh user pool (the one the settings name), no sent mail and an empty snapshot
bucket, seeded only with the test organisations.
"""

import threading
from types import SimpleNamespace

import boto3
import botocore.session
import pytest
from chalice.test import Client
from joserfc import jwk
from moto import mock_aws
from moto.cognitoidp import models as moto_cognito
from moto.cognitoidp.models import cognitoidp_backends
from moto.core import DEFAULT_ACCOUNT_ID
from moto.dynamodb.models import dynamodb_backends
from moto.dynamodb.responses import DynamoHandler
from moto.ses.models import ses_backends

from app import app
from chalicelib import bootstrap
from chalicelib.adapters.dynamo.tables import TABLES, bind_tables
from chalicelib.bootstrap import services
from chalicelib.settings import load_settings, reset_settings
from tests.app_client import AppClient
from tests.builders import TEST_ISSUER, TEST_ORGANISATIONS, TokenFactory
from tests.conftest import settings_environment
from tests.integration.journey import Journey
from tests.people import MotoPool, People


def share_moto_pool_key(patch: pytest.MonkeyPatch) -> None:
    """moto signs every user pool's tokens with the same RSA key from its package, and reads it
    again for each new pool, recovering the key's primes in Python (about 0.1 s of CPU a pool; each
    test makes a pool). Read once, the same key serves every pool."""
    key = jwk.RSAKey.import_key(moto_cognito.load_resource("cognitoidp/resources/jwks-private.json"))
    patch.setattr(moto_cognito, "jwk", SimpleNamespace(RSAKey=SimpleNamespace(import_key=lambda _data: key)))


@pytest.fixture(scope="session")
def emulated_aws(tmp_path_factory):
    """moto for the whole session, with every table and the snapshot bucket made once."""
    with pytest.MonkeyPatch.context() as patch:
        share_moto_pool_key(patch)
        for name, value in settings_environment(tmp_path_factory.mktemp("keys") / "jwks.json").items():
            patch.setenv(name, value)
        with mock_aws():
            settings = load_settings()
            bind_tables(settings)
            for model in TABLES.values():
                model.create_table(wait=True, billing_mode="PAY_PER_REQUEST")
            yield settings
    reset_settings()


def empty_emulated_aws(region: str) -> None:
    """Every table emptied in place (recreating 14 tables would cost a second a test), and a new
    start for Cognito and SES."""
    for table in dynamodb_backends[DEFAULT_ACCOUNT_ID][region].tables.values():
        table.items.clear()
    cognitoidp_backends[DEFAULT_ACCOUNT_ID].reset()
    ses_backends[DEFAULT_ACCOUNT_ID].reset()


@pytest.fixture(scope="session")
def emulated_clients(emulated_aws) -> SimpleNamespace:
    """The tests' own S3, Cognito and SES clients, made once: each costs 10-25 ms of CPU to make."""
    region = emulated_aws.region
    return SimpleNamespace(s3=boto3.resource("s3", region_name=region),
                           cognito=boto3.client("cognito-idp", region_name=region),
                           ses=boto3.client("ses", region_name=region))


@pytest.fixture
def aws(emulated_aws, emulated_clients, test_env, monkeypatch):
    """A clean emulated AWS for one test, and settings pointing at its user pool."""
    region = emulated_aws.region
    empty_emulated_aws(region)
    bucket = emulated_clients.s3.Bucket(emulated_aws.snapshot_bucket)
    if bucket.creation_date is None:
        bucket.create(CreateBucketConfiguration={"LocationConstraint": region})
    bucket.objects.all().delete()
    pool = MotoPool(emulated_clients.cognito)
    monkeypatch.setenv("COGNITO_USER_POOL_ID", pool.id)
    monkeypatch.setenv("COGNITO_ISSUER", TEST_ISSUER)  # tokens still come from the tests' own key
    reset_settings()
    bootstrap.reset()
    emulated_clients.ses.verify_email_identity(EmailAddress=services().settings.email_from)
    services().adapters.organisations.put_many(TEST_ORGANISATIONS)
    yield pool


@pytest.fixture
def made_clients(monkeypatch) -> list[str]:
    """The service names of the botocore clients made from now on, in order (a client re-reads its
    service's description: the composition root makes each once a process)."""
    made: list[str] = []
    create_client = botocore.session.Session.create_client

    def counted(self, service_name, *args, **kwargs):
        made.append(service_name)
        return create_client(self, service_name, *args, **kwargs)

    monkeypatch.setattr(botocore.session.Session, "create_client", counted)
    return made


@pytest.fixture
def people(aws, tokens: TokenFactory) -> People:
    return People(tokens, aws)


@pytest.fixture
def journey(api: AppClient, people: People) -> Journey:
    return Journey(api, people, services().settings.region)


@pytest.fixture
def api(aws) -> AppClient:
    with Client(app) as client:
        yield AppClient(client)


@pytest.fixture
def atomic_calls(monkeypatch):
    """Make each moto DynamoDB call atomic, as each real DynamoDB call is.

    moto's in-process DynamoDB applies a transaction item by item and rolls back by restoring
    whole-table copies, so concurrent threads can see writes that never commit or lose their own.
    Race tests lock around each call; between calls the threads still race freely.
    """
    lock = threading.Lock()
    original = DynamoHandler.call_action

    def one_at_a_time(self, *args, **kwargs):
        with lock:
            return original(self, *args, **kwargs)

    monkeypatch.setattr(DynamoHandler, "call_action", one_at_a_time)
