"""Replies with real data in them keep the published contract.

The fuzzing (tests/unit/contract) runs over an empty world, where lists are empty and most routes
answer 404: it cannot see a field a reply gained with data. Here the world holds suggestions of
each strength, an empty list's reasons, a pending request with its message, a search result, a
report and a suspended person, and each reply is checked against the schema its route declares
(and, being personal, carries Cache-Control: no-store).
"""

import pytest

from chalicelib.web.contract import OPERATIONS
from tests.builders import make_profile_body
from tests.unit.web.world import ask, with_profile


def conforms(reply, method: str, path: str) -> dict:
    """The reply is a success, in its route's declared shape, and (each of these is personal) never cached."""
    assert 200 <= reply.status < 300, reply.body
    assert reply.headers["Cache-Control"] == "no-store"
    declared = OPERATIONS[(path, method)].reply
    assert declared is not None, f"{method} {path} declares no reply"
    declared.model_validate(reply.body)
    return reply.body


@pytest.fixture
def world(api, people):
    mentee = with_profile(api, people.add(), display_name="Tom Mentee", grade="HEO", roles=["mentee"],
                          skills_wanted=["Python", "Negotiation"], interests=["Running"], mentor_capacity=0,
                          accepting_requests=False)
    strong = with_profile(api, people.add(), display_name="Sana Strong", grade="G7", roles=["mentor"],
                          skills_offered=["python", "negotiation"], skills_wanted=[], mentor_capacity=3)
    good = with_profile(api, people.add(), display_name="Gail Good", grade="G7", roles=["mentor"],
                        skills_offered=["Python"], skills_wanted=[], mentor_capacity=3)
    top = with_profile(api, people.add(), display_name="Tess Top", grade="SCS3", roles=["mentee"],
                       skills_wanted=["Falconry"], mentor_capacity=0, accepting_requests=False)
    admin = with_profile(api, people.add(admin=True), display_name="Ada Admin")
    return {"mentee": mentee, "strong": strong, "good": good, "top": top, "admin": admin}


def test_suggestions_and_an_empty_lists_reasons_keep_the_contract(api, world):
    listed = conforms(api.call("GET", "/me/matches", world["mentee"].token), "GET", "/me/matches")
    assert {entry["strength"] for entry in listed["matches"]} >= {"strong", "good"}
    empty = conforms(api.call("GET", "/me/matches", world["top"].token), "GET", "/me/matches")
    assert empty["matches"] == [] and empty["reasons"]


def test_a_search_result_keeps_the_contract(api, world):
    found = conforms(api.call("GET", "/mentors?skill=python", world["mentee"].token), "GET", "/mentors")
    assert found["mentors"] and found["mentors"][0]["can_help_with"]


def test_a_pending_request_with_its_message_and_the_data_download_keep_the_contract(api, world):
    assert ask(api, world["mentee"], world["strong"], "Could you help me with Python?").status == 201
    mine = conforms(api.call("GET", "/mentorships", world["strong"].token), "GET", "/mentorships")
    assert mine["mentorships"][0]["request_message"]["body"] == "Could you help me with Python?"
    exported = conforms(api.call("GET", "/me/export", world["mentee"].token), "GET", "/me/export")
    assert exported["profile"]["grade_name"] and exported["mentorships"][0]["status_described"]


def test_the_admin_pages_about_a_person_and_reports_keep_the_contract(api, world):
    admin, strong = world["admin"].token, world["strong"]
    assert api.call("POST", "/reports", world["mentee"].token, {"user_id": strong.user_id, "reason": "Rude"}).status == 201
    found = conforms(api.call("GET", "/admin/users?q=sana", admin), "GET", "/admin/users")
    assert [p["user_id"] for p in found["people"]] == [strong.user_id]
    person = conforms(api.call("GET", f"/admin/users/{strong.user_id}", admin), "GET", "/admin/users/{user_id}")
    assert person["reports"][0]["reporter"]["user_id"] == world["mentee"].user_id
    reports = conforms(api.call("GET", "/admin/reports", admin), "GET", "/admin/reports")
    assert reports["reports"][0]["reported"]["user_id"] == strong.user_id
    assert api.call("POST", f"/admin/users/{strong.user_id}/suspend", admin).status == 200
    conforms(api.call("GET", f"/admin/users/{strong.user_id}/export", admin), "GET", "/admin/users/{user_id}/export")


def test_a_sign_up_check_keeps_the_contract(api):
    checked = conforms(api.call("POST", "/sign-up/check", json_body={"email": "new.person@dwp.gov.uk"}),
                       "POST", "/sign-up/check")
    assert checked["organisation"]["via"] == "email"


def test_a_profile_saved_with_tags_as_written_keeps_the_contract(api, people):
    person = people.add()
    body = make_profile_body(skills_offered=["SQL", "Welsh language"])
    saved = conforms(api.call("PUT", "/me/profile", person.token, body), "PUT", "/me/profile")
    assert saved["skills_offered"] == ["SQL", "Welsh language"]
