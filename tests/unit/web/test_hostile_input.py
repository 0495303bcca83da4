"""Hostile input gets a 400 JSON error that says what is wrong, never a 500, and changes nothing.

Each case is one of the requests that produced a 500 or was wrongly accepted on main (issue 10).
"""

import json

import pytest

from tests.builders import make_profile_body
from tests.unit.web.world import make_world, with_profile

DEEP = "[" * 3000 + "]" * 3000
HUGE_NUMBER = "9" * 5000


def raw(api, method, path, token, text):
    return api.call(method, path, token, body=text, headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("text", [DEEP, '{"display_name": ' + DEEP + "}", '{"mentor_capacity": ' + HUGE_NUMBER + "}",
                                  '{"mentor_capacity": 1e999}', '{"mentor_capacity": NaN}', '{"a": 1', "\udcff"])
def test_a_hostile_profile_body_gets_400_never_500(api, people, text):
    token = people.token()
    reply = raw(api, "PUT", "/me/profile", token, text)
    assert reply.status == 400, reply.body
    assert reply.body["error"]["code"] == "malformed_request"
    assert api.call("GET", "/me/profile", token).status == 404


def test_a_lone_surrogate_escaped_in_json_is_refused_as_a_field_error(api, people):
    reply = raw(api, "PUT", "/me/profile", people.token(),
                json.dumps(make_profile_body()).replace('"Priya Shah"', '"Priya \\ud800"'))
    assert reply.status == 400
    assert "display_name" in reply.body["error"]["fields"]


def test_a_message_nested_3000_deep_gets_400(api, people):
    world = make_world(api, people)
    reply = raw(api, "POST", f"/mentorships/{world.mentorship_id}/messages", world.mentee.token,
                '{"body": ' + DEEP + "}")
    assert reply.status == 400
    thread = api.call("GET", f"/mentorships/{world.mentorship_id}/messages", world.mentee.token).body
    assert len(thread["messages"]) == 1


def test_an_invitation_with_a_5000_digit_max_uses_gets_400(api, people):
    admin = people.token(admin=True)
    reply = raw(api, "POST", "/invitations", admin,
                '{"organisation_id": "hm-revenue-customs", "max_uses": ' + HUGE_NUMBER + "}")
    assert reply.status == 400
    assert api.call("GET", "/invitations", admin).body["invitations"] == []


@pytest.mark.parametrize("days", ["²", "٣", "1e1", "-1", " 7", "0", "91", "9" * 400])
def test_audit_days_must_be_ascii_digits_in_range(api, people, days):
    reply = api.call("GET", f"/admin/audit?days={days}", people.token(admin=True))
    assert reply.status == 400, reply.body
    assert "days" in reply.body["error"]["fields"]


@pytest.mark.parametrize("path", ["/profiles/" + "x" * 200, "/profiles/%00", "/mentorships/a%20b",
                                  "/blocks/" + "é" * 10])
def test_a_path_id_that_names_nothing_gets_400_not_a_storage_error(api, people, path):
    method = "DELETE" if path.startswith("/blocks") else "GET"
    reply = api.call(method, path, people.token())
    assert reply.status in (400, 404), reply.body
    assert reply.body["error"]["code"] in ("validation_error", "not_found")


PHISHING = "IT Service Desk\nACTION NEEDED: re-verify at https://evil.example/x"


@pytest.mark.parametrize("field, value", [
    ("display_name", PHISHING),
    ("display_name", "Service desk https://evil.example/x"),
    ("display_name", "Call www.evil-helpdesk.com now"),
    ("display_name", "Reset at evil-helpdesk.co.uk"),
    ("job_title", "Head of IT\nverify at evil.com"),
    ("display_name", "\u200b"),
    ("display_name", "\u3164"),
    ("display_name", "   "),
    ("display_name", "Priya\u202eahS"),
    ("display_name", "Bell\x07"),
    ("display_name", "Nul\x00"),
    ("display_name", "Esc\x1b[31m"),
    ("display_name", "\ufdfa" * 60),
    ("location", "Leeds\r\nLondon"),
    ("bio", "Hello\x00there"),
    ("skills_offered", ["python\u200b"]),
    ("skills_offered", ["\ufdfa" * 60]),
])
def test_deceptive_or_invisible_text_in_a_profile_is_refused_with_the_field_named(api, people, field, value):
    token = people.token()
    reply = api.call("PUT", "/me/profile", token, make_profile_body(**{field: value}))
    assert reply.status == 400, reply.body
    assert field in reply.body["error"]["fields"]
    assert api.call("GET", "/me/profile", token).status == 404


def test_multi_line_fields_keep_line_breaks_and_tabs_and_names_are_normalised(api, people):
    reply = api.call("PUT", "/me/profile", people.token(),
                     make_profile_body(display_name="  \uff30riya  Shah ", bio="Line one\r\n\tLine two",
                                       job_title="Head of GOV.UK content"))
    assert reply.status == 200, reply.body
    assert reply.body["display_name"] == "Priya  Shah"
    assert reply.body["bio"] == "Line one\n\tLine two"
    assert reply.body["job_title"] == "Head of GOV.UK content"


def test_a_tag_is_cleaned_before_it_is_compared(api, people):
    # Kept as written once cleaned (NFKC: the full-width P is "P"); "python" is the same tag, so it goes.
    reply = api.call("PUT", "/me/profile", people.token(), make_profile_body(skills_offered=["\uff30ython", "python"]))
    assert reply.body["skills_offered"] == ["Python"]


@pytest.mark.parametrize("body", ["Hi\x00", "Hi\x1b[2J", "Hi\u202e", "\u200b"])
def test_control_and_format_characters_in_a_message_are_refused(api, people, body):
    world = make_world(api, people)
    reply = api.call("POST", f"/mentorships/{world.mentorship_id}/messages", world.mentee.token, {"body": body})
    assert reply.status == 400
    assert reply.body["error"]["fields"] == {"body": reply.body["error"]["fields"]["body"]}


def test_a_message_keeps_its_line_breaks(api, people):
    world = make_world(api, people)
    reply = api.call("POST", f"/mentorships/{world.mentorship_id}/messages", world.mentee.token,
                     {"body": "Hello,\n\nThank you.\tSee you"})
    assert reply.status == 201
    assert reply.body["body"] == "Hello,\n\nThank you.\tSee you"


def test_a_name_stored_before_the_rule_reaches_an_email_as_one_plain_line(api, people, services):
    the_mentor = with_profile(api, people.add(), display_name="Maya", roles=["mentor"], mentor_capacity=2,
                              accepting_requests=True)
    asker = with_profile(api, people.add(), display_name="Tom", roles=["mentee"])
    stored = services.adapters.profiles.get(asker.user_id)
    services.adapters.profiles.save(stored.with_changes(display_name=PHISHING))  # as if saved before the fix
    assert api.call("POST", "/mentorships", asker.token, {"mentor_id": the_mentor.user_id, "message": "Hi"}).status == 201
    email = services.adapters.email.sent[-1]
    assert all("\n" not in value and "\r" not in value for value in email.personalisation.values())
    from chalicelib.notifications.templates import render
    subject, _ = render(email.template_id, email.personalisation)
    assert "\n" not in subject


def test_every_reply_to_a_bad_request_is_our_json_error_shape(api, people):
    reply = raw(api, "PUT", "/me/profile", people.token(), json.dumps([1, 2]))
    assert reply.status == 400
    assert set(reply.body["error"]) >= {"code", "message"}


@pytest.mark.parametrize("query, field", [
    ("skill=py%00thon", "skill"), ("skill=python%E2%80%8B", "skill"), ("skill=" + "x" * 61, "skill"),
    ("location=Leeds%E2%80%AE", "location"), ("location=Leeds%0D%0ALondon", "location"),
    ("grade=G%37%00", "grade"), ("organisation=HMRC", "organisation"), ("cursor=%00", "cursor"),
])
def test_a_mentor_search_cleans_its_text_like_every_input(api, people, query, field):
    token = with_profile(api, people.add()).token
    reply = api.call("GET", f"/mentors?{query}", token)
    assert reply.status == 400, reply.body
    assert field in reply.body["error"]["fields"]


@pytest.mark.parametrize("q", ["pri%00", "pri%E2%80%AE", "%E2%80%8B%E2%80%8B%E2%80%8B", "x" * 255])
def test_an_admins_search_for_a_person_cleans_its_text_like_every_input(api, people, q):
    reply = api.call("GET", f"/admin/users?q={q}", people.token(admin=True))
    assert reply.status == 400, reply.body
    assert "q" in reply.body["error"]["fields"]


@pytest.mark.parametrize("days", ["²", "0", "366", "1e1"])
def test_recent_reports_days_must_be_ascii_digits_in_range(api, people, days):
    reply = api.call("GET", f"/admin/reports?days={days}", people.token(admin=True))
    assert (reply.status, list(reply.body["error"]["fields"])) == (400, ["days"])


@pytest.mark.parametrize("email", ["priya@dwp.gov.uk\u200b", "pri\x00ya@dwp.gov.uk", "priya\u202e@dwp.gov.uk",
                                   "x" * 300 + "@dwp.gov.uk", "not an address"])
def test_a_sign_up_check_cleans_the_address_like_every_input(api, email):
    reply = api.call("POST", "/sign-up/check", json_body={"email": email})
    assert (reply.status, list(reply.body["error"]["fields"])) == (400, ["email"])


def test_a_sign_up_check_normalises_the_address_before_the_gate(api):
    assert api.call("POST", "/sign-up/check", json_body={"email": " \uff50riya@dwp.gov.uk "}).status == 200
