"""Every page: GOV.UK furniture, no serious axe findings, and it fits 320 CSS pixels (400% zoom)."""

import hashlib
import os
import re
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import describe_violations

pytestmark = pytest.mark.browser

# A small phone, and what a 1280 pixel wide window shows at 400% zoom (WCAG 1.4.10 reflow).
NARROW = {"width": 320, "height": 640}

SIGNED_OUT_PAGES = {
    "/": "Find a mentor in the Civil Service",
    "/create-account": "Create an account",
    "/verify": "Check your email",
    "/sign-in": "Sign in",
    "/sign-out": "You have signed out",
    "/accessibility": "Accessibility statement for Mentor Match",
    "/help": "Get help with Mentor Match",
    "/forgotten-password": "Reset your password",
    "/forgotten-password/reset": "Create a new password",
    "/create-account/not-allowed": "You cannot create an account with this email address",
    "/join?code=not-a-real-invitation-code": "This invitation link is not valid",
    "/account-deleted": "Your account has been deleted",
    "/auth/callback": "You are not signed in",  # Continue with LinkedIn's callback, opened without a sign-in
    "/no-such-page": "Page not found",
}
SIGNED_IN_PAGES = {
    "/profile": "Your profile",
    "/profile/edit": "Change your profile",
    "/profile/import": "Add skills from your LinkedIn data",
    "/people?id={user_id}": "Grace Hopper",
    "/matches": "Your suggested mentors",
    "/matches/mentees": "People you could mentor",
    "/mentors": "Find a mentor",
    "/mentors?skill=agile": "Find a mentor",
    "/request?mentor={user_id}": "Ask Grace Hopper to mentor you",
    "/mentoring": "Your mentoring",
    "/conversation?id=no-such-mentorship": "Conversation",
    "/report?user={user_id}": "Block or report Grace Hopper",
    "/report/done?blocked=1&reported=1": "Thank you",
    "/settings": "Settings",
    "/settings/delete": "Are you sure you want to delete your account?",
    "/admin": "Admin",
}
# Pages about one request or mentorship: {mentorship_id} is filled in by the test.
MENTORSHIP_PAGES = {
    "/request/sent?id={mentorship_id}": "Request sent",
    "/conversation?id={mentorship_id}": "Conversation with Riley Shah",
    "/mentoring/decline?id={mentorship_id}": "Decline Riley Shah’s request",
    "/mentoring/accept?id={mentorship_id}": "Accept Riley Shah’s request",
    "/mentoring/withdraw?id={mentorship_id}": "Are you sure you want to withdraw your request to Morgan Lee?",
}
# A first profile's pages, for someone who has none yet.
FIRST_PROFILE_PAGES = {
    "/profile/new": "Create your profile",
    "/profile/new/name": "What is your name?",
    "/profile/new/about": "Tell people about yourself (optional)",
    "/profile/new/organisation": "Which organisation do you work for?",
    "/profile/new/grade": "What is your grade?",
    "/profile/new/roles": "How do you want to take part?",
    "/profile/new/mentoring": "Your time for mentoring",
    "/profile/new/professions": "Which Civil Service professions do you belong to?",
    "/profile/new/skills-wanted": "Which skills do you want to develop?",
    "/profile/new/check": "Check your answers before creating your profile",
}
ADMIN_PAGES = {
    "/admin": "Admin",
    "/admin/invitations": "Invitation links",
    "/admin/organisations": "Organisations",
    "/admin/organisation": "Add an organisation",
    "/admin/organisation?id=cabinet-office": "Change Cabinet Office",
    "/admin/usage": "Usage figures",
    "/admin/accounts": "Find a person",
    "/admin/accounts?q=demo": "Find a person",
    "/admin/reports": "Reports",
}


def wait_until_settled(page, heading: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("#loading")).to_be_hidden()


def save_screenshot(page, name: str) -> None:
    """Screenshots for people to look at, when MENTOR_MATCH_SCREENSHOTS names a folder."""
    folder = os.environ.get("MENTOR_MATCH_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def overflowing_elements(page) -> list[str]:
    """Elements wider than the window: at 320 pixels nothing may need scrolling sideways."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth
            return [...document.querySelectorAll('body *')]
                .filter((element) => element.getBoundingClientRect().right > width + 1 && element.getClientRects().length)
                .map((element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + '.' + [...element.classList].join('.'))
                .slice(0, 10)
        }"""
    )


def screenshot_name(path: str) -> str:
    return path.strip("/").split("?")[0].replace("/", "-") or "start"


def check_fits_narrow_screen(page, url: str) -> None:
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= NARROW["width"], f"{url} scrolls sideways at 320px: {overflowing_elements(page)}"


