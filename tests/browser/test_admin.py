"""The admin area (demo admin), and joining through an invitation link it makes."""

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def sign_in_as_admin(page, local_stack, api_sign_in):
    api_sign_in(page, local_stack.demo_admin, local_stack.demo_password)
    admin_link = page.get_by_role("navigation", name="Menu").get_by_role("link", name="Admin")
    expect(admin_link).to_be_visible()
    return admin_link


def create_invitation(page, choose_suggestion, organisation_typed: str, uses: str = "5") -> str:
    expect(page.get_by_role("heading", level=1)).to_have_text("Invitation links")
    expect(page.locator("#loading")).to_be_hidden()
    choose_suggestion(page, page.get_by_label("Organisation"), organisation_typed)
    page.get_by_label("How many people can use it?").fill(uses)
    page.get_by_role("button", name="Create invitation link").click()
    link_box = page.locator("#new-link-url")  # the whole link as text, never cut off in a box
    expect(link_box).to_have_text(re.compile(r"^http.*/join\?code=[A-Za-z0-9_-]{20,}$"))
    return link_box.inner_text()


def test_an_admin_creates_an_invitation_link_copies_it_and_a_new_person_who_joins_through_it_lands_in_that_organisation(
    browser, page, local_stack, site_url, api_sign_in, choose_suggestion, assert_accessible, password
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    sign_in_as_admin(page, local_stack, api_sign_in).click()
    page.wait_for_url(re.compile(r"/admin$"))
    assert_accessible(page)
    page.get_by_role("link", name="Invitation links").click()

    page.get_by_role("button", name="Create invitation link").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose an organisation from the list")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter how many people can use the link")
    assert_accessible(page)

    link = create_invitation(page, choose_suggestion, "Home Off")
    expect(page.get_by_role("heading", name="Invitation link created for Home Office")).to_be_visible()
    page.set_viewport_size({"width": 320, "height": 640})  # shown whole, wrapped: nothing cut off or scrolled
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert page.locator("#new-link-url").inner_text() == link
    page.set_viewport_size({"width": 1280, "height": 900})
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
        visitor.wait_for_url(re.compile(r"/profile/new$"))
        answers = {  # question page -> (label, what to do); every question of the task list, in order
            "name": lambda: visitor.get_by_label("What is your name?").fill("Ivy Invited"),
            "job": None, "about": None,
            "organisation": lambda: (expect(visitor.get_by_label("Which organisation do you work for?")).to_have_value(
                "Home Office"), expect(visitor.locator("#organisation_id-hint")).to_contain_text(
                "You can choose Home Office (from your invitation)")),
            "grade": lambda: visitor.get_by_label("Higher Executive Officer (HEO)").check(),
            "location": lambda: visitor.get_by_label("Where do you usually work?").fill("Croydon"),
            "roles": lambda: visitor.get_by_label("I want a mentor").check(),
            "professions": None, "skills-wanted": None, "interests": None,
        }
        for step, answer in answers.items():
            visitor.goto(f"{site_url}/profile/new/{step}")
            expect(visitor.get_by_role("button", name="Continue")).to_be_visible()
            if answer:
                answer()
            visitor.get_by_role("button", name="Continue").click()
            visitor.wait_for_url(re.compile(r"/profile/new/?[a-z-]*$"))
        visitor.goto(f"{site_url}/profile/new/check")
        visitor.get_by_role("button", name="Create your profile").click()
        visitor.wait_for_url(re.compile(r"/profile/new/done$"))
        visitor.goto(f"{site_url}/profile")
        expect(visitor.locator("#profile-details")).to_contain_text("Home Office")
        assert not errors, errors
    finally:
        visitor_context.close()

    page.reload()
    expect(page.locator("#invitations-body tr").first).to_contain_text("1 of 5")


def test_an_admin_can_withdraw_an_invitation_link_after_which_it_says_it_is_not_valid(
    page, local_stack, site_url, api_sign_in, choose_suggestion, assert_accessible
):
    sign_in_as_admin(page, local_stack, api_sign_in)
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


