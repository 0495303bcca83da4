"""The session through the site's own origin: cookies set by the API reach the browser through the
site server, a new tab gets an access token from them, and signing out ends them."""

import pytest

from tests.e2e.api_client import api, request

pytestmark = pytest.mark.e2e


def test_signing_in_through_the_site_sets_both_cookies_and_a_new_tab_gets_a_token_from_them(local_stack):
    site = local_stack.site_url
    signed = request("POST", f"{site}/api/session", {"email": local_stack.demo_user,
                                                      "password": local_stack.demo_password})
    assert signed.status == 200, signed.body
    cookies = signed.cookies
    assert {c.split("=", 1)[0] for c in cookies} == {"mm_session", "mm_signed_in"}
    assert api(site, "GET", "/me/profile", signed.body["access_token"], expect=200).body["display_name"]
    jar = "; ".join(c.split(";", 1)[0] for c in cookies)
    fresh = request("POST", f"{site}/api/session/refresh", headers={"Cookie": jar})
    assert fresh.status == 200 and fresh.body["user"]["email"] == local_stack.demo_user
    assert api(site, "GET", "/me/profile", fresh.body["access_token"], expect=200)
    out = request("DELETE", f"{site}/api/session", headers={"Cookie": jar,
                                                             "Authorization": f"Bearer {fresh.body['access_token']}"})
    assert out.status == 204 and all("Max-Age=0" in c for c in out.cookies)


def test_a_wrong_password_through_the_site_is_401_with_no_cookie(local_stack):
    reply = request("POST", f"{local_stack.site_url}/api/session", {"email": local_stack.demo_user,
                                                                     "password": "not-the-password"})
    assert (reply.status, reply.body["error"]["code"]) == (401, "sign_in_failed")
    assert reply.cookies == []
