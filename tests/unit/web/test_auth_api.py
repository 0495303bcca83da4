"""Every non-public route refuses every bad token with our 401 JSON error, never a 500."""

import re

import pytest

from app import app
from chalicelib.accounts.domain import AccountStanding
from tests.builders import make_bad_tokens, make_profile_body

PUBLIC = {("/health", "GET"), ("/organisations", "GET"), ("/vocabulary/{kind}", "GET"),
          ("/invitations/{invitation}", "GET"),  # is this invitation link valid (issue 5)
          ("/session", "POST"), ("/session/refresh", "POST"), ("/session", "DELETE"),  # signing in and out
          ("/session/oauth", "POST"),  # signing in with LinkedIn (issue 8)
          ("/session/challenge", "POST"),  # answering a sign-in challenge (the session string is the proof)
          ("/openapi.json", "GET"),  # the published contract (issue 10)
          ("/sign-up/check", "POST")}  # may this email address make an account (issue 13)


def protected_routes() -> list[tuple[str, str]]:
    routes = []
    for path, methods in app.routes.items():
        for method, entry in methods.items():
            if (path, method) not in PUBLIC:
                assert entry.authorizer is not None, f"{method} {path} has no authorizer"
                routes.append((method, re.sub(r"\{[^}]+\}", "some-id", path)))
    return routes


def test_only_the_public_routes_are_public():
    public = {(path, method) for path, methods in app.routes.items()
              for method, entry in methods.items() if entry.authorizer is None}
    assert public == PUBLIC


@pytest.mark.parametrize("method, path", protected_routes())
def test_every_bad_token_gets_401_on_a_protected_route(api, tokens, tmp_path, method, path):
    for name, token in make_bad_tokens(tokens, tmp_path).items():
        reply = api.call(method, path, token, json_body=make_profile_body() if method in ("PUT", "POST") else None)
        assert reply.status == 401, f"{name}: {reply.status} {reply.body}"
        assert reply.body["error"]["code"] == "unauthorised", name


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Bearer", "Token abc", "Bearer a.b.c d"])
def test_a_malformed_authorization_header_gets_401(api, header):
    reply = api.call("GET", "/me/profile", headers={"Authorization": header})
    assert reply.status == 401
    assert reply.body["error"]["code"] == "unauthorised"


def test_no_authorization_header_at_all_gets_401(api):
    reply = api.call("GET", "/me/profile")
    assert reply.status == 401


def test_a_good_token_gets_through(api, people):
    assert api.call("GET", "/me/profile", people.token()).status == 404


def test_a_suspended_account_is_refused_even_with_a_valid_token(api, tokens, services):
    token = tokens.mint(sub="suspended-person")
    services.adapters.accounts.put(AccountStanding("suspended-person", "suspended", "2026-11-26T10:00:00+00:00"))
    reply = api.call("GET", "/me/profile", token)
    assert reply.status == 403
    assert "suspended" in reply.body["error"]["message"]


def test_a_deleted_account_s_unexpired_token_no_longer_works(api, tokens, services):
    token = tokens.mint(sub="gone")
    services.adapters.accounts.put(AccountStanding("gone", "deleted", "2026-11-26T10:00:00+00:00"))
    assert api.call("GET", "/me/profile", token).status == 401
