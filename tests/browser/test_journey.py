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


def fill_profile(page, check, choose_suggestion) -> dict:
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your profile")
    check(page)

    page.get_by_role("button", name="Save your profile").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator(".govuk-error-summary").get_by_role("link", name="Enter your name")).to_be_visible()
    check(page)

    page.get_by_label("Your name").fill("Ada Lovelace")
    page.get_by_label("Job title (optional)").fill("Senior Data Scientist")
    page.get_by_label("About you (optional)").fill(
        "I build data tools for policy teams.\n\nHappy to talk about analysis."
    )
    organisation_box = page.get_by_label("Organisation")
    expect(organisation_box).to_have_value("Cabinet Office")  # from the email address's domain
    organisation_box.fill("")
    organisation = choose_suggestion(page, organisation_box, "Cabinet Off")
    page.get_by_label("Grade 7").check()
    page.get_by_label("Where you usually work").fill("Leeds")

    profession = choose_suggestion(page, page.get_by_label("Add a profession"), "p")
    professions = page.locator("#professions-list")
    expect(professions).to_contain_text(profession)

    offered = page.get_by_label("Add a skill you can offer")
    offered.fill("Python")
    offered.press("Enter")
    offered.fill("Coaching")
    page.get_by_role("button", name="Add skill you can offer").click()
    expect(page.locator("#skills_offered-list li")).to_have_count(2)
    expect(offered).to_have_value("")

    page.get_by_label("Add a skill you want to develop").fill("Public speaking")
    page.get_by_label("Add a skill you want to develop").press("Enter")
    page.get_by_label("Add an interest").fill("Running")
    page.get_by_label("Add an interest").press("Enter")

    page.get_by_label("I want a mentor").check()
    page.get_by_label("I want to mentor other people").check()
    page.get_by_label("How many people could you mentor at the same time?").fill("2")
    page.locator("#accepting_requests").check()
    check(page)
    page.get_by_role("button", name="Save your profile").click()
    return {"organisation": organisation, "profession": profession}


def test_a_new_civil_servant_can_create_an_account_verify_it_sign_in_and_save_a_profile_with_no_serious_accessibility_problems(
    page, site_url, site_config, assert_accessible, new_email, password, choose_suggestion
):
    check = assert_accessible
    email = new_email()
    create_account_and_verify(page, check, site_url, site_config, email, password)
    sign_in_after_verifying(page, check, email, password)

    expect(page.get_by_text("You have not created your profile yet")).to_be_visible()
    expect(page.get_by_role("link", name="Sign out")).to_be_visible()
    check(page)
    page.get_by_role("button", name="Create your profile").click()
    page.wait_for_url(re.compile(r"/profile/edit/?$"))
    chosen = fill_profile(page, check, choose_suggestion)

    page.wait_for_url(re.compile(r"/profile/?$"))
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text("Your profile has been saved")
    expect(banner).to_be_focused()
    details = page.locator("#profile-details")
    expect(details).to_contain_text("Ada Lovelace")
    expect(details).to_contain_text("Senior Data Scientist")
    expect(details).to_contain_text(chosen["organisation"])
    expect(details).to_contain_text("Grade 7")
    expect(details).to_contain_text("Leeds")
    for tag in ("python", "coaching", "public speaking", "running", chosen["profession"].lower()):
        expect(details).to_contain_text(re.compile(re.escape(tag), re.IGNORECASE))
    expect(details).to_contain_text("I want to mentor other people")
    check(page)

    page.get_by_role("link", name="Change grade").click()
    page.wait_for_url(re.compile(r"/profile/edit/?#grade$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your profile")
    expect(page.get_by_label("Grade 7")).to_be_checked()
    expect(page.get_by_label("Grade 7")).to_be_focused()
    expect(page.locator("#skills_offered-list")).to_contain_text(re.compile("python", re.IGNORECASE))
    check(page)

    page.get_by_role("link", name="Sign out").click()
    page.wait_for_url(re.compile(r"/sign-out/?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    assert page.evaluate("() => sessionStorage.getItem('mentorMatch.session')") is None
    check(page)
