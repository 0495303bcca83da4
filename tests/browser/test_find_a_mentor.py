"""Find a mentor: search by skill, organisation, location and grade, with the match lists' rules."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_mentee_finds_a_mentor_by_a_skill_they_offer_and_can_ask_them(person_page, assert_accessible):
    skill = "Origami for negotiators"
    mentor = person_page(display_name="Sasha Searchable", roles=["mentor"], grade="SCS1", skills_offered=[skill],
                         skills_wanted=[], interests=[], professions=[], mentor_capacity=2, accepting_requests=True)
    junior = person_page(display_name="Jo Junior", roles=["mentor"], grade="AO", skills_offered=[skill],
                         skills_wanted=[], interests=[], professions=[], mentor_capacity=2, accepting_requests=True)
    mentee = person_page(display_name="Mo Mentee", roles=["mentee"], grade="HEO", skills_wanted=[skill.upper()],
                         mentor_capacity=0, accepting_requests=False)
    mentee.get_by_role("navigation", name="Menu").get_by_role("link", name="Find a mentor").click()
    expect(mentee.get_by_role("heading", level=1)).to_have_text("Find a mentor")
    expect(mentee.locator("#loading")).to_be_hidden()
    assert_accessible(mentee)

    mentee.get_by_label("Skill they offer (optional)").fill("origami FOR negotiators")
    mentee.get_by_role("button", name="Search").click()
    mentee.wait_for_url(re.compile(r"/mentors\?skill=origami"))
    results = mentee.locator("#mentor-list > li")
    expect(results).to_have_count(1)  # the AO mentor is below a HEO's grade: the grade rule
    card = results.first
    expect(card).to_contain_text("Sasha Searchable")
    expect(card.locator(".govuk-summary-list__row", has_text="Can help you with")).to_contain_text(skill.upper())
    expect(mentee.locator("#results-heading")).to_have_text("1 mentor")
    assert_accessible(mentee)
    assert junior.person["profile"]["user_id"] != card.get_attribute("data-user-id")

    card.get_by_role("link", name="Ask Sasha to mentor you").click()
    mentee.wait_for_url(re.compile(r"/request\?mentor="))
    assert mentor.person["profile"]["user_id"] in mentee.url


def test_a_search_nobody_matches_says_so(person_page):
    mentee = person_page(roles=["mentee"], grade="HEO", mentor_capacity=0, accepting_requests=False)
    mentee.goto(f"{mentee.site_url}/mentors?skill=nothing-anyone-offers-{mentee.person['profile']['user_id'][:8]}")
    expect(mentee.locator("#no-results")).to_be_visible()
    expect(mentee.get_by_label("Skill they offer (optional)")).to_have_value(re.compile("^nothing-anyone-offers"))
