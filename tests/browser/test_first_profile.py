"""A first profile in question pages: a GOV.UK task list, one question a page, check your answers,
then created; returning people keep the one-page edit. The keyboard alone completes it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def new_person(page, confirmed_account, api_sign_in):
    api_sign_in(page, confirmed_account["email"], confirmed_account["password"])
    return confirmed_account


def test_someone_without_a_profile_builds_it_in_question_pages_and_checks_the_answers_first(
    page, site_url, new_person, assert_accessible, choose_suggestion, build_first_profile, api_fetch
):
    page.goto(f"{site_url}/profile/edit")  # the one-page edit is for people with a profile
    page.wait_for_url(re.compile(r"/profile/new/?$"))
    expect(page.locator(".govuk-task-list")).to_be_visible()
    expect(page.locator(".app-task-check .govuk-task-list__status")).to_have_text("Cannot start yet")
    build_first_profile(page, assert_accessible, choose_suggestion)
    assert api_fetch(page, "GET", "/me/profile")["status"] == 404  # nothing made before the check

    page.get_by_role("link", name="Change location").click()
    expect(page.get_by_label("Where do you usually work?")).to_have_value("Leeds")
    page.get_by_label("Where do you usually work?").fill("York")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/profile/new/check/?$"))  # a change returns to the check
    expect(page.locator("#answers")).to_contain_text("York")

    page.get_by_role("button", name="Create your profile").click()
    page.wait_for_url(re.compile(r"/profile/new/done/?$"))
    assert_accessible(page)
    saved = api_fetch(page, "GET", "/me/profile")["body"]
    assert (saved["display_name"], saved["location"], saved["grade"]) == ("Ada Lovelace", "York", "G7")
    assert saved["skills_offered"] == ["Python", "Quantum finance"] and saved["roles"] == ["mentee", "mentor"]
    assert saved["mentor_capacity"] == 2 and saved["accepting_requests"] is True
    page.goto(f"{site_url}/profile/new")  # made: the question pages send people to their profile
    page.wait_for_url(re.compile(r"/profile/?$"))


def test_someone_who_only_wants_a_mentor_is_not_asked_the_mentors_questions(page, site_url, new_person):
    page.goto(f"{site_url}/profile/new/roles")
    page.get_by_label("I want a mentor").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/profile/new/?$"))  # no "time for mentoring" question
    page.goto(f"{site_url}/profile/new/professions")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/profile/new/skills-wanted/?$"))  # skills offered is skipped


def test_a_first_profile_can_be_built_with_the_keyboard_alone(page, site_url, new_person, tab_to):
    keys = page.keyboard

    def answer(path: str, control: str, typed: str = "") -> None:
        page.goto(f"{site_url}/profile/new/{path}")
        expect(page.locator("#loading")).to_be_hidden()
        tab_to(page, page.locator(control))
        if typed:
            keys.type(typed, delay=20)

    def go_on(next_path: str) -> None:
        tab_to(page, page.get_by_role("button", name="Continue"))
        keys.press("Enter")
        page.wait_for_url(re.compile(next_path))

    answer("name", "#display_name", "Kay Board")
    go_on(r"/profile/new/job$")
    go_on(r"/profile/new/about$")
    go_on(r"/profile/new/?$")
    answer("organisation", "#organisation_id")
    keys.press("Control+a")
    keys.type("Cabinet Off", delay=30)
    expect(page.locator("#organisation_id__listbox [role=option]").first).to_be_visible()
    keys.press("ArrowDown")
    keys.press("Enter")
    go_on(r"/profile/new/grade$")
    tab_to(page, page.locator("#grade"))  # the first grade; arrows move through the rest
    for _ in range(3):
        keys.press("ArrowDown")
    go_on(r"/profile/new/location$")
    answer("location", "#location", "Leeds")
    go_on(r"/profile/new/?$")
    answer("roles", "#roles", " ")  # space ticks "I want a mentor"
    go_on(r"/profile/new/?$")
    answer("professions", "#professions-input", "poli")
    expect(page.locator("#professions-input__listbox .autocomplete__option--focused")).to_be_visible()
    keys.press("Enter")  # the highlighted suggestion
    expect(page.locator("#professions-list")).to_contain_text("Policy")
    go_on(r"/profile/new/skills-wanted$")
    tab_to(page, page.locator("#skills_wanted-input"))
    keys.type("negot", delay=30)
    expect(page.locator("#skills_wanted-input__listbox .autocomplete__option--focused")).to_be_visible()
    keys.press("Enter")
    go_on(r"/profile/new/interests$")
    go_on(r"/profile/new/?$")
    tab_to(page, page.get_by_role("link", name="Check your answers and create your profile"))
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/profile/new/check$"))
    expect(page.locator("#answers")).to_contain_text("Higher Executive Officer")
    tab_to(page, page.get_by_role("button", name="Create your profile"))
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/profile/new/done$"))
    expect(page.locator(".govuk-panel")).to_contain_text("Your profile has been created")


def test_an_unanswered_question_is_listed_on_check_your_answers_and_nothing_is_created(page, site_url, new_person):
    page.goto(f"{site_url}/profile/new/check")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Answer “Name”")
    expect(page.get_by_role("button", name="Create your profile")).to_be_hidden()
    summary.get_by_role("link", name="Answer “Name”").click()
    page.wait_for_url(re.compile(r"/profile/new/name\?change=1$"))
