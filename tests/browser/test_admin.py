"""The admin area (demo admin), and joining through an invitation link it makes."""

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def sign_in_as_admin(page, local_stack, sign_in):
    sign_in(page, local_stack.demo_admin, local_stack.demo_password)
    admin_link = page.get_by_role("navigation", name="Account").get_by_role("link", name="Admin")
    expect(admin_link).to_be_visible()
    return admin_link


def create_invitation(page, choose_suggestion, organisation_typed: str, uses: str = "5") -> str:
    expect(page.get_by_role("heading", level=1)).to_have_text("Invitation links")
    expect(page.locator("#loading")).to_be_hidden()
    choose_suggestion(page, page.get_by_label("Organisation"), organisation_typed)
    page.get_by_label("How many people can use it?").fill(uses)
    page.get_by_role("button", name="Create invitation link").click()
    link_box = page.get_by_label("Invitation link", exact=True)
    expect(link_box).to_have_value(re.compile(r"^http.*/join\?code=[A-Za-z0-9_-]{20,}$"))
    return link_box.input_value()


def test_an_admin_creates_an_invitation_link_copies_it_and_a_new_person_who_joins_through_it_lands_in_that_organisation(
    browser, page, local_stack, site_url, sign_in, choose_suggestion, assert_accessible, password
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    sign_in_as_admin(page, local_stack, sign_in).click()
    page.wait_for_url(re.compile(r"/admin$"))
    assert_accessible(page)
    page.get_by_role("link", name="Invitation links").click()

    page.get_by_role("button", name="Create invitation link").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose an organisation from the list")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter how many people can use the link")
    assert_accessible(page)

    link = create_invitation(page, choose_suggestion, "Home Off")
    expect(page.get_by_role("heading", name="Invitation link created for Home Office")).to_be_visible()
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_text("Link copied. Send it to the people you want to invite.")).to_be_visible()
    assert page.evaluate("() => navigator.clipboard.readText()") == link
    row = page.locator("#invitations-body tr").first
    expect(row).to_contain_text("Home Office")
    expect(row).to_contain_text("0 of 5")
    expect(row.locator(".govuk-tag")).to_have_text("Working")
    assert_accessible(page)

    # A new person, in a browser of their own, with an email address outside any organisation.
    visitor_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    try:
        visitor = visitor_context.new_page()
        errors = []
        visitor.on("pageerror", lambda error: errors.append(str(error)))
        visitor.goto(link)
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Join Home Office on Mentor Match")
        assert_accessible(visitor)
        visitor.get_by_role("button", name="Create an account").click()
        visitor.wait_for_url(re.compile(r"/create-account$"))
        expect(visitor.get_by_text("You are joining through an invitation from Home Office")).to_be_visible()
        email = f"invited-{uuid.uuid4().hex[:10]}@example.org"
        visitor.get_by_label("Email address").fill(email)
        visitor.get_by_label("Create a password").fill(password)
        visitor.get_by_role("button", name="Create account").click()
        visitor.wait_for_url(re.compile(r"/verify$"))
        visitor.get_by_label("Enter the code").fill("123456")
        visitor.get_by_role("button", name="Continue").click()
        visitor.wait_for_url(re.compile(r"/sign-in$"))
        visitor.get_by_label("Password", exact=True).fill(password)
        visitor.get_by_role("button", name="Sign in").click()

        visitor.wait_for_url(re.compile(r"/profile$"))
        expect(visitor.locator(".govuk-notification-banner--success")).to_contain_text(
            "You have accepted your invitation to join Mentor Match from Home Office"
        )
        visitor.get_by_role("button", name="Create your profile").click()
        visitor.wait_for_url(re.compile(r"/profile/edit$"))
        organisation = visitor.get_by_label("Organisation")
        expect(organisation).to_have_value("Home Office")
        expect(visitor.locator("#organisation_id-hint")).to_contain_text(
            "You can choose Home Office (from your invitation)"
        )
        visitor.get_by_label("Your name").fill("Ivy Invited")
        visitor.get_by_label("Higher Executive Officer (HEO)").check()
        visitor.get_by_label("Where you usually work").fill("Croydon")
        visitor.get_by_label("I want a mentor").check()
        visitor.get_by_role("button", name="Save your profile").click()
        visitor.wait_for_url(re.compile(r"/profile$"))
        expect(visitor.locator("#profile-details")).to_contain_text("Home Office")
        assert not errors, errors
    finally:
        visitor_context.close()

    page.reload()
    expect(page.locator("#invitations-body tr").first).to_contain_text("1 of 5")


