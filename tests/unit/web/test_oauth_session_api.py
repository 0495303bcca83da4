"""POST /session/oauth: the code from the hosted endpoints (LinkedIn through Cognito) becomes a session."""

import pytest

from chalicelib.sessions.domain import RefreshGrant
from tests.app_client import AppClient, Reply
from tests.unit.web.test_sessions_api import cookie_header, cookies_set

VERIFIER = "v" * 43
CALLBACK = "http://127.0.0.1:8000/auth/callback"  # SITE_URL's default + /auth/callback


@pytest.fixture
def linkedin_member(services):
    """A person LinkedIn has just opened an account for, on a member organisation's domain."""
    return services.adapters.directory.add("sub-li-1", "amara.okafor@dwp.gov.uk", username="linkedin_abc",
                                           federated_only=True)


def exchange(api: AppClient, services, username: str, **body) -> Reply:
    code = services.adapters.sign_in.issue_code(username, VERIFIER, CALLBACK)
    return api.call("POST", "/session/oauth",
                    json_body={"code": code, "code_verifier": VERIFIER, "redirect_uri": CALLBACK, **body})


def test_a_code_exchange_signs_in_with_the_same_cookie_as_a_password_and_flow_oauth(api, services, linkedin_member):
    reply = exchange(api, services, "linkedin_abc")
    assert reply.status == 200 and reply.body["user"]["email"] == "amara.okafor@dwp.gov.uk"
    session = cookies_set(reply)["mm_session"]
    assert "HttpOnly" in session and "SameSite=Strict" in session
    grant = RefreshGrant.decode(session.split(";", 1)[0].split("=", 1)[1])
    assert grant is not None and grant.flow == "oauth"
    assert "refresh" not in str(reply.body)
    assert api.call("GET", "/me/profile", reply.body["access_token"]).status == 404


def test_a_linkedin_session_refreshes_and_signs_out_like_a_password_one(api, services, linkedin_member):
    cookie = cookie_header(exchange(api, services, "linkedin_abc"))
    assert api.call("POST", "/session/refresh", headers={"Cookie": cookie}).status == 200
    assert api.call("DELETE", "/session", headers={"Cookie": cookie}).status == 204
    assert api.call("POST", "/session/refresh", headers={"Cookie": cookie}).status == 401


def test_a_member_the_gate_refuses_gets_403_no_cookie_and_no_account(api, services):
    services.adapters.directory.add("sub-li-2", "amara@gmail.com", username="linkedin_def", federated_only=True)
    reply = exchange(api, services, "linkedin_def")
    assert (reply.status, reply.body["error"]["code"]) == (403, "sign_up_not_allowed")
    assert cookies_set(reply) == {}
    assert services.adapters.directory.find("sub-li-2") is None
    assert services.adapters.sign_in.live == {}  # the refresh token it was given is revoked


def test_an_invitation_carried_through_the_sign_in_admits_the_member_to_its_organisation(api, services, people):
    services.adapters.directory.add("sub-li-3", "amara@gmail.com", username="linkedin_ghi", federated_only=True)
    admin = people.token(admin=True)
    code = api.call("POST", "/invitations", admin,
                    json_body={"organisation_id": "hm-revenue-customs", "max_uses": 2}).body["code"]
    reply = exchange(api, services, "linkedin_ghi", invitation=code)
    assert reply.status == 200
    organisations = api.call("GET", "/me/organisation", reply.body["access_token"]).body["organisations"]
    assert [o["id"] for o in organisations] == ["hm-revenue-customs"]


@pytest.mark.parametrize("body", [
    {},
    {"code": "c", "code_verifier": "short", "redirect_uri": CALLBACK},
    {"code": "c", "code_verifier": VERIFIER + "!", "redirect_uri": CALLBACK},
    {"code": "", "code_verifier": VERIFIER, "redirect_uri": CALLBACK},
    {"code": "c", "code_verifier": VERIFIER, "redirect_uri": "https://evil.example/auth/callback"},
    {"code": "c", "code_verifier": VERIFIER, "redirect_uri": CALLBACK, "extra": 1},
    {"code": 5, "code_verifier": VERIFIER, "redirect_uri": CALLBACK},
])
def test_a_malformed_exchange_gets_400_and_sets_no_cookie(api, services, body):
    reply = api.call("POST", "/session/oauth", json_body=body)
    assert (reply.status, reply.body["error"]["code"]) == (400, "validation_error")
    assert cookies_set(reply) == {}


def test_a_used_or_made_up_code_gets_401(api, services, linkedin_member):
    code = services.adapters.sign_in.issue_code("linkedin_abc", VERIFIER, CALLBACK)
    body = {"code": code, "code_verifier": VERIFIER, "redirect_uri": CALLBACK}
    assert api.call("POST", "/session/oauth", json_body=body).status == 200
    reply = api.call("POST", "/session/oauth", json_body=body)
    assert (reply.status, reply.body["error"]["code"]) == (401, "sign_in_failed")
