"""The profile form: tag inputs, mentoring questions, and what the server says back."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def open_form(page, site_url):
    page.goto(f"{site_url}/profile/edit")
    expect(page.locator("#profile-form")).to_be_visible()


def test_tags_can_be_added_from_suggestions_or_as_typed_and_removed_with_the_keyboard(
    page, site_url, signed_in_with_profile, choose_suggestion
):
    open_form(page, site_url)
    tags = page.locator("#skills_wanted-list li")
    expect(tags).to_have_count(1)

    box = page.get_by_label("Add a skill you want to develop")
    chosen = choose_suggestion(page, box, "p")
    expect(tags).to_have_count(2)
    expect(page.locator("#skills_wanted-list")).to_contain_text(chosen)
    expect(box).to_have_value("")
    expect(box).to_be_focused()

    add = page.get_by_role("button", name="Add skill you want to develop")
    box.press_sequentially("Negotiation skills", delay=10)
    add.click()  # not a suggestion: only Add adds it
    expect(tags).to_have_count(3)
    expect(page.locator("#skills_wanted-status")).to_contain_text("Negotiation skills added")

    box.press_sequentially("negotiation   SKILLS", delay=10)
    add.click()
    expect(tags).to_have_count(3)
    expect(page.locator("#skills_wanted-status")).to_contain_text("already in")

    remove = page.get_by_role("button", name=re.compile("^Remove Negotiation skills"))
    remove.focus()
    page.keyboard.press("Enter")
    expect(tags).to_have_count(2)
    expect(page.locator("#skills_wanted-status")).to_contain_text("Negotiation skills removed")
    focused = page.evaluate("() => document.activeElement.textContent || document.activeElement.id")
    assert focused and "Negotiation" not in focused


def test_enter_adds_the_highlighted_suggestion_not_what_was_typed_and_does_not_send_the_form(
    page, site_url, signed_in_with_profile
):
    """The issue's case: "men" with "Menopause support" suggested, then Enter."""
    puts = []
    page.on("request", lambda request: puts.append(request.url) if request.method == "PUT" else None)
    open_form(page, site_url)
    box = page.get_by_label("Add an interest")
    box.press_sequentially("men", delay=30)
    expect(page.locator("#interests-input__listbox .autocomplete__option--focused")).to_have_text("Menopause support")
    box.press("Enter")
    expect(page.locator("#interests-list")).to_contain_text("Menopause support")
    expect(page.locator("#interests-list")).not_to_contain_text(re.compile(r"^men$", re.MULTILINE))

    box.press_sequentially("Chess", delay=10)  # nothing suggested: Enter adds nothing
    expect(page.locator("#interests-input__listbox .autocomplete__option")).to_have_count(0)
    box.press("Enter")
    expect(page.locator("#interests-status")).to_contain_text("use the Add button")
    expect(page.locator("#interests-list")).not_to_contain_text("Chess")
    page.get_by_role("button", name="Add interest").click()
    expect(page.locator("#interests-list")).to_contain_text("Chess")
    page.wait_for_timeout(300)
    assert puts == []


def test_the_examples_a_hint_gives_are_suggested(page, site_url, signed_in_with_profile):
    open_form(page, site_url)
    expect(page.locator("#skills_wanted-hint")).to_contain_text("Public speaking or Data analysis")
    page.get_by_label("Add a skill you want to develop").press_sequentially("data an", delay=30)
    expect(page.locator("#skills_wanted-input__listbox")).to_contain_text("Data analysis")
    expect(page.locator("#interests-hint")).to_contain_text("Running")
    page.get_by_label("Add an interest").press_sequentially("runn", delay=30)
    expect(page.locator("#interests-input__listbox")).to_contain_text("Running")


def test_text_left_in_a_tag_box_is_not_saved_without_add_and_says_so(page, site_url, signed_in_with_profile,
                                                                       api_fetch):
    open_form(page, site_url)
    page.get_by_label("Add an interest").fill("Birdwatching")
    page.get_by_role("button", name="Save your profile").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("You typed “Birdwatching” but did not add it")
    saved = api_fetch(page, "GET", "/me/profile")["body"]
    assert "Birdwatching" not in saved["interests"]


def test_tags_keep_the_case_people_typed(page, site_url, signed_in_with_profile, api_fetch):
    open_form(page, site_url)
    page.get_by_label("Add a skill you can offer").fill("GOV.UK Notify")
    page.get_by_role("button", name="Add skill you can offer").click()
    page.get_by_role("button", name="Save your profile").click()
    page.wait_for_url(re.compile(r"/profile/?$"))
    expect(page.locator("#profile-details")).to_contain_text("GOV.UK Notify")
    assert "GOV.UK Notify" in api_fetch(page, "GET", "/me/profile")["body"]["skills_offered"]


def test_the_mentoring_questions_appear_only_for_people_who_want_to_mentor(
    page, site_url, signed_in_with_profile
):
    open_form(page, site_url)
    capacity = page.get_by_label("How many people could you mentor at the same time?")
    mentor = page.get_by_label("I want to mentor other people")
    expect(mentor).to_be_checked()
    expect(capacity).to_be_visible()
    expect(capacity).to_have_value("3")

    mentor.uncheck()
    expect(capacity).to_be_hidden()
    mentor.check()
    capacity.fill("11")
    page.get_by_role("button", name="Save your profile").click()
    expect(page.locator("#mentor_capacity-error")).to_have_text("Error: Enter a whole number from 0 to 10")


