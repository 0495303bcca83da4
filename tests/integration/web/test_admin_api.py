"""The admin API: organisations, usage figures, suspensions and the audit log (moto)."""

import pytest

from chalicelib.bootstrap import services
from tests.builders import make_profile_body

NEW_ORGANISATION = {"id": "office-for-mentoring", "name": "Office for Mentoring", "kind": "arms-length body",
                    "abbreviation": "OfM", "domains": ["Mentoring.gov.uk"]}


@pytest.fixture
def admin(people):
    return people.add("admin@dwp.gov.uk", admin=True)


@pytest.mark.parametrize("method, path", [
    ("GET", "/admin/stats"), ("POST", "/admin/users/x/suspend"), ("POST", "/admin/users/x/reinstate"),
    ("GET", "/admin/audit"), ("GET", "/admin/organisations"), ("POST", "/organisations"),
    ("PUT", "/organisations/hm-revenue-customs"), ("GET", "/admin/users?q=ada"), ("GET", "/admin/users/x"),
    ("GET", "/admin/reports"),
])
def test_only_administrators_may_call_the_admin_routes(api, people, method, path):
    someone = people.add("someone@dwp.gov.uk")
    body = NEW_ORGANISATION if method != "GET" else None
    assert api.call(method, path, someone.token, body).status == 403
    assert api.call(method, path, None, body).status == 401


def test_an_administrator_adds_an_organisation_whose_domain_then_opens_sign_up(api, admin, people):
    reply = api.call("POST", "/organisations", admin.token, NEW_ORGANISATION)
    assert reply.status == 201
    assert reply.body == {**NEW_ORGANISATION, "domains": ["mentoring.gov.uk"], "active": True}
    listed = api.call("GET", "/organisations").body["organisations"]
    assert "office-for-mentoring" in {org["id"] for org in listed}
    newcomer = people.add("sam@mentoring.gov.uk")
    profile = api.call("PUT", "/me/profile", newcomer.token, make_profile_body(organisation_id="office-for-mentoring"))
    assert profile.status == 200


@pytest.mark.parametrize("domain", ["*.gov.uk", "gov.uk", "co.uk", "nhs.net"])
def test_a_public_sector_wildcard_or_public_suffix_is_refused_as_an_organisation_domain(api, admin, domain):
    reply = api.call("POST", "/organisations", admin.token, {**NEW_ORGANISATION, "domains": [domain]})
    assert reply.status == 400
    assert "domains" in reply.body["error"]["fields"]
    assert api.call("GET", "/admin/organisations", admin.token).body["organisations"][0]["id"] != "office-for-mentoring"


def test_unknown_fields_and_taken_domains_are_refused(api, admin):
    assert api.call("POST", "/organisations", admin.token, {**NEW_ORGANISATION, "owner": "me"}).status == 400
    taken = api.call("POST", "/organisations", admin.token, {**NEW_ORGANISATION, "domains": ["dwp.gov.uk"]})
    assert taken.status == 409


def test_closing_an_organisation_hides_it_and_closes_its_domain(api, admin, people):
    change = {"name": "HM Revenue & Customs", "kind": "department", "domains": ["hmrc.gov.uk"], "active": False}
    assert api.call("PUT", "/organisations/hm-revenue-customs", admin.token, change).status == 200
    assert "hm-revenue-customs" not in {o["id"] for o in api.call("GET", "/organisations").body["organisations"]}
    closed = api.call("GET", "/admin/organisations", admin.token).body["organisations"]
    assert {"id": "hm-revenue-customs", "active": False}.items() <= next(
        o for o in closed if o["id"] == "hm-revenue-customs").items()
    assert api.call("PUT", "/me/profile", people.add("t@hmrc.gov.uk").token,
                    make_profile_body(organisation_id="hm-revenue-customs")).status == 400
    assert api.call("PUT", "/organisations/nowhere", admin.token, change).status == 404


