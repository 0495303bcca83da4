"""Continue with LinkedIn against the running local stack: the stand-in, the hook's rules, the API's session."""

import uuid

import boto3
import pytest
import requests

from tests.e2e.api_client import api, cognito, request, sign_in
from tests.e2e.linkedin import continue_with_linkedin

pytestmark = pytest.mark.e2e


def new_email(domain="cabinetoffice.gov.uk") -> str:
    return f"linkedin.{uuid.uuid4().hex[:10]}@{domain}"


def users_with_email(stack, email: str) -> list:
    cognito_idp = boto3.client("cognito-idp", region_name=stack.region, endpoint_url=stack.moto_url,
                               aws_access_key_id="local", aws_secret_access_key="local")
    return cognito_idp.list_users(UserPoolId=stack.user_pool_id, Filter=f'email = "{email}"')["Users"]


def test_a_new_linkedin_member_on_a_work_domain_is_signed_in_with_a_token_the_api_accepts(local_stack):
    outcome = continue_with_linkedin(local_stack.site_url, new_email(), local_stack.demo_password)
    assert outcome.status == 200, outcome.body
    token = outcome.body["access_token"]
    assert api(local_stack.site_url, "GET", "/me/profile", token).status == 404  # signed in, no profile yet
    assert outcome.body["user"]["name"].startswith("Linkedin")
    cookie = "; ".join(f"{c.name}={c.value}" for c in outcome.cookies)
    refreshed = request("POST", f"{local_stack.site_url}/api/session/refresh", headers={"Cookie": cookie})
    assert refreshed.status == 200 and refreshed.body["user"]["user_id"] == outcome.body["user"]["user_id"]


def test_the_demo_logins_email_links_on_first_use_after_one_retry_and_is_the_same_account(local_stack):
    stack = local_stack
    password_session = sign_in(stack.site_url, stack.user_pool_client_id, stack.demo_user, stack.demo_password)
    first = continue_with_linkedin(stack.site_url, stack.demo_user, stack.demo_password)
    if first.error:  # the first sign-in that links answers as Cognito does; the site retries once
        assert first.error.startswith("Already found an entry for username LinkedIn_")
        first = continue_with_linkedin(stack.site_url, stack.demo_user, stack.demo_password)
    assert first.status == 200, first.body
    linked = api(stack.site_url, "GET", "/me/profile", first.body["access_token"], expect=200).body
    mine = api(stack.site_url, "GET", "/me/profile", password_session["AccessToken"], expect=200).body
    assert linked["user_id"] == mine["user_id"]
    assert len(users_with_email(stack, stack.demo_user)) == 1


def test_a_linkedin_email_on_an_unknown_domain_without_an_invitation_is_refused_and_no_account_is_kept(local_stack):
    email = new_email("gmail.com")
    outcome = continue_with_linkedin(local_stack.site_url, email, local_stack.demo_password)
    assert (outcome.status, outcome.body["error"]["code"]) == (403, "sign_up_not_allowed")
    assert users_with_email(local_stack, email) == []


def test_a_linkedin_member_with_an_invitation_is_admitted_into_its_organisation(local_stack):
    stack = local_stack
    admin = sign_in(stack.site_url, stack.user_pool_client_id, stack.demo_admin, stack.demo_password)
    code = api(stack.site_url, "POST", "/invitations", admin["AccessToken"],
               {"organisation_id": "ofsted", "max_uses": 2}, expect=201).body["code"]
    outcome = continue_with_linkedin(stack.site_url, new_email("gmail.com"), stack.demo_password, invitation=code)
    assert outcome.status == 200, outcome.body
    placed = api(stack.site_url, "GET", "/me/organisation", outcome.body["access_token"], expect=200).body
    assert [o["id"] for o in placed["organisations"]] == ["ofsted"]


def test_an_email_linkedin_has_not_verified_is_refused_before_any_account_is_made(local_stack):
    email = new_email()
    outcome = continue_with_linkedin(local_stack.site_url, email, local_stack.demo_password, verified=False)
    assert outcome.error.startswith("PreSignUp failed with error LinkedIn has not confirmed your email address")
    assert users_with_email(local_stack, email) == []


def test_a_password_sign_up_for_a_linkedin_only_email_is_told_to_continue_with_linkedin(local_stack):
    email = new_email()
    assert continue_with_linkedin(local_stack.site_url, email, local_stack.demo_password).status == 200
    reply = cognito(local_stack.site_url, "SignUp", {
        "ClientId": local_stack.user_pool_client_id, "Username": email, "Password": "Correct-Horse-42-Battery",
        "UserAttributes": [{"Name": "email", "Value": email}]})
    assert reply.status == 400 and reply.body["__type"] == "UserLambdaValidationException"
    assert "Continue with LinkedIn" in reply.body["message"]



def test_a_suspended_linkedin_member_cannot_sign_in_with_linkedin(local_stack):
    stack = local_stack
    outcome = continue_with_linkedin(stack.site_url, new_email(), stack.demo_password)
    admin = sign_in(stack.site_url, stack.user_pool_client_id, stack.demo_admin, stack.demo_password)
    user_id = outcome.body["user"]["user_id"]
    api(stack.site_url, "POST", f"/admin/users/{user_id}/suspend", admin["AccessToken"], expect=200)
    again = continue_with_linkedin(stack.site_url, outcome.body["user"]["email"], stack.demo_password)
    assert again.error == "User is disabled."


def test_the_verifier_accepts_a_real_stand_in_token_and_refuses_it_when_configured_for_another_issuer(
        local_stack, monkeypatch, tmp_path):
    """The API's own verifier, in process, over the stand-in's published keys: trusted issuer or not."""
    from dataclasses import replace

    from cognitojwt import jwt_sync

    from chalicelib.auth import TokenVerifier
    from chalicelib.errors import UnauthorisedError
    from chalicelib.settings import load_settings

    token = continue_with_linkedin(local_stack.site_url, new_email(), local_stack.demo_password).body["access_token"]
    jwks = tmp_path / "stand-in-jwks.json"
    jwks.write_bytes(requests.get(f"{local_stack.oidc_url}/.well-known/jwks.json", timeout=10).content)
    monkeypatch.setenv("AWS_COGNITO_JWKS_PATH", str(jwks))
    jwt_sync.get_keys.cache_clear()
    settings = replace(load_settings(), region=local_stack.region, user_pool_id=local_stack.user_pool_id,
                       user_pool_client_id=local_stack.user_pool_client_id, jwks_url=str(jwks))
    trusting = replace(settings, token_issuers=(settings.token_issuer, local_stack.oidc_url))
    assert TokenVerifier(trusting).verify(token).username
    for others in ((settings.token_issuer,), ("https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Other",)):
        with pytest.raises(UnauthorisedError, match="issued by someone else"):
            TokenVerifier(replace(settings, token_issuers=others)).verify(token)
    jwt_sync.get_keys.cache_clear()
