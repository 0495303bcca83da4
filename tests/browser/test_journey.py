"""The walking skeleton's journey, as a new civil servant takes it, checked with axe on every page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def create_account_and_verify(page, check, site_url, site_config, email, password):
    page.goto(site_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a mentor in the Civil Service")
    check(page)
    page.get_by_role("button", name="Start now").click()

    page.wait_for_url(re.compile(r"/create-account/?$"))
    expect(page).to_have_title(re.compile("^Create an account"))
    check(page)
    page.get_by_role("button", name="Create account").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Enter your email address")).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: Create an account"))
    check(page)

    page.get_by_label("Email address").fill(email)
    page.get_by_label("Create a password").fill(password)
    page.get_by_role("button", name="Create account").click()

    page.wait_for_url(re.compile(r"/verify/?$"))
    expect(page.get_by_text(email)).to_be_visible()
    if site_config.get("cognitoEndpoint"):
        expect(page.get_by_text("On this local copy any 6-digit code works")).to_be_visible()
    check(page)
    page.get_by_label("Enter the code").fill("123456")
    page.get_by_role("button", name="Continue").click()


def sign_in_after_verifying(page, check, email, password):
    page.wait_for_url(re.compile(r"/sign-in/?$"))
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text("Your email address has been confirmed")
    expect(page.get_by_label("Email address")).to_have_value(email)
    check(page)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/profile/?$"))


def test_a_new_civil_servant_can_create_an_account_verify_it_sign_in_and_save_a_profile_with_no_serious_accessibility_problems(
    page, site_url, site_config, assert_accessible, new_email, password, choose_suggestion, build_first_profile
):
    check = assert_accessible
    email = new_email()
    create_account_and_verify(page, check, site_url, site_config, email, password)
    sign_in_after_verifying(page, check, email, password)

    expect(page.get_by_text("You have not created your profile yet")).to_be_visible()
    expect(page.get_by_role("link", name="Sign out")).to_be_visible()
    check(page)
    page.get_by_role("button", name="Create your profile").click()
    page.wait_for_url(re.compile(r"/profile/new/?$"))
    chosen = build_first_profile(page, check, choose_suggestion)
    answers = page.locator("#answers")
    for text in ("Ada Lovelace", "Grade 7", "Leeds", "Python", "Quantum finance", "Public speaking", "Running"):
        expect(answers).to_contain_text(text)
    page.get_by_role("button", name="Create your profile").click()

    page.wait_for_url(re.compile(r"/profile/new/done/?$"))
    expect(page.locator(".govuk-panel")).to_contain_text("Your profile has been created")
    check(page)
    page.get_by_role("link", name="See or change your profile").click()
    details = page.locator("#profile-details")
    expect(details).to_contain_text("Ada Lovelace")
    expect(details).to_contain_text("Senior Data Scientist")
    expect(details).to_contain_text(chosen["organisation"])
    expect(details).to_contain_text("Grade 7")
    expect(details).to_contain_text("Leeds")
    for tag in ("Python", "Quantum finance", "Public speaking", "Running", chosen["profession"]):
        expect(details).to_contain_text(tag)  # as written
    expect(details).to_contain_text("I want to mentor other people")
    check(page)

    page.get_by_role("link", name="Change grade").click()
    page.wait_for_url(re.compile(r"/profile/edit/?#grade$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your profile")
    expect(page.get_by_label("Grade 7")).to_be_checked()
    expect(page.get_by_label("Grade 7")).to_be_focused()
    expect(page.locator("#skills_offered-list")).to_contain_text("Python")
    check(page)

    page.get_by_role("link", name="Sign out").click()
    page.wait_for_url(re.compile(r"/sign-out/?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    assert page.evaluate("() => sessionStorage.getItem('mentorMatch.session')") is None
    check(page)