def test_stats_count_people_mentors_and_mentees_by_organisation(api, admin, people):
    for number, roles in enumerate((["mentee"], ["mentee", "mentor"], ["mentor"])):
        person = people.add(f"p{number}@dwp.gov.uk")
        body = make_profile_body(roles=roles, mentor_capacity=2 if "mentor" in roles else 0)
        assert api.call("PUT", "/me/profile", person.token, body).status == 200
    reply = api.call("GET", "/admin/stats", admin.token)
    assert reply.status == 200
    dwp = reply.body["organisations"][0]
    assert (dwp["organisation_id"], dwp["name"], dwp["people"], dwp["mentors"], dwp["mentees"]) == (
        "department-for-work-pensions", "Department for Work and Pensions", 3, 2, 2)
    assert set(dwp) == {"organisation_id", "name", "people", "mentors", "mentees", "open_requests",
                        "accepted_requests", "acceptance_rate", "median_hours_to_first_answer", "reports_received"}
    assert reply.body["totals"]["people"] == 3


def test_a_suspended_person_is_refused_at_once_disabled_in_cognito_and_left_out_of_matches(api, admin, people):
    priya = people.add("priya@dwp.gov.uk")
    assert api.call("PUT", "/me/profile", priya.token, make_profile_body()).status == 200
    reply = api.call("POST", f"/admin/users/{priya.user_id}/suspend", admin.token)
    assert reply.status == 200
    assert reply.body["state"] == "suspended"
    assert api.call("GET", "/me/profile", priya.token).status == 403
    assert people.enabled(priya) is False
    assert services().adapters.accounts.suspended_ids() == {priya.user_id}

    assert api.call("POST", f"/admin/users/{priya.user_id}/reinstate", admin.token).body["state"] == "active"
    assert api.call("GET", "/me/profile", priya.token).status == 200
    assert people.enabled(priya) is True
    assert services().adapters.accounts.suspended_ids() == set()
    actions = [e["action"] for e in api.call("GET", "/admin/audit", admin.token).body["entries"]]
    assert actions == ["account.reinstate", "account.suspend"]


def test_suspending_an_unknown_account_or_yourself_is_refused(api, admin):
    assert api.call("POST", "/admin/users/no-such-user/suspend", admin.token).status == 404
    assert api.call("POST", f"/admin/users/{admin.user_id}/suspend", admin.token).status == 409


def test_the_audit_log_holds_ids_only(api, admin):
    api.call("POST", "/organisations", admin.token, NEW_ORGANISATION)
    entries = api.call("GET", "/admin/audit?days=1", admin.token).body["entries"]
    assert [(e["actor"], e["action"], e["target_id"]) for e in entries] == [
        (admin.user_id, "organisation.create", "office-for-mentoring")]
    assert "@" not in str(entries) and "Mentoring" not in str(entries)
    assert api.call("GET", "/admin/audit?days=365", admin.token).status == 400


def test_stats_count_requests_acceptances_and_answer_times_from_the_mentorship_journey(api, admin, people):
    mentor = people.add("mentor@dwp.gov.uk")
    mentee = people.add("mentee@dwp.gov.uk")
    assert api.call("PUT", "/me/profile", mentor.token,
                    make_profile_body(grade="G6", roles=["mentor"], mentor_capacity=2)).status == 200
    assert api.call("PUT", "/me/profile", mentee.token, make_profile_body(grade="EO", roles=["mentee"])).status == 200
    requested = api.call("POST", "/mentorships", mentee.token, {"mentor_id": mentor.user_id, "message": "Hello"})
    assert requested.status == 201, requested.body
    open_row = api.call("GET", "/admin/stats", admin.token).body["organisations"][0]
    assert (open_row["open_requests"], open_row["accepted_requests"], open_row["acceptance_rate"]) == (1, 0, None)
    accepted = api.call("POST", f"/mentorships/{requested.body['mentorship_id']}/accept", mentor.token)
    assert accepted.status == 200, accepted.body
    row = api.call("GET", "/admin/stats", admin.token).body["organisations"][0]
    assert (row["organisation_id"], row["open_requests"], row["accepted_requests"], row["acceptance_rate"]) == (
        "department-for-work-pensions", 0, 1, 1.0)
    assert row["median_hours_to_first_answer"] == 0.0
