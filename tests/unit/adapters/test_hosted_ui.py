"""The token endpoint client: the code exchange, refresh and revocation as Cognito's /oauth2 paths take them."""

import pytest

from chalicelib.adapters.hosted_ui import HostedUiTokens
from chalicelib.errors import SessionEndedError, SignInFailedError

BASE = "https://mentor-match-prod.auth.eu-west-2.amazoncognito.com"
TOKENS = {"access_token": "a.b.c", "id_token": "d.e.f", "refresh_token": "r", "expires_in": 3600,
          "token_type": "Bearer"}


class Endpoint:
    def __init__(self, *replies):
        self.replies, self.calls = list(replies), []

    def __call__(self, url, form):
        self.calls.append((url, form))
        return self.replies.pop(0)


def test_a_code_is_exchanged_with_its_verifier_and_redirect_uri_and_no_secret():
    endpoint = Endpoint((200, TOKENS))
    tokens = HostedUiTokens(BASE + "/", "client-1", endpoint).exchange_code("the-code", "v" * 43, "https://s/cb")
    assert (tokens.access_token, tokens.refresh_token, tokens.expires_in) == ("a.b.c", "r", 3600)
    assert endpoint.calls == [(f"{BASE}/oauth2/token", {
        "grant_type": "authorization_code", "client_id": "client-1", "code": "the-code",
        "code_verifier": "v" * 43, "redirect_uri": "https://s/cb"})]


def test_a_refused_code_is_a_sign_in_failure_and_an_outage_is_not():
    with pytest.raises(SignInFailedError):
        HostedUiTokens(BASE, "c", Endpoint((400, {"error": "invalid_grant"}))).exchange_code("x", "v" * 43, "u")
    with pytest.raises(RuntimeError):
        HostedUiTokens(BASE, "c", Endpoint((503, {}))).exchange_code("x", "v" * 43, "u")


def test_refresh_uses_the_refresh_token_grant_and_a_refused_one_ends_the_session():
    endpoint = Endpoint((200, {**TOKENS, "refresh_token": ""}), (400, {"error": "invalid_grant"}))
    hosted = HostedUiTokens(BASE, "c", endpoint)
    assert hosted.refresh("r").access_token == "a.b.c"
    assert endpoint.calls[0][1] == {"grant_type": "refresh_token", "client_id": "c", "refresh_token": "r"}
    with pytest.raises(SessionEndedError):
        hosted.refresh("r")


def test_revoking_posts_the_token_to_the_revocation_endpoint_and_never_fails():
    endpoint = Endpoint((200, {}), (400, {"error": "unsupported_token_type"}))
    hosted = HostedUiTokens(BASE, "c", endpoint)
    hosted.revoke("r")
    hosted.revoke("r")
    assert endpoint.calls[0] == (f"{BASE}/oauth2/revoke", {"token": "r", "client_id": "c"})
