"""Integration layer: the real app and repositories against moto's in-process DynamoDB."""

import json
from dataclasses import dataclass

import pytest
from chalice.test import Client
from moto import mock_aws

from app import app
from chalicelib.organisations import Organisation
from chalicelib.persistence.models import MODELS, bind_models
from chalicelib.persistence.organisations import DynamoOrganisationRepository
from chalicelib.settings import get_settings

TEST_ORGANISATIONS = (
    Organisation("department-for-work-pensions", "Department for Work and Pensions", "department",
                 "DWP", ("dwp.gov.uk",)),
    Organisation("hm-revenue-customs", "HM Revenue & Customs", "department", "HMRC", ("hmrc.gov.uk",)),
    Organisation("closed-agency", "A Closed Agency", "arms-length body", active=False),
)


@pytest.fixture
def aws(test_env):
    with mock_aws():
        bind_models(get_settings())
        for model in MODELS.values():
            model.create_table(wait=True, billing_mode="PAY_PER_REQUEST")
        DynamoOrganisationRepository().put_many(TEST_ORGANISATIONS)
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
