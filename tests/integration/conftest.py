"""Integration layer: the real app and repositories against moto's in-process DynamoDB."""

import json
import threading
from dataclasses import dataclass

import boto3
import botocore.session
import pytest
from chalice.test import Client
from moto import mock_aws
from moto.dynamodb.responses import DynamoHandler
from pynamodb.connection import base as pynamodb_connection

from app import app
from chalicelib.adapters.dynamo.organisations import DynamoOrganisationRepository
from chalicelib.adapters.dynamo.tables import TABLES, bind_tables
from chalicelib.organisations.domain import Organisation
from chalicelib.settings import get_settings

TEST_ORGANISATIONS = (
    Organisation("department-for-work-pensions", "Department for Work and Pensions", "department",
                 "DWP", ("dwp.gov.uk",)),
    Organisation("hm-revenue-customs", "HM Revenue & Customs", "department", "HMRC", ("hmrc.gov.uk",)),
    Organisation("closed-agency", "A Closed Agency", "arms-length body", active=False),
)


def share_one_botocore_session(monkeypatch) -> None:
    """PynamoDB makes a new botocore session (re-reading DynamoDB's service description) for every
    model's connection; one shared session makes the integration layer several times faster."""
    shared = botocore.session.get_session()
    monkeypatch.setattr(pynamodb_connection, "get_session", lambda: shared)


@pytest.fixture
def aws(test_env, monkeypatch):
    share_one_botocore_session(monkeypatch)
    with mock_aws():
        bind_tables(get_settings())
        for model in TABLES.values():
            model.create_table(wait=True, billing_mode="PAY_PER_REQUEST")
        DynamoOrganisationRepository().put_many(TEST_ORGANISATIONS)
        settings = get_settings()
        boto3.client("s3", region_name=settings.region).create_bucket(
            Bucket=settings.snapshot_bucket, CreateBucketConfiguration={"LocationConstraint": settings.region})
        yield


@dataclass
class Reply:
    status: int
    body: object
    headers: dict


@dataclass
class ApiClient:
    """Calls the app through Chalice's test client, the way API Gateway would."""

    client: Client

    def call(self, method: str, path: str, token: str | None = None, json_body=None, body=None,
             headers: dict | None = None) -> Reply:
        sent = dict(headers or {})
        if token is not None:
            sent.setdefault("Authorization", f"Bearer {token}")
        if json_body is not None:
            body = json.dumps(json_body)
            sent.setdefault("Content-Type", "application/json")
        reply = getattr(self.client.http, method.lower())(path, headers=sent, body=body)
        parsed = json.loads(reply.body) if reply.body else None
        return Reply(reply.status_code, parsed, dict(reply.headers))


@pytest.fixture
def api(aws) -> ApiClient:
    with Client(app) as client:
        yield ApiClient(client)


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
