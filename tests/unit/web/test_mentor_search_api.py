"""GET /mentors: search and browse that keep the match lists' eligibility and block rules."""

import pytest

from chalicelib.accounts.domain import AccountStanding
from tests.builders import make_profile_body


def mentor(name: str, **overrides) -> dict:
    values = dict(display_name=name, roles=["mentor"], grade="G7", skills_offered=["Python", "Coaching"],
                  skills_wanted=[], mentor_capacity=2, accepting_requests=True, location="Leeds")
    return make_profile_body(**{**values, **overrides})


@pytest.fixture
def world(api, people):
    """Me (an HEO who wants a mentor) and a few mentors; returns a function to add more."""
    me = people.add()
    assert api.call("PUT", "/me/profile", me.token, make_profile_body(
        roles=["mentee"], grade="HEO", skills_wanted=["python", "Negotiation"], mentor_capacity=0,
        accepting_requests=False)).status == 200

    def add(name: str, email: str = "", **overrides):
        person = people.add(email)
        reply = api.call("PUT", "/me/profile", person.token, mentor(name, **overrides))
        assert reply.status == 200, reply.body
        return person

    return me, add


def names(api, token, query="") -> list[str]:
    reply = api.call("GET", f"/mentors{query}", token)
    assert reply.status == 200, reply.body
    return [entry["display_name"] for entry in reply.body["mentors"]]


def test_browsing_lists_available_mentors_at_my_grade_or_above_closest_grade_first(api, world):
    me, add = world
    add("Senior", grade="SCS1")
    add("Peer", grade="HEO")
    add("Junior", grade="EO")
    add("Mentee only", roles=["mentee"], skills_wanted=["Python"])
    add("Not taking requests", accepting_requests=False)
    add("No capacity", mentor_capacity=0)
    assert names(api, me.token) == ["Peer", "Senior"]


def test_a_result_says_what_they_can_help_me_with_in_my_words(api, world):
    me, add = world
    add("Ada", "ada@hmrc.gov.uk", skills_offered=["PYTHON", "Negotiation", "SQL"], organisation_id="hm-revenue-customs")
    [ada] = api.call("GET", "/mentors", me.token).body["mentors"]
    assert ada["can_help_with"] == ["Negotiation", "python"]
    assert ada["skills_offered"] == ["PYTHON", "Negotiation", "SQL"]
    assert ada["department"] == "HM Revenue & Customs" and ada["grade"] == "G7"


def test_search_by_skill_organisation_location_and_grade(api, world):
    me, add = world
    add("Py Leeds", skills_offered=["Python"], location="Leeds")
    add("Py York HMRC", "py@hmrc.gov.uk", skills_offered=["python"], location="York",
        organisation_id="hm-revenue-customs")
    add("Coach", skills_offered=["Coaching"], grade="G6")
    assert sorted(names(api, me.token, "?skill=PYTHON")) == ["Py Leeds", "Py York HMRC"]  # one grade: by id
    assert names(api, me.token, "?organisation=hm-revenue-customs") == ["Py York HMRC"]
    assert names(api, me.token, "?location=%20york%20") == ["Py York HMRC"]
    assert names(api, me.token, "?grade=G6") == ["Coach"]
    assert names(api, me.token, "?skill=python&location=leeds") == ["Py Leeds"]
    assert names(api, me.token, "?grade=EO") == []  # below my grade: the grade rule


def test_nobody_blocked_either_way_or_already_asked_is_shown(api, world, people):
    me, add = world
    blocked, blocker, asked = add("Blocked"), add("Blocker"), add("Asked")
    add("Shown")
    assert api.call("POST", "/blocks", me.token, {"user_id": blocked.user_id}).status == 201
    assert api.call("POST", "/blocks", blocker.token, {"user_id": me.user_id}).status == 201
    assert api.call("POST", "/mentorships", me.token, {"mentor_id": asked.user_id, "message": "Hello"}).status == 201
    assert names(api, me.token) == ["Shown"]


def test_suspended_and_deleted_mentors_are_not_shown(api, world, services):
    me, add = world
    suspended, deleted = add("Suspended"), add("Deleted")
    services.adapters.accounts.put(AccountStanding(suspended.user_id, "suspended"))
    assert api.call("DELETE", "/me", deleted.token).status == 204
    assert names(api, me.token) == []
    assert deleted.user_id not in services.adapters.mentor_search.listed  # deleting an account removes its entries


def test_a_mentor_who_changes_their_profile_is_found_as_they_are_now(api, world, people):
    me, add = world
    changed = add("Changing", skills_offered=["Python"])
    body = mentor("Changing", skills_offered=["Coaching"], version=1)
    assert api.call("PUT", "/me/profile", changed.token, body).status == 200
    assert names(api, me.token, "?skill=python") == []
    assert names(api, me.token, "?skill=coaching") == ["Changing"]


def test_results_come_a_page_at_a_time_with_a_cursor(api, world):
    me, add = world
    for number in range(23):
        add(f"Mentor {number:02}")
    first = api.call("GET", "/mentors", me.token).body
    assert len(first["mentors"]) == 20 and first["next_cursor"]
    second = api.call("GET", f"/mentors?cursor={first['next_cursor']}", me.token).body
    assert len(second["mentors"]) == 3 and second["next_cursor"] is None
    seen = [m["user_id"] for m in first["mentors"] + second["mentors"]]
    assert len(set(seen)) == 23


@pytest.mark.parametrize("query", ["?grade=G9", "?skill=" + "x" * 61, "?organisation=Not%20An%20Id",
                                   "?cursor=nonsense", "?colour=blue"])
def test_a_bad_search_gets_a_400_naming_the_parameter(api, world, query):
    me, _ = world
    reply = api.call("GET", f"/mentors{query}", me.token)
    assert reply.status == 400
    assert reply.body["error"]["code"] == "validation_error" and reply.body["error"]["fields"]


def test_searching_needs_a_profile_and_a_sign_in(api, people):
    assert api.call("GET", "/mentors").status == 401
    reply = api.call("GET", "/mentors", people.token())
    assert reply.status == 404 and "profile" in reply.body["error"]["message"]
