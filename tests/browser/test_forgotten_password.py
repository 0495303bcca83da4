"""Forgotten password: ask for a code, enter it with a new password, and be signed in; every
refusal explained on its question; the keyboard alone is enough."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
NEW_PASSWORD = "A-brand-new-Password-2027"


def cognito_refuses(page, action: str, error_type: str, message: str = "") -> None:
    """The user pool answers this action with this error (the emulator accepts any code)."""

    def answer(route):
        if route.request.headers.get("x-amz-target", "").endswith(f".{action}"):
            route.fulfill(status=400, content_type="application/x-amz-json-1.1",
                          body=json.dumps({"__type": error_type, "message": message}))
        else:
            route.continue_()

    page.route("**/cognito", answer)


def ask_for_a_code(page, site_url, email: str) -> None:
    page.goto(f"{site_url}/sign-in")
    page.get_by_role("link", name="Forgotten your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    page.get_by_label("Email address").fill(email)
    page.get_by_role("button", name="Send code").click()
    page.wait_for_url(re.compile(r"/forgotten-password/reset/?$"))


def test_someone_who_forgot_their_password_resets_it_with_a_code_and_is_signed_in(
    page, site_url, site_config, confirmed_account, sign_in, assert_accessible
):
    email = confirmed_account["email"]
    page.goto(f"{site_url}/forgotten-password")
    assert_accessible(page)
    page.get_by_role("button", name="Send code").click()
    expect(page.locator("#email-error")).to_contain_text("Enter your email address")
    assert_accessible(page)

    ask_for_a_code(page, site_url, email)
    expect(page.get_by_text(email)).to_be_visible()
    if site_config.get("cognitoEndpoint"):
        expect(page.get_by_text("On this local copy any 6-digit code works")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Code from the email").fill("123456")
    page.get_by_label("New password").fill("weak")
    page.get_by_role("button", name="Reset password and sign in").click()
    expect(page.locator("#password-error")).to_contain_text("Password must have at least 12 characters")
    assert_accessible(page)

    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Reset password and sign in").click()
    page.wait_for_url(re.compile(r"/profile/?$"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Your password has been changed")
    expect(page.get_by_role("link", name="Sign out")).to_be_visible()

    page.get_by_role("link", name="Sign out").click()
    page.wait_for_url(re.compile(r"/sign-out/?$"))
    sign_in(page, email, NEW_PASSWORD)  # the new password works


@pytest.mark.parametrize("error_type, control, text", [
    ("CodeMismatchException", "code", "The code is not correct"),
    ("ExpiredCodeException", "code", "The code has expired. Send a new code"),
    ("InvalidPasswordException", "password", "Password must have at least 12 characters"),
    ("LimitExceededException", None, "You have tried too many times"),
    ("TooManyFailedAttemptsException", None, "You have tried too many times"),
])
def test_each_refusal_of_the_code_or_password_is_explained(page, site_url, confirmed_account, error_type, control,
                                                           text):
    ask_for_a_code(page, site_url, confirmed_account["email"])
    cognito_refuses(page, "ConfirmForgotPassword", error_type)
    page.get_by_label("Code from the email").fill("123456")
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Reset password and sign in").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(text)
    if control:
        expect(page.locator(f"#{control}-error")).to_contain_text(text)
    expect(page).to_have_url(re.compile(r"/forgotten-password/reset/?$"))


def test_too_many_codes_asked_for_is_explained_on_the_first_step(page, site_url, confirmed_account):
    page.goto(f"{site_url}/forgotten-password")
    cognito_refuses(page, "ForgotPassword", "LimitExceededException", "Attempt limit exceeded")
    page.get_by_label("Email address").fill(confirmed_account["email"])
    page.get_by_role("button", name="Send code").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("You have tried too many times")


def test_a_forgotten_password_can_be_reset_with_the_keyboard_alone(page, site_url, confirmed_account, tab_to):
    keys = page.keyboard
    page.goto(f"{site_url}/sign-in")
    tab_to(page, page.get_by_role("link", name="Forgotten your password?"))
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/forgotten-password/?$"))
    tab_to(page, page.get_by_label("Email address"))
    keys.type(confirmed_account["email"])
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/forgotten-password/reset/?$"))
    tab_to(page, page.get_by_label("Code from the email"))
    keys.type("123456")
    keys.press("Tab")
    keys.type(NEW_PASSWORD)
    tab_to(page, page.get_by_role("button", name="Reset password and sign in"))
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/profile/?$"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Your password has been changed")


def test_every_page_links_to_get_help_whose_contact_route_is_the_one_administrators_set(page, site_url, site_config,
                                                                                         assert_accessible):
    page.goto(f"{site_url}/sign-in")
    page.get_by_role("contentinfo").get_by_role("link", name="Get help").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help with Mentor Match")
    email = site_config["help"]["email"]
    expect(page.get_by_role("link", name=email)).to_have_attribute("href", f"mailto:{email}")
    expect(page.locator("#help-contact")).to_contain_text(site_config["help"]["hours"])
    assert_accessible(page)
    page.goto(f"{site_url}/accessibility")
    expect(page.get_by_role("link", name=email)).to_be_visible()
