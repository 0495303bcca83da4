"""The Cognito PreSignUp trigger, invoked as Lambda would with hand-built events (tests/events/)."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from chalice.test import Client

from app import app
from chalicelib.bootstrap import services
from chalicelib.invitations import service

EVENTS = Path(__file__).resolve().parents[2] / "events"


def event(name: str, code: str | None = None) -> dict:
    body = json.loads((EVENTS / f"cognito_pre_sign_up_{name}.json").read_text())
    for source in ("clientMetadata", "validationData"):
        if code is not None and body["request"][source]:
            body["request"][source]["invitation"] = code
    return body


@pytest.fixture
def trigger(aws):
    with Client(app) as client:
        yield lambda payload: client.lambda_.invoke("pre_sign_up", payload)


def invitation(organisation_id="hm-revenue-customs", **changes) -> dict:
    body = {"organisation_id": organisation_id, "max_uses": 5, **changes}
    return service.create_invitation(body, "admin-1", services().invitations, datetime.now(UTC))


@pytest.mark.parametrize("name", ["work_email", "admin_create_user"])
def test_the_trigger_lets_the_sign_up_through_unchanged(trigger, name):
    assert trigger(event(name)).payload == event(name)


@pytest.mark.parametrize("name", ["personal_email", "council_email", "linkedin_personal_email"])
def test_the_trigger_refuses_with_a_message_saying_what_to_do(trigger, name):
    with pytest.raises(Exception, match="Ask your department for an invitation link"):
        trigger(event(name))


@pytest.mark.parametrize("name", ["invitation_in_client_metadata", "invitation_in_validation_data"])
def test_a_valid_invitation_code_sent_with_the_sign_up_lets_anyone_through(trigger, name):
    code = invitation()["code"]
    assert trigger(event(name, code)).payload == event(name, code)


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
