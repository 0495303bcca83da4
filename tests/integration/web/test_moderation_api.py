"""Administrators find a person by name or email and see who they are before acting (moto)."""

import pytest

from tests.builders import make_profile_body


@pytest.fixture
def admin(people):
    return people.add("admin@dwp.gov.uk", admin=True)


def person(api, people, email, name, **values):
    someone = people.add(email)
    reply = api.call("PUT", "/me/profile", someone.token, make_profile_body(display_name=name, **values))
    assert reply.status == 200, reply.body
    return someone


def found(api, admin, typed):
    reply = api.call("GET", f"/admin/users?q={typed}", admin.token)
    assert reply.status == 200, reply.body
    return [(p["display_name"], p["email"]) for p in reply.body["people"]]


def test_a_person_is_found_by_the_start_of_their_name_or_surname_whatever_the_case(api, people, admin):
    person(api, people, "grace.hopper@dwp.gov.uk", "Grace Hopper")
    person(api, people, "grace.jones@dwp.gov.uk", "Grace  Jones")
    person(api, people, "ada@dwp.gov.uk", "Ada Lovelace")
    assert found(api, admin, "grace") == [("Grace Hopper", "grace.hopper@dwp.gov.uk"),  # by name and by email
                                          ("Grace  Jones", "grace.jones@dwp.gov.uk")]
    assert found(api, admin, "HOP") == [("Grace Hopper", None)]
    assert found(api, admin, "grace%20j") == [("Grace  Jones", None)]
    assert found(api, admin, "zz") == []


def test_a_person_is_found_by_the_start_of_their_email_address(api, people, admin):
    person(api, people, "grace.hopper@dwp.gov.uk", "Grace Hopper")
    people.add("grace.nobody@dwp.gov.uk")  # an account without a profile yet
    assert found(api, admin, "Grace.") == [("Grace Hopper", "grace.hopper@dwp.gov.uk"),
                                          (None, "grace.nobody@dwp.gov.uk")]


def test_a_renamed_person_is_found_by_their_new_name_only(api, people, admin):
    someone = person(api, people, "g@dwp.gov.uk", "Grace Hopper")
    body = make_profile_body(display_name="Grace Brewster", version=1)
    assert api.call("PUT", "/me/profile", someone.token, body).status == 200
    assert found(api, admin, "hopper") == [] and found(api, admin, "brew") == [("Grace Brewster", None)]


def test_an_administrator_sees_who_someone_is_and_the_reports_about_them(api, people, admin):
    reported = person(api, people, "ben@dwp.gov.uk", "Ben Reported", grade="G7", roles=["mentor"])
    reporter = person(api, people, "cat@dwp.gov.uk", "Cat Reporter")
    assert api.call("POST", "/reports", reporter.token, {"user_id": reported.user_id,
                                                          "reason": "Rude messages"}).status == 201
    reply = api.call("GET", f"/admin/users/{reported.user_id}", admin.token)
    assert reply.status == 200
    seen = reply.body
    assert (seen["display_name"], seen["email"], seen["grade"], seen["roles"]) == (
        "Ben Reported", "ben@dwp.gov.uk", "G7", ["mentor"])
    assert seen["organisation"] == {"id": "department-for-work-pensions", "name": "Department for Work and Pensions"}
    assert seen["state"] == "active" and seen["can_sign_in"] is True
    [report] = seen["reports"]
    assert report["reason"] == "Rude messages"
    assert report["reporter"] == {"user_id": reporter.user_id, "display_name": "Cat Reporter"}


def test_recent_reports_name_and_link_the_people_in_them(api, people, admin):
    reported = person(api, people, "ben@dwp.gov.uk", "Ben Reported")
    reporter = person(api, people, "cat@dwp.gov.uk", "Cat Reporter")
    for reason in ("First", "Second"):
        api.call("POST", "/reports", reporter.token, {"user_id": reported.user_id, "reason": reason})
    reports = api.call("GET", "/admin/reports", admin.token).body["reports"]
    assert [r["reason"] for r in reports] == ["Second", "First"] or [r["reason"] for r in reports] == ["First", "Second"]
    assert all(r["reported"] == {"user_id": reported.user_id, "display_name": "Ben Reported"} for r in reports)
    assert api.call("GET", "/admin/reports?days=0", admin.token).status == 400


def test_a_deleted_account_is_not_found_and_leaves_the_name_index(api, people, admin):
    leaver = person(api, people, "leaver@dwp.gov.uk", "Lee Leaver")
    assert api.call("DELETE", "/me", leaver.token).status == 204
    assert api.call("GET", f"/admin/users/{leaver.user_id}", admin.token).status == 404
    assert found(api, admin, "lee") == []


@pytest.mark.parametrize("typed", ["", "a", "%20%20"])
def test_a_lookup_needs_two_characters(api, admin, typed):
    reply = api.call("GET", f"/admin/users?q={typed}", admin.token)
    assert reply.status == 400 and reply.body["error"]["fields"] == {"q": "must be 2 to 254 characters"}
