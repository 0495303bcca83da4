"""The sign-up gate's answers in GOV.UK style, and invitation codes carried through sign-up."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

GATE_REFUSAL = {
    "error": {
        "code": "sign_up_not_allowed",
        "message": "Mentor Match is open to people with a work email address of a member organisation, "
        "or with an invitation. Ask your department for an invitation link.",
    }
}


def test_an_email_address_outside_every_member_is_refused_on_its_own_page_before_any_account_is_made(
    page, site_url, password, assert_accessible
):
    """The issue's case: a gmail.com person could make an account locally and only met the refusal
    above an empty profile form. The API is asked first, so nothing is made."""
    sign_ups = []
    page.on("request", lambda request: sign_ups.append(request) if request.method == "POST" and "SignUp" in (
        request.headers.get("x-amz-target") or "") else None)
    page.goto(f"{site_url}/create-account")
    page.get_by_label("Email address").fill("someone@gmail.com")
    page.get_by_label("Create a password").fill(password)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/create-account/not-allowed/?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot create an account with this email address")
    expect(page.get_by_text("someone@gmail.com")).to_be_visible()
    expect(page.get_by_text("ask your department’s mentoring or learning and development team for an invitation link"))\
        .to_be_visible()
    assert_accessible(page)
    assert sign_ups == []


def test_a_refusal_from_the_user_pool_itself_is_the_same_page(page, site_url, password):
    def refuse(route):
        if "SignUp" in (route.request.headers.get("x-amz-target") or ""):
            route.fulfill(status=400, content_type="application/x-amz-json-1.1", body=json.dumps(
                {"__type": "UserLambdaValidationException", "message": "PreSignUp failed with error not allowed."}))
        else:
            route.continue_()

    page.route("**/cognito", refuse)
    page.route("**/api/sign-up/check", lambda route: route.fulfill(status=200, content_type="application/json",
                                                                   body=json.dumps({"organisation": {}})))
    page.goto(f"{site_url}/create-account")
    page.get_by_label("Email address").fill("someone@example.com")
    page.get_by_label("Create a password").fill(password)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/create-account/not-allowed/?$"))


def test_saving_a_first_profile_the_gate_refuses_says_to_ask_for_an_invitation_link(
    page, site_url, confirmed_account, api_sign_in, assert_accessible
):
    api_sign_in(page, confirmed_account["email"], confirmed_account["password"])

    def refuse(route):
        if route.request.method == "PUT":
            route.fulfill(status=403, content_type="application/json", body=json.dumps(GATE_REFUSAL))
        else:
            route.continue_()

    page.route("**/me/profile", refuse)
    page.route(
        "**/me/organisation",
        lambda route: route.fulfill(
            status=403, content_type="application/json", body=json.dumps(GATE_REFUSAL)
        ),
    )
    page.goto(f"{site_url}/profile/new/organisation")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("You cannot create a profile with this email address")
    expect(summary).to_contain_text("Ask your department for an invitation link.")
    assert_accessible(page)


def test_signing_up_through_an_invitation_link_sends_its_code_to_cognito(page, site_url, password):
    page.route(
        "**/api/invitations/*",
        lambda route: route.fulfill(
            status=200,
            content_type="application/json",
            body=json.dumps(
                {
                    "organisation": {"id": "home-office", "name": "Home Office"},
                    "expires_at": "2030-05-31T09:00:00+00:00",
                }
            ),
        ),
    )
    sent = []

    def capture(route):
        if "SignUp" in (route.request.headers.get("x-amz-target") or ""):
            sent.append(json.loads(route.request.post_data))
            route.fulfill(
                status=200,
                content_type="application/x-amz-json-1.1",
                body=json.dumps({"UserConfirmed": False, "UserSub": "x"}),
            )
        else:
            route.continue_()

    page.route("**/cognito", capture)
    page.goto(f"{site_url}/join?code=the-secret-code")
    expect(page.get_by_text("This invitation link works until 31 May 2030.")).to_be_visible()
    page.get_by_role("button", name="Create an account").click()
    page.wait_for_url(re.compile(r"/create-account$"))
    expect(page.get_by_text("You are joining through an invitation from Home Office")).to_be_visible()
    page.get_by_label("Email address").fill("someone@example.com")
    page.get_by_label("Create a password").fill(password)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/verify$"))
    assert sent[0]["ClientMetadata"] == {"invitation": "the-secret-code"}
    assert sent[0]["ValidationData"] == [{"Name": "invitation", "Value": "the-secret-code"}]