def test_an_admin_sees_usage_figures_as_a_table(page, local_stack, site_url, api_sign_in, assert_accessible):
    sign_in_as_admin(page, local_stack, api_sign_in)
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
    page, local_stack, site_url, api_sign_in, assert_accessible
):
    sign_in_as_admin(page, local_stack, api_sign_in)
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
    filter_box = page.get_by_label("Filter by name or email domain")
    filter_box.fill(f"{slug}.gov")  # by domain
    expect(page.locator("#organisations-body tr:visible")).to_have_count(1)
    expect(page.locator("#organisation-count")).to_contain_text(re.compile(r"^Showing 1 of \d+ organisations$"))
    filter_box.fill("")
    page.get_by_label("Show").select_option("closed")
    expect(page.locator("#organisations-body tr:visible", has_text="Office for Tests")).to_have_count(0)
    page.get_by_label("Show").select_option("")

    row.get_by_role("link", name="Change Office for Tests").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Office for Tests")
    page.get_by_label("Email domains (optional)").fill("gov.uk")
    page.get_by_role("button", name="Save organisation").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator("#domains-error")).to_be_visible()
    assert_accessible(page)


def test_an_admin_finds_a_person_by_name_sees_who_they_are_and_confirms_before_suspending(
    page, local_stack, site_url, api_sign_in, person_page, assert_accessible
):
    name = f"Suspendable {uuid.uuid4().hex[:6].upper()}"
    someone = person_page(display_name=name)
    reporter = person_page(display_name="Careful Reporter")
    user_id = someone.person["profile"]["user_id"]
    assert reporter.evaluate(
        """async ([id]) => {
            const config = await (await fetch('/config.json')).json()
            const token = JSON.parse(sessionStorage.getItem('mentorMatch.session')).accessToken
            const reply = await fetch(config.apiUrl + '/reports', { method: 'POST', body: JSON.stringify(
                { user_id: id, reason: 'Sent me unkind messages' }),
                headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' } })
            return reply.status
        }""", [user_id]) == 201

    sign_in_as_admin(page, local_stack, api_sign_in)
    page.goto(f"{site_url}/admin")
    page.get_by_role("link", name="Find a person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a person")
    assert_accessible(page)
    page.get_by_label("Name or email address").fill(name.split()[1].lower())  # the surname, in lower case
    page.get_by_role("button", name="Find").click()
    page.wait_for_url(re.compile(r"/admin/accounts\?q="))
    expect(page.locator("#results-heading")).to_contain_text("1 person found")
    assert_accessible(page)
    page.get_by_role("link", name=name).click()

    page.wait_for_url(re.compile(r"/admin/person\?id="))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    who = page.locator("#who-they-are")
    expect(who).to_contain_text(someone.person["email"])
    expect(who).to_contain_text(someone.person["organisation"]["name"])
    expect(who).to_contain_text("Active")
    expect(page.locator("#reports-list")).to_contain_text("Sent me unkind messages")
    expect(page.locator("#reports-list").get_by_role("link", name="Careful Reporter")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Suspend account").click()  # nothing happens yet: who is it?
    page.wait_for_url(re.compile(r"/admin/person/standing\?id="))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Are you sure you want to suspend {name}’s account?")
    expect(page.locator("#who-they-are")).to_contain_text(someone.person["email"])
    assert_accessible(page)
    page.get_by_role("link", name="No, go back").click()
    page.wait_for_url(re.compile(r"/admin/person\?id="))
    expect(page.locator("#who-they-are")).to_contain_text("Active")

    page.get_by_role("button", name="Suspend account").click()
    page.get_by_role("button", name="Yes, suspend this account").click()
    page.wait_for_url(re.compile(r"/admin/person\?id="))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"{name}’s account is suspended")
    expect(page.locator("#who-they-are")).to_contain_text("Suspended")

    page.get_by_role("button", name="Reinstate account").click()
    page.get_by_role("button", name="Yes, reinstate this account").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"{name}’s account is active again")

    page.goto(f"{site_url}/admin/reports")
    row = page.locator("#reports-body tr", has_text="Sent me unkind messages")
    expect(row.get_by_role("link", name=name)).to_have_attribute("href", f"/admin/person?id={user_id}")
    assert_accessible(page)


def test_people_who_are_not_administrators_see_no_admin_link_and_no_admin_pages(
    page, site_url, signed_in_with_profile, assert_accessible
):
    navigation = page.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="Admin")).to_be_hidden()
    page.goto(f"{site_url}/admin/invitations")
    expect(page.get_by_text("You do not have access to this page")).to_be_visible()
    expect(page.locator("#invitation-admin")).to_be_hidden()
    assert_accessible(page)
