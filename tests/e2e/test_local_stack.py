"""The running local stack, as a client that knows only the README, /config.json and the API."""

import re
from pathlib import Path

import pytest

from infra.deploy import content_headers
from tests.builders import make_profile_body
from tests.e2e.api_client import api, request, sign_in, sign_up_and_sign_in

pytestmark = pytest.mark.e2e


def test_the_site_and_its_config_are_served_from_one_origin(local_stack):
    page = request("GET", local_stack.site_url + "/")
    assert page.status == 200
    assert "Mentor Match" in page.body
    config = request("GET", local_stack.site_url + "/config.json").body
    assert config["apiUrl"] == "/api"
    assert config["userPoolId"] == local_stack.user_pool_id
    assert config["userPoolClientId"] == local_stack.user_pool_client_id
    assert config["region"] and config["cognitoEndpoint"]
    assert config["help"]["email"] and config["help"]["hours"]  # the "Get help" page's contact route


def test_the_site_caches_its_files_as_the_deployed_site_does(local_stack):
    """Pages and /config.json are asked for again each time; styles, scripts and images are kept for
    an hour, as the deploy stores them in S3 (so a browser does not fetch and parse the GOV.UK styles
    and scripts again on every page)."""
    page = request("GET", local_stack.site_url + "/sign-in")
    assert page.headers["Cache-Control"] == content_headers(Path("index.html"))["CacheControl"] == "no-cache"
    assets = re.findall(r'(?:href|src)="(/[^"?]+\.(?:css|js|png|svg)(?:\?[^"]*)?)"', page.body)
    assert any(".css" in asset for asset in assets) and any(".js" in asset for asset in assets)
    for asset in assets:
        reply = request("GET", local_stack.site_url + asset)
        assert reply.status == 200, asset
        assert reply.headers["Cache-Control"] == content_headers(Path(asset.split("?")[0]))["CacheControl"], asset
        assert reply.headers["Cache-Control"] == "public, max-age=3600", asset
    assert request("GET", local_stack.site_url + "/config.json").headers["Cache-Control"] == "no-store"


def test_the_api_is_reachable_through_the_site(local_stack):
    assert api(local_stack.site_url, "GET", "/health", expect=200).body == {"status": "ok"}


def test_each_reply_counts_the_dynamodb_calls_it_made_for_make_load(local_stack):
    """`make load` reports DynamoDB calls per route from this header; the API processes' DynamoDB
    client is made before gunicorn forks them, and must still count."""
    assert api(local_stack.site_url, "GET", "/health", expect=200).headers["X-DynamoDB-Calls"] == "0"
    _, tokens = sign_up_and_sign_in(local_stack.site_url, local_stack.user_pool_client_id)
    reply = api(local_stack.site_url, "GET", "/me/profile", tokens["AccessToken"], expect=404)
    assert int(reply.headers["X-DynamoDB-Calls"]) >= 1


def test_organisations_are_the_seeded_real_departments(local_stack):
    organisations = api(local_stack.site_url, "GET", "/organisations", expect=200).body["organisations"]
    names = {org["name"] for org in organisations}
    assert {"Department for Work and Pensions", "HM Revenue & Customs", "Cabinet Office"} <= names
    assert len(organisations) > 100
    assert {org["kind"] for org in organisations} >= {"department", "arms-length body"}


def test_a_new_person_signs_up_and_builds_a_profile(local_stack):
    _, tokens = sign_up_and_sign_in(local_stack.site_url, local_stack.user_pool_client_id)
    token = tokens["AccessToken"]
    api(local_stack.site_url, "GET", "/me/profile", token, expect=404)
    saved = api(local_stack.site_url, "PUT", "/me/profile", token, make_profile_body(), expect=200).body
    assert saved["version"] == 1
    assert api(local_stack.site_url, "GET", "/me/profile", token, expect=200).body == saved
    updated = api(local_stack.site_url, "PUT", "/me/profile", token,
                  make_profile_body(location="Glasgow", version=1), expect=200).body
    assert updated["version"] == 2
    api(local_stack.site_url, "PUT", "/me/profile", token, make_profile_body(version=1), expect=409)


def test_the_demo_login_has_a_profile_others_can_see(local_stack):
    tokens = sign_in(local_stack.site_url, local_stack.user_pool_client_id,
                     local_stack.demo_user, local_stack.demo_password)
    mine = api(local_stack.site_url, "GET", "/me/profile", tokens["AccessToken"], expect=200).body
    _, other = sign_up_and_sign_in(local_stack.site_url, local_stack.user_pool_client_id)
    seen = api(local_stack.site_url, "GET", f"/profiles/{mine['user_id']}", other["AccessToken"], expect=200).body
    assert seen["display_name"] == mine["display_name"]
    assert "version" not in seen


def test_an_id_token_or_no_token_is_refused_with_401(local_stack):
    _, tokens = sign_up_and_sign_in(local_stack.site_url, local_stack.user_pool_client_id)
    refused = api(local_stack.site_url, "GET", "/me/profile", tokens["IdToken"], expect=401)
    assert refused.body["error"]["code"] == "unauthorised"
    api(local_stack.site_url, "GET", "/me/profile", expect=401)
    api(local_stack.site_url, "GET", "/me/profile", "garbage", expect=401)


def test_the_demo_admin_token_carries_the_admins_group(local_stack):
    tokens = sign_in(local_stack.site_url, local_stack.user_pool_client_id,
                     local_stack.demo_admin, local_stack.demo_password)
    from jose import jwt
    assert "admins" in jwt.get_unverified_claims(tokens["AccessToken"])["cognito:groups"]


def test_a_client_asking_to_close_the_connection_is_told_it_is_closed(local_stack):
    """A pooling client (locust's) otherwise reuses the closed connection for its next POST."""
    reply = request("GET", f"{local_stack.site_url}/api/health", headers={"Connection": "close"})
    assert reply.headers.get("Connection") == "close"