@pytest.mark.parametrize("path", list(SIGNED_OUT_PAGES))
def test_each_page_a_signed_out_person_can_open_has_the_gov_uk_furniture_and_no_serious_accessibility_problems(
    swept_page, site_url, path, assert_accessible
):
    page = swept_page  # one tab for the whole sweep (conftest.py), a fresh page each time
    page.goto(site_url + path)
    wait_until_settled(page, SIGNED_OUT_PAGES[path])

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Skip to main content")).to_have_attribute("href", "#main-content")
    # Not on GOV.UK: the Generic header names the service, with no GOV.UK logo or crown anywhere.
    expect(page.locator("header .govuk-generic-header")).to_contain_text("Mentor Match")
    expect(page.locator(".govuk-header, .govuk-header__logotype")).to_have_count(0)
    expect(page.locator(".govuk-footer__crown")).to_be_hidden()
    expect(page.locator(".govuk-phase-banner")).to_contain_text("Beta")
    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("link", name="Accessibility statement")).to_have_attribute("href", "/accessibility")
    expect(footer.get_by_role("link", name="Get help")).to_have_attribute("href", "/help")
    navigation = page.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    expect(navigation.get_by_role("link", name="Sign out")).to_be_hidden()
    expect(page).to_have_title(re.compile(r" – Mentor Match$"))
    assert_accessible(page)


def test_the_accessibility_check_names_a_serious_problem_and_where_it_is(page, site_url, axe_violations):
    """The check every page test relies on: a field without a label and an image without a text
    alternative, added to a page that had no problem, are reported by rule, impact and element."""
    page.goto(f"{site_url}/help")
    assert axe_violations(page) == []
    page.locator("main").evaluate("""(main) => main.insertAdjacentHTML('beforeend',
        '<input type="text" id="unlabelled"><img id="no-alt" src="/assets/images/favicon.svg">')""")
    found = {violation["id"]: violation for violation in axe_violations(page)}
    assert {"label", "image-alt"} <= set(found)
    assert found["label"]["impact"] == "critical" and found["label"]["nodes"] == [{"target": ["#unlabelled"]}]
    assert found["image-alt"]["nodes"] == [{"target": ["#no-alt"]}]
    assert "label" in describe_violations(list(found.values()))


def test_a_page_that_does_not_exist_gets_page_not_found_with_status_404(page, site_url):
    reply = page.goto(f"{site_url}/no-such-page")
    assert reply.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_every_page_fits_a_320_pixel_wide_screen_without_scrolling_sideways(
    page, site_url, signed_in_with_profile, assert_accessible
):
    page.set_viewport_size(NARROW)
    user_id = signed_in_with_profile["profile"]["user_id"]
    for path, heading in SIGNED_IN_PAGES.items():
        url = site_url + path.format(user_id=user_id)
        page.goto(url)
        wait_until_settled(page, heading)
        check_fits_narrow_screen(page, url)
        assert_accessible(page)
        save_screenshot(page, "320-" + screenshot_name(path))

    page.goto(f"{site_url}/profile/edit")
    page.get_by_label("Your name").fill("")
    page.get_by_role("button", name="Save your profile").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_fits_narrow_screen(page, "/profile/edit with errors")
    save_screenshot(page, "320-profile-edit-errors")

    page.goto(f"{site_url}/sign-out")
    for path, heading in SIGNED_OUT_PAGES.items():
        page.goto(site_url + path)
        wait_until_settled(page, heading)
        check_fits_narrow_screen(page, path)
        save_screenshot(page, "320-" + screenshot_name(path))