def test_errors_the_server_finds_are_shown_on_their_questions(page, site_url, signed_in_with_profile):
    reply = {
        "error": {
            "code": "invalid_profile",
            "message": "The profile has problems",
            "fields": {
                "skills_offered[1]": "Each skill must be 60 characters or fewer",
                "location": "Enter a town or city",
            },
        }
    }

    def refuse(route):
        if route.request.method == "PUT":
            route.fulfill(status=400, content_type="application/json", body=json.dumps(reply))
        else:
            route.continue_()

    page.route("**/me/profile", refuse)
    open_form(page, site_url)
    page.get_by_role("button", name="Save your profile").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    skills_link = summary.get_by_role(
        "link", name=re.compile("^Each skill you can offer must be 60 characters or fewer")
    )
    expect(skills_link).to_have_attribute("href", "#skills_offered-input")
    expect(page.locator("#location-error")).to_contain_text("Enter the town or city where you usually work")
    expect(summary.locator("li").first).to_contain_text("town or city")
    expect(page.locator("#skills_offered-group")).to_have_class(re.compile("govuk-form-group--error"))
    expect(page).to_have_url(re.compile("/profile/edit"))


def test_an_organisation_the_person_may_not_join_shows_the_servers_reason_on_the_organisation_question(
    page, site_url, signed_in_with_profile
):
    reason = "Choose the organisation your email address or invitation belongs to: Cabinet Office."
    reply = {
        "error": {
            "code": "validation_error",
            "message": reason,
            "fields": {"organisation_id": "must be cabinet-office"},
        }
    }

    def refuse(route):
        if route.request.method == "PUT":
            route.fulfill(status=400, content_type="application/json", body=json.dumps(reply))
        else:
            route.continue_()

    page.route("**/me/profile", refuse)
    open_form(page, site_url)
    page.get_by_role("button", name="Save your profile").click()

    expect(page.locator("#organisation_id-error")).to_have_text(
        "Error: Choose the organisation your email address or invitation belongs to: Cabinet Office"
    )


def test_saving_a_profile_that_was_changed_elsewhere_says_so_and_loads_the_latest_version(
    page, site_url, signed_in_with_profile, api_fetch
):
    open_form(page, site_url)
    page.get_by_label("Your name").fill("Name typed in this tab")

    elsewhere = dict(signed_in_with_profile["profile"], display_name="Name saved in another tab")
    for read_only in ("user_id", "created_at", "updated_at"):
        elsewhere.pop(read_only, None)
    assert api_fetch(page, "PUT", "/me/profile", elsewhere)["status"] == 200

    page.get_by_role("button", name="Save your profile").click()
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("changed in another window or tab")
    expect(page.get_by_label("Your name")).to_have_value("Name saved in another tab")


def test_a_saved_profile_shows_on_your_profile_with_a_change_link_for_every_answer(
    page, site_url, signed_in_with_profile, assert_accessible
):
    page.goto(f"{site_url}/profile")
    details = page.locator("#profile-details")
    expect(details).to_be_visible()
    expect(details).to_contain_text("Grace Hopper")
    expect(details).to_contain_text("Grade 6")
    expect(details).to_contain_text(signed_in_with_profile["organisation"]["name"])
    expect(page.get_by_role("link", name=re.compile("^Change"))).to_have_count(13)
    assert_accessible(page)


def test_organisation_names_and_tag_suggestions_are_shown_as_text_never_run_as_html(
    page, site_url, signed_in_with_profile
):
    hostile = '<img src=x onerror="window.__attacked = true">'
    organisations = {"organisations": [{"id": "hostile", "name": f"{hostile} Agency", "kind": "department"}]}
    page.route(
        "**/organisations",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(organisations)
        ),
    )
    page.route(
        "**/vocabulary/**",
        lambda route: route.fulfill(
            status=200,
            content_type="application/json",
            body=json.dumps({"kind": "skills", "items": [f"{hostile} skill"]}),
        ),
    )
    open_form(page, site_url)

    organisation = page.get_by_label("Organisation")
    organisation.fill("")
    organisation.press_sequentially("Agen", delay=20)
    expect(page.locator("#organisation_id__listbox")).to_contain_text(f"{hostile} Agency")
    skill = page.get_by_label("Add a skill you can offer")
    skill.press_sequentially("<img", delay=20)
    expect(page.locator("#skills_offered-input__listbox")).to_contain_text(f"{hostile} skill")
    skill.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#skills_offered-list")).to_contain_text(f"{hostile} skill")

    assert page.evaluate("() => window.__attacked") is None
    assert page.locator("#profile-form img").count() == 0


def test_the_organisation_box_keeps_its_hint_and_error_for_screen_readers_while_people_type(
    page, site_url, signed_in_with_profile
):
    open_form(page, site_url)
    organisation = page.get_by_label("Organisation")
    expect(organisation).to_have_attribute("aria-describedby", re.compile(r"\borganisation_id-hint\b"))

    organisation.fill("")
    organisation.press_sequentially("Nowhere that exists", delay=10)
    page.get_by_role("button", name="Save your profile").click()
    expect(page.locator("#organisation_id-error")).to_have_text(
        "Error: Choose your organisation from the list"
    )
    expect(organisation).to_have_attribute("aria-describedby", re.compile(r"\borganisation_id-error\b"))

    organisation.press_sequentially("x", delay=10)
    organisation.fill("")
    expect(organisation).to_have_attribute(
        "aria-describedby", re.compile(r"organisation_id-hint.*organisation_id-error")
    )


def test_add_with_an_empty_box_asks_for_an_interest_with_the_right_article(page, site_url, signed_in_with_profile):
    open_form(page, site_url)
    page.get_by_role("button", name="Add interest").click()
    expect(page.locator("#interests-status")).to_have_text("Type an interest first")
    page.get_by_role("button", name="Add skill you can offer").click()
    expect(page.locator("#skills_offered-status")).to_have_text("Type a skill you can offer first")
