"""POST/DELETE /session and POST /session/refresh through the app: the cookie, the replies, the ends."""

import time
from dataclasses import replace

import pytest

from chalicelib import bootstrap
from tests.app_client import AppClient, Reply

PASSWORD = "correct horse battery"


def cookies_set(reply: Reply) -> dict[str, str]:
    """name -> the whole Set-Cookie value."""
    values = reply.headers.get("set-cookie") or reply.headers.get("Set-Cookie") or []
    values = values if isinstance(values, list) else [values]
    return {value.split("=", 1)[0]: value for value in values}


def cookie_header(reply: Reply) -> str:
    return "; ".join(value.split(";", 1)[0] for value in cookies_set(reply).values())


@pytest.fixture
def priya(services) -> str:
    services.adapters.sign_in.register("priya.shah@dwp.gov.uk", PASSWORD)
    return "priya.shah@dwp.gov.uk"


def sign_in(api: AppClient, email: str, password: str = PASSWORD) -> Reply:
    return api.call("POST", "/session", json_body={"email": email, "password": password})


def test_signing_in_sets_an_http_only_strict_cookie_and_replies_with_an_access_token_only(api, priya):
    reply = sign_in(api, priya)
    assert reply.status == 200
    assert set(reply.body) == {"access_token", "expires_at", "user"} and reply.body["user"]["email"] == priya
    session = cookies_set(reply)["mm_session"]
    assert "HttpOnly" in session and "SameSite=Strict" in session and "Path=/api/session" in session
    assert "Max-Age=2592000" in session
    assert "HttpOnly" not in cookies_set(reply)["mm_signed_in"]  # only a hint for the page, no secret in it
    assert reply.headers["Cache-Control"] == "no-store"
    assert api.call("GET", "/me/profile", reply.body["access_token"]).status == 404  # a token the API accepts


def test_the_session_cookie_is_secure_outside_a_local_copy(api, priya, services):
    bootstrap.use(replace(services, settings=replace(services.settings, session_cookie_secure=True)))
    assert "Secure" in cookies_set(sign_in(api, priya))["mm_session"]


def test_a_wrong_password_gets_401_and_sets_no_cookie(api, priya):
    reply = sign_in(api, priya, "wrong")
    assert (reply.status, reply.body["error"]["code"]) == (401, "sign_in_failed")
    assert cookies_set(reply) == {}


def test_an_unconfirmed_account_is_told_to_confirm_its_email(api, services):
    services.adapters.sign_in.register("new@dwp.gov.uk", PASSWORD, confirmed=False)
    reply = sign_in(api, "new@dwp.gov.uk")
    assert (reply.status, reply.body["error"]["code"]) == (403, "not_confirmed")


def test_a_new_tab_gets_a_fresh_access_token_from_the_cookie_alone(api, priya):
    cookie = cookie_header(sign_in(api, priya))
    reply = api.call("POST", "/session/refresh", headers={"Cookie": cookie})
    assert reply.status == 200 and reply.body["user"]["email"] == priya
    assert api.call("GET", "/me/profile", reply.body["access_token"]).status == 404


@pytest.mark.parametrize("cookie", ["", "mm_session=", "mm_session=forged", "other=1", "mm_session=\"x"])
def test_without_a_live_session_refresh_is_401_and_clears_the_cookies(api, cookie):
    reply = api.call("POST", "/session/refresh", headers={"Cookie": cookie} if cookie else {})
    assert (reply.status, reply.body["error"]["code"]) == (401, "session_ended")
    assert "Max-Age=0" in cookies_set(reply)["mm_session"]


def test_signing_out_clears_the_cookies_and_the_old_cookie_no_longer_works(api, priya):
    cookie = cookie_header(sign_in(api, priya))
    reply = api.call("DELETE", "/session", headers={"Cookie": cookie})
    assert reply.status == 204 and "Max-Age=0" in cookies_set(reply)["mm_signed_in"]
    assert api.call("POST", "/session/refresh", headers={"Cookie": cookie}).status == 401


def test_signing_out_with_the_access_token_ends_the_sessions_on_every_device(api, priya):
    laptop, phone = sign_in(api, priya), sign_in(api, priya)
    api.call("DELETE", "/session", laptop.body["access_token"], headers={"Cookie": cookie_header(laptop)})
    assert api.call("POST", "/session/refresh", headers={"Cookie": cookie_header(phone)}).status == 401


@pytest.mark.parametrize("email", ["priya.shah@dwp.gov.uk\u200b", "priya\u202eshah@dwp.gov.uk", "pr\x00iya@dwp.gov.uk",
                                   "\u200b\u200b\u200b", "x" * 300 + "@dwp.gov.uk"])
def test_a_sign_in_email_is_cleaned_like_every_other_input(api, priya, email):
    reply = sign_in(api, email)
    assert (reply.status, reply.body["error"]["code"]) == (400, "validation_error")
    assert "email" in reply.body["error"]["fields"] and cookies_set(reply) == {}


def test_a_sign_in_email_is_normalised_before_it_reaches_the_user_pool(api, priya):
    assert sign_in(api, "  \uff50riya.shah@dwp.gov.uk ").status == 200  # a full-width p is NFKC's "p"


@pytest.mark.parametrize("password", ["correct\x00horse", "\ud800x", "x" * 257])
def test_a_password_no_keyboard_types_is_refused_before_the_user_pool(api, priya, password):
    reply = sign_in(api, priya, password)
    assert (reply.status, reply.body["error"]["fields"].keys()) == (400, {"password"})


def test_a_password_is_sent_on_exactly_as_typed_not_normalised(api, services):
    services.adapters.sign_in.register("ana@dwp.gov.uk", " \uff21na's password ")
    assert sign_in(api, "ana@dwp.gov.uk", " \uff21na's password ").status == 200
    assert sign_in(api, "ana@dwp.gov.uk", "Ana's password").status == 401


def test_a_suspended_person_cannot_sign_in_and_is_told_so(api, priya, services):
    services.adapters.directory.set_enabled(services.adapters.directory.find_by_email(priya).username, False)
    reply = sign_in(api, priya)
    assert (reply.status, reply.body["error"]["code"]) == (403, "account_suspended")


def test_every_session_reply_is_never_cached(api, priya):
    signed_in = sign_in(api, priya)
    replies = [signed_in, sign_in(api, priya, "wrong"),
               api.call("POST", "/session/refresh", headers={"Cookie": cookie_header(signed_in)}),
               api.call("POST", "/session/refresh"),
               api.call("DELETE", "/session", headers={"Cookie": cookie_header(signed_in)})]
    assert [reply.headers.get("Cache-Control") for reply in replies] == ["no-store"] * 5


def test_signing_out_stops_access_tokens_other_tabs_still_hold_until_the_next_sign_in(api, priya, services):
    user = services.adapters.directory.find_by_email(priya)
    # a tab that signed in a minute ago (tokens carry their issue time to the second)
    other_tab = services.adapters.sign_in.mint(sub=user.user_id, username=user.username, iat=int(time.time()) - 60)
    this_tab = sign_in(api, priya)
    assert api.call("GET", "/me/profile", other_tab).status == 404  # works before
    api.call("DELETE", "/session", this_tab.body["access_token"], headers={"Cookie": cookie_header(this_tab)})
    refused = api.call("GET", "/me/profile", other_tab)
    assert (refused.status, refused.body["error"]["message"]) == (401, "You signed out. Sign in again to continue.")
    assert api.call("GET", "/me/profile", sign_in(api, priya).body["access_token"]).status == 404  # signed in again