def test_an_admin_can_withdraw_an_invitation_link_after_which_it_says_it_is_not_valid(
    page, local_stack, site_url, sign_in, choose_suggestion, assert_accessible
):
    sign_in_as_admin(page, local_stack, sign_in)
    page.goto(f"{site_url}/admin/invitations")
    link = create_invitation(page, choose_suggestion, "Cabinet Off", uses="2")
    row = page.locator("#invitations-body tr").first
    row.get_by_role("button", name=re.compile("^Withdraw the link for Cabinet Office")).click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("has been withdrawn")
    expect(page.locator("#invitations-body tr").first.locator(".govuk-tag")).to_have_text("Withdrawn")

    page.goto(f"{site_url}/sign-out")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("This invitation link is not valid")
    expect(page.get_by_text("It may have expired, been withdrawn or been used up.")).to_be_visible()
    expect(page.get_by_role("button", name="Create an account")).to_be_hidden()
    assert page.evaluate("() => sessionStorage.getItem('mentorMatch.invitation')") is None
    assert_accessible(page)


def test_an_admin_sees_usage_figures_as_a_table(page, local_stack, site_url, sign_in, assert_accessible):
    sign_in_as_admin(page, local_stack, sign_in)
    page.goto(f"{site_url}/admin")
    page.get_by_role("link", name="Usage figures").click()
    table = page.get_by_role("table", name="People and requests by organisation")
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader")).to_have_text(
        [
            "Organisation",
            "People",
            "Mentors",
            "Mentees",
            "Open requests",
            "Accepted requests",
            "Acceptance rate",
            "Median time to first answer",
            "Reports",
        ]
    )
    expect(table.get_by_role("rowheader", name="All organisations")).to_be_visible()
    expect(table.get_by_role("rowheader", name="Cabinet Office")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_an_admin_adds_an_organisation_and_changes_its_domains(
    page, local_stack, site_url, sign_in, assert_accessible
):
    sign_in_as_admin(page, local_stack, sign_in)
    page.goto(f"{site_url}/admin/organisations")
    page.get_by_role("button", name="Add an organisation").click()
    page.wait_for_url(re.compile(r"/admin/organisation$"))
    expect(page.locator("#loading")).to_be_hidden()
    page.get_by_role("button", name="Save organisation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter an ID")
    assert_accessible(page)

    slug = f"office-for-tests-{uuid.uuid4().hex[:6]}"
    page.get_by_label("ID", exact=True).fill(slug)
    page.get_by_label("Name", exact=True).fill("Office for Tests")
    page.get_by_label("Arm’s-length body").check()
    page.get_by_label("Email domains (optional)").fill(f"{slug}.gov.uk")
    page.get_by_role("button", name="Save organisation").click()
    page.wait_for_url(re.compile(r"/admin/organisations$"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Office for Tests has been saved"
    )
    row = page.locator("#organisations-body tr", has_text="Office for Tests")
    expect(row).to_contain_text(f"{slug}.gov.uk")
    assert_accessible(page)

    row.get_by_role("link", name="Change Office for Tests").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Office for Tests")
    page.get_by_label("Email domains (optional)").fill("gov.uk")
    page.get_by_role("button", name="Save organisation").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator("#domains-error")).to_be_visible()
    assert_accessible(page)


def test_an_admin_can_suspend_and_reinstate_an_account_by_its_user_id(
    page, local_stack, site_url, sign_in, person_page, assert_accessible
):
    someone = person_page()
    user_id = someone.person["profile"]["user_id"]
    sign_in_as_admin(page, local_stack, sign_in)
    page.goto(f"{site_url}/admin/accounts")
    page.get_by_label("User ID").fill("no-such-person")
    page.get_by_role("button", name="Suspend account").click()
    expect(page.locator("#user_id-error")).to_contain_text("There is no account with this user ID")
    assert_accessible(page)

    page.get_by_label("User ID").fill(user_id)
    page.get_by_role("button", name="Suspend account").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        f"Account {user_id} is suspended"
    )
    page.get_by_label("User ID").fill(user_id)
    page.get_by_role("button", name="Reinstate account").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        f"Account {user_id} is active again"
    )


def test_people_who_are_not_administrators_see_no_admin_link_and_no_admin_pages(
    page, site_url, signed_in_with_profile, assert_accessible
):
    navigation = page.get_by_role("navigation", name="Account")
    expect(navigation.get_by_role("link", name="Admin")).to_be_hidden()
    page.goto(f"{site_url}/admin/invitations")
    expect(page.get_by_text("You do not have access to this page")).to_be_visible()
    expect(page.locator("#invitation-admin")).to_be_hidden()
    assert_accessible(page)