def test_the_header_offers_sign_out_and_your_profile_only_to_someone_signed_in(
    page, site_url, signed_in_with_profile
):
    page.goto(site_url + "/")
    navigation = page.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="Sign out")).to_be_visible()
    expect(navigation.get_by_role("link", name="Your profile")).to_be_visible()
    expect(navigation.get_by_role("link", name="Sign in", exact=True)).to_be_hidden()
    expect(page.get_by_role("button", name="Start now")).to_have_attribute("href", "/profile")

    navigation.get_by_role("link", name="Sign out").click()
    page.wait_for_url(re.compile(r"/sign-out/?$"))
    expect(navigation.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    expect(navigation.get_by_role("link", name="Sign out")).to_be_hidden()


def test_another_persons_profile_shows_what_others_can_see_at_people(page, site_url, signed_in_with_profile):
    user_id = signed_in_with_profile["profile"]["user_id"]
    page.goto(f"{site_url}/people?id={user_id}")

    expect(page.get_by_role("heading", level=1)).to_have_text("Grace Hopper")
    expect(page).to_have_title(re.compile("^Grace Hopper – Mentor Match"))
    summary = page.locator("#person-summary")
    expect(summary).to_contain_text("Grade 6")
    expect(summary).to_contain_text(signed_in_with_profile["organisation"]["name"])
    expect(summary).to_contain_text("line management")
    expect(page.get_by_role("link", name=re.compile("^Change"))).to_have_count(0)


def test_the_people_page_says_when_nobody_has_that_id(page, site_url, signed_in_with_profile):
    page.goto(f"{site_url}/people?id=nobody-has-this-id")
    expect(page.get_by_role("heading", level=1)).to_have_text("Person not found")
    expect(page.get_by_text("We could not find that person")).to_be_visible()


def test_the_pages_about_one_request_fit_a_320_pixel_wide_screen(person_page, assert_accessible):
    mentor = person_page(
        display_name="Morgan Lee", roles=["mentor"], grade="G6", skills_offered=["kite flying"]
    )
    mentee = person_page(
        display_name="Riley Shah", roles=["mentee"], grade="HEO", skills_wanted=["kite flying"]
    )
    mentor_id = mentor.person["profile"]["user_id"]
    reply = mentee.evaluate(
        """async ([mentorId]) => {
            const session = JSON.parse(sessionStorage.getItem('mentorMatch.session'))
            const reply = await fetch('/api/mentorships', {
                method: 'POST',
                headers: { Authorization: 'Bearer ' + session.accessToken, 'Content-Type': 'application/json' },
                body: JSON.stringify({ mentor_id: mentorId, message: 'A long message without spaces: ' + 'x'.repeat(300) })
            })
            return { status: reply.status, body: await reply.json() }
        }""",
        [mentor_id],
    )
    assert reply["status"] == 201, reply
    mentorship_id = reply["body"]["mentorship_id"]
    mentor.set_viewport_size(NARROW)
    mentee.set_viewport_size(NARROW)
    for path, heading in MENTORSHIP_PAGES.items():
        tab = mentee if path.startswith(("/request", "/mentoring/withdraw")) else mentor
        url = tab.site_url + path.format(mentorship_id=mentorship_id)
        tab.goto(url)
        wait_until_settled(tab, heading)
        check_fits_narrow_screen(tab, url)
        assert_accessible(tab)
        save_screenshot(tab, "320-" + screenshot_name(path))


def test_the_admin_pages_fit_a_320_pixel_wide_screen(page, local_stack, site_url, api_sign_in, assert_accessible):
    api_sign_in(page, local_stack.demo_admin, local_stack.demo_password)
    page.set_viewport_size(NARROW)
    for path, heading in ADMIN_PAGES.items():
        url = site_url + path
        page.goto(url)
        wait_until_settled(page, heading)
        check_fits_narrow_screen(page, url)
        assert_accessible(page)
        save_screenshot(page, "320-" + screenshot_name(path))


def test_the_first_profile_pages_fit_a_320_pixel_wide_screen(page, site_url, confirmed_account, api_sign_in,
                                                            assert_accessible):
    api_sign_in(page, confirmed_account["email"], confirmed_account["password"])
    page.set_viewport_size(NARROW)
    for path, heading in FIRST_PROFILE_PAGES.items():
        url = site_url + path
        page.goto(url)
        wait_until_settled(page, heading)
        check_fits_narrow_screen(page, url)
        assert_accessible(page)
        save_screenshot(page, "320-" + screenshot_name(path))


def test_on_a_small_screen_the_menu_is_collapsed_behind_a_menu_button(page, site_url, signed_in_with_profile):
    page.set_viewport_size(NARROW)
    page.goto(f"{site_url}/profile")
    navigation = page.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="Your mentoring")).to_be_hidden()
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    expect(navigation.get_by_role("link", name="Your mentoring")).to_be_visible()


def test_the_start_page_says_who_can_use_the_service_and_that_mentors_are_at_your_grade_or_above(page, site_url):
    page.goto(site_url + "/")
    expect(page.get_by_text("We suggest mentors at your grade or above")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("whatever your department, location or grade")
    expect(page.get_by_text("or belong to a Civil Service profession")).to_be_visible()


def test_govuk_frontends_script_is_loaded_once_under_a_name_that_changes_with_its_content(page, site_url):
    """Scripts are cached for an hour (as in AWS): the module every page script imports from
    govuk-frontend is named by a hash of its content, so after an upgrade a browser fetches the new
    one instead of running the old one, and the page's scripts all share one copy of it."""
    page.goto(site_url + "/sign-in")  # its scripts import govuk-frontend for components and for messages
    wait_until_settled(page, "Sign in")
    loaded = [url for url in page.evaluate("() => performance.getEntriesByType('resource').map((entry) => entry.name)")
              if urlsplit(url).path == "/javascripts/govuk-frontend.min.js"]
    assert len(loaded) == 1, loaded
    with urllib.request.urlopen(loaded[0], timeout=10) as reply:
        content = reply.read()
    assert parse_qs(urlsplit(loaded[0]).query).get("v") == [hashlib.sha256(content).hexdigest()[:12]]
