"""Creating an account and signing in: errors in plain English, and the keyboard alone is enough."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MAX_TABS = 15


def tab_to(page, element_id: str) -> None:
    """Presses Tab until the element with this id has focus (fails if it never does)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
            return
    pytest.fail(f"Tab never reached #{element_id}")


def focus_is_visible(page) -> bool:
    """GOV.UK focus styles: a yellow outline or box shadow on whatever has focus."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement)
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
        }"""
    )


def test_the_sign_in_form_can_be_filled_in_and_sent_with_the_keyboard_alone(
    page, site_url, confirmed_account
):
    page.goto(f"{site_url}/sign-in")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()

    tab_to(page, "email")
    assert focus_is_visible(page)
    page.keyboard.type(confirmed_account["email"])
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password", exact=True)).to_be_focused()
    assert focus_is_visible(page)
    page.keyboard.type(confirmed_account["password"])

    page.keyboard.press("Tab")
    show = page.get_by_role("button", name="Show password")
    expect(show).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Password", exact=True)).to_have_attribute("type", "text")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Password", exact=True)).to_have_attribute("type", "password")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Forgotten your password?")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Sign in")).to_be_focused()
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/profile/?$"))
    expect(page.get_by_role("link", name="Sign out")).to_be_visible()


def test_sending_the_sign_in_form_empty_shows_an_error_summary_that_leads_to_each_question(
    page, site_url, assert_accessible
):
    page.goto(f"{site_url}/sign-in")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile("^Error: Sign in"))
    expect(page.locator("#email-error")).to_have_text("Error: Enter your email address")
    expect(page.locator("#password-error")).to_have_text("Error: Enter your password")
    expect(page.get_by_label("Email address")).to_have_attribute(
        "aria-describedby", re.compile("email-error")
    )
    assert_accessible(page)

    summary.get_by_role("link", name="Enter your password").click()
    expect(page.get_by_label("Password", exact=True)).to_be_focused()


def test_a_wrong_password_says_the_email_address_or_password_is_not_correct(
    page, site_url, confirmed_account
):
    page.goto(f"{site_url}/sign-in")
    page.get_by_label("Email address").fill(confirmed_account["email"])
    page.get_by_label("Password", exact=True).fill("Not-the-password-1")
    page.get_by_role("button", name="Sign in").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The email address or password is not correct"
    )
    expect(page.locator("#email-error")).to_be_visible()
    assert page.evaluate("() => sessionStorage.getItem('mentorMatch.session')") is None


def create_account(page, site_url: str, email: str, password: str) -> str:
    """The text of the page creating an account leads to, with the address itself left out."""
    page.goto(f"{site_url}/create-account")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Create a password").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/verify$"))
    expect(page.locator("#code-sent-to")).to_be_visible()
    expect(page.locator("#local-code-notice")).to_be_visible()  # shown once /config.json is read
    return page.locator("main").inner_text().replace(email, "<email>")


def test_creating_an_account_with_an_email_address_already_in_use_looks_the_same_as_a_new_one(
    page, site_url, confirmed_account, new_email, password
):
    """Sign-up never says whether an address has an account: both go on to the confirm step,
    which tells everyone that an existing account gets no code and should sign in instead."""
    existing = create_account(page, site_url, confirmed_account["email"], password)
    fresh = create_account(page, site_url, new_email(), password)

    assert existing == fresh
    assert "already an account" not in existing
    assert "If you already have an account with this email address, we will not send a code" in existing
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.locator("#existing-account a")).to_have_attribute("href", "/sign-in")


def test_a_password_that_breaks_the_rules_is_explained_before_anything_is_sent(page, site_url, new_email):
    sent = []
    page.on(
        "request",
        lambda request: (
            sent.append(request.url) if "SignUp" in (request.headers.get("x-amz-target") or "") else None
        ),
    )
    page.goto(f"{site_url}/create-account")
    page.get_by_label("Email address").fill(new_email())
    page.get_by_label("Create a password").fill("short")
    page.get_by_role("button", name="Create account").click()

    expect(page.locator("#password-error")).to_contain_text("at least 12 characters")
    assert sent == []


def test_someone_who_signs_in_before_confirming_their_email_is_asked_for_their_code(
    page, site_url, site_config, new_email, password
):
    email = new_email()
    page.goto(f"{site_url}/create-account")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Create a password").fill(password)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/verify/?$"))

    page.goto(f"{site_url}/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url(re.compile(r"/verify/?$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You need to confirm your email address"
    )
    expect(page.get_by_text(email)).to_be_visible()


def test_a_wrong_format_of_code_is_explained_on_the_code_question(page, site_url, new_email):
    page.goto(f"{site_url}/verify")
    page.get_by_label("Email address").fill(new_email())
    page.get_by_label("Enter the code").fill("12ab")
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("#code-error")).to_have_text("Error: The code must be 6 numbers")


def test_someone_not_signed_in_who_opens_their_profile_signs_in_and_comes_back_to_it(
    page, site_url, confirmed_account
):
    page.goto(f"{site_url}/profile/edit")
    page.wait_for_url(re.compile(r"/sign-in/?\?next="))
    page.get_by_label("Email address").fill(confirmed_account["email"])
    page.get_by_label("Password", exact=True).fill(confirmed_account["password"])
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url(re.compile(r"/profile/new/?$"))  # no profile yet: it is built in question pages
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your profile")


def test_an_expired_session_sends_the_person_to_sign_in_and_says_why(page, site_url, signed_in_with_profile):
    page.evaluate(
        """() => {
            const session = JSON.parse(sessionStorage.getItem('mentorMatch.session'))
            session.accessToken = 'not-a-valid-token'
            sessionStorage.setItem('mentorMatch.session', JSON.stringify(session))
        }"""
    )
    page.context.clear_cookies()  # the session itself has ended (its refresh token expired)
    page.goto(f"{site_url}/profile")

    page.wait_for_url(re.compile(r"/sign-in/?\?next=%2Fprofile"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have been signed out")
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()


def test_a_failed_sign_in_replaces_the_success_banner_from_the_page_before(page, site_url, confirmed_account):
    """Row 11: "Your email address has been confirmed" must not sit above "There is a problem"."""
    page.goto(f"{site_url}/sign-in")
    page.evaluate("""() => sessionStorage.setItem('mentorMatch.flash',
        JSON.stringify({ type: 'success', text: 'Your email address has been confirmed. Sign in to continue.' }))""")
    page.reload()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    page.get_by_label("Email address").fill(confirmed_account["email"])
    page.get_by_label("Password", exact=True).fill("Not-the-password-1")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-notification-banner")).to_have_count(0)
    expect(page.get_by_role("link", name="Forgotten your password?")).to_be_visible()
