"""Onboarding through an invitation link, against the running local stack (as the site would do it).

An administrator creates an invitation; someone without a work email signs up (the code travels
with the sign-up as Cognito clientMetadata, which the PreSignUp trigger reads in AWS), redeems it
once signed in, and creates a profile in the invited organisation.
"""

import uuid

import pytest

from tests.builders import make_profile_body
from tests.e2e.api_client import api, cognito, sign_in

pytestmark = pytest.mark.e2e
ORGANISATION = "ofsted"  # no email domain of its own: only an invitation opens it


def sign_up(stack, email: str, code: str | None = None) -> dict:
    password = "Correct-Horse-42-Battery"
    payload = {"ClientId": stack.user_pool_client_id, "Username": email, "Password": password,
               "UserAttributes": [{"Name": "email", "Value": email}]}
    if code:
        payload["ClientMetadata"] = {"invitation": code}
    assert cognito(stack.site_url, "SignUp", payload).status == 200
    confirm = {"ClientId": stack.user_pool_client_id, "Username": email, "ConfirmationCode": "123456"}
    assert cognito(stack.site_url, "ConfirmSignUp", confirm).status == 200
    return sign_in(stack.site_url, stack.user_pool_client_id, email, password)


def test_an_invited_person_without_a_work_email_joins_the_invited_organisation(local_stack):
    site = local_stack.site_url
    admin = sign_in(site, local_stack.user_pool_client_id, local_stack.demo_admin, local_stack.demo_password)
    created = api(site, "POST", "/invitations", admin["AccessToken"],
                  {"organisation_id": ORGANISATION, "expires_in_days": 7, "max_uses": 3}, expect=201).body
    code = created["code"]
    assert api(site, "GET", f"/invitations/{code}", expect=200).body["organisation"]["id"] == ORGANISATION

    joiner = sign_up(local_stack, f"joiner.{uuid.uuid4().hex[:8]}@example.com", code)["AccessToken"]
    refused = api(site, "PUT", "/me/profile", joiner, make_profile_body(organisation_id=ORGANISATION), expect=403)
    assert "Ask your department for an invitation link" in refused.body["error"]["message"]

    joined = api(site, "POST", f"/invitations/{code}/redeem", joiner, expect=200).body
    assert joined["organisation"]["id"] == ORGANISATION
    assert api(site, "GET", "/me/organisation", joiner, expect=200).body["organisations"][0]["id"] == ORGANISATION
    api(site, "PUT", "/me/profile", joiner, make_profile_body(), expect=400)  # not the invited organisation
    profile = api(site, "PUT", "/me/profile", joiner, make_profile_body(organisation_id=ORGANISATION), expect=200).body
    assert profile["organisation_id"] == ORGANISATION

    listed = api(site, "GET", "/invitations", admin["AccessToken"], expect=200).body["invitations"]
    assert next(i for i in listed if i["id"] == created["id"])["uses"] == 1
    stats = api(site, "GET", "/admin/stats", admin["AccessToken"], expect=200).body
    assert next(r for r in stats["organisations"] if r["organisation_id"] == ORGANISATION)["people"] >= 1


def test_a_revoked_link_stops_working_at_once(local_stack):
    site = local_stack.site_url
    admin = sign_in(site, local_stack.user_pool_client_id, local_stack.demo_admin, local_stack.demo_password)
    created = api(site, "POST", "/invitations", admin["AccessToken"],
                  {"organisation_id": ORGANISATION, "max_uses": 3}, expect=201).body
    api(site, "DELETE", f"/invitations/{created['id']}", admin["AccessToken"], expect=204)
    gone = api(site, "GET", f"/invitations/{created['code']}", expect=404).body
    assert gone["error"]["code"] == "invitation_not_valid"


def test_the_admin_routes_refuse_people_who_are_not_administrators(local_stack):
    site = local_stack.site_url
    person = sign_in(site, local_stack.user_pool_client_id, local_stack.demo_user, local_stack.demo_password)
    api(site, "GET", "/admin/stats", person["AccessToken"], expect=403)
    api(site, "POST", "/invitations", person["AccessToken"], {"organisation_id": ORGANISATION, "max_uses": 1},
        expect=403)
