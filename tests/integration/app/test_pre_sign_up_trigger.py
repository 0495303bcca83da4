"""The Cognito PreSignUp trigger, invoked as Lambda would with hand-built events (tests/events/)."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from chalice.test import Client

from app import app
from chalicelib.bootstrap import services
from chalicelib.invitations import service
from tests.people import MotoPool

EVENTS = Path(__file__).resolve().parents[2] / "events"


def event(name: str, code: str | None = None) -> dict:
    body = json.loads((EVENTS / f"cognito_pre_sign_up_{name}.json").read_text())
    for source in ("clientMetadata", "validationData"):
        if code is not None and body["request"][source]:
            body["request"][source]["invitation"] = code
    return body


@pytest.fixture
def trigger(aws, emulated_clients):
    pool = MotoPool(emulated_clients.cognito)  # the trigger reads the pool its event names

    def invoke(payload):
        return client.lambda_.invoke("pre_sign_up", {**payload, "userPoolId": pool.id})

    with Client(app) as client:
        invoke.pool = pool
        yield invoke


def invitation(organisation_id="hm-revenue-customs", **changes) -> dict:
    body = {"organisation_id": organisation_id, "max_uses": 5, **changes}
    return service.create_invitation(body, "admin-1", services().invitations, datetime.now(UTC))


@pytest.mark.parametrize("name", ["work_email", "admin_create_user"])
def test_the_trigger_lets_the_sign_up_through_unchanged(trigger, name):
    assert trigger(event(name)).payload == {**event(name), "userPoolId": trigger.pool.id}


def test_a_new_linkedin_member_with_a_verified_email_is_let_through_for_the_gate_at_the_code_exchange(trigger):
    payload = event("linkedin_personal_email")
    payload["request"]["userAttributes"]["email_verified"] = "true"
    assert trigger(payload).payload["userName"] == "linkedin_abc123XYZ"


def test_a_linkedin_member_whose_email_linkedin_has_not_verified_is_refused(trigger):
    with pytest.raises(Exception, match="LinkedIn has not confirmed your email address"):
        trigger(event("linkedin_personal_email"))


def test_a_password_sign_up_for_an_email_linkedin_opened_an_account_for_is_told_to_continue_with_linkedin(trigger):
    client = trigger.pool.client
    identities = '[{"userId":"abc","providerName":"LinkedIn","providerType":"OIDC","issuer":null,"primary":"true"}]'
    client.admin_create_user(UserPoolId=trigger.pool.id, Username="priya.shah@cabinetoffice.gov.uk",
                             MessageAction="SUPPRESS",
                             UserAttributes=[{"Name": "email", "Value": "priya.shah@cabinetoffice.gov.uk"},
                                             {"Name": "identities", "Value": identities}])
    payload = event("work_email")
    payload["request"]["userAttributes"]["email"] = "priya.shah@cabinetoffice.gov.uk"
    with pytest.raises(Exception, match="Continue with LinkedIn"):
        trigger(payload)


@pytest.mark.parametrize("name", ["personal_email", "council_email"])
def test_the_trigger_refuses_with_a_message_saying_what_to_do(trigger, name):
    with pytest.raises(Exception, match="Ask your department for an invitation link"):
        trigger(event(name))


@pytest.mark.parametrize("name", ["invitation_in_client_metadata", "invitation_in_validation_data"])
def test_a_valid_invitation_code_sent_with_the_sign_up_lets_anyone_through(trigger, name):
    code = invitation()["code"]
    assert trigger(event(name, code)).payload == {**event(name, code), "userPoolId": trigger.pool.id}


def test_a_revoked_or_made_up_invitation_code_does_not(trigger):
    created = invitation()
    service.revoke_invitation(created["id"], "admin-1", services().invitations, datetime.now(UTC))
    for code in (created["code"], "made-up-made-up-made-up-made-up"):
        with pytest.raises(Exception, match="Ask your department"):
            trigger(event("invitation_in_client_metadata", code))


def test_checking_a_code_at_sign_up_does_not_use_it_up(trigger):
    created = invitation(max_uses=1)
    for _ in range(3):
        trigger(event("invitation_in_client_metadata", created["code"]))
    assert service.list_invitations(services().invitations, datetime.now(UTC))[0]["uses"] == 0
