"""GET/PUT /me/profile and GET /profiles/{id} through the real app, authorizer and DynamoDB."""

import pytest

from tests.builders import make_profile_body


def test_a_new_person_has_no_profile_yet(api, people):
    reply = api.call("GET", "/me/profile", people.token())
    assert reply.status == 404
    assert reply.body["error"]["code"] == "not_found"


def test_creating_a_profile_returns_it_as_written_tidied_with_version_one(api, people):
    token = people.token(sub="user-1")
    body = make_profile_body(skills_wanted=["  Data   ANALYSIS ", "python3", "Python"], professions=["POLICY"])
    reply = api.call("PUT", "/me/profile", token, body)
    assert reply.status == 200
    assert reply.body["user_id"] == "user-1"
    assert reply.body["version"] == 1
    assert reply.body["skills_wanted"] == ["Data ANALYSIS", "python3"]  # case kept; one spelling per key
    assert reply.body["professions"] == ["Policy"]  # the list's own spelling
    assert api.call("GET", "/me/profile", token).body == reply.body


def test_updating_with_the_version_read_increments_it(api, people):
    token = people.token()
    first = api.call("PUT", "/me/profile", token, make_profile_body()).body
    second = api.call("PUT", "/me/profile", token, make_profile_body(location="Cardiff", version=first["version"]))
    assert second.status == 200
    assert second.body["version"] == 2
    assert second.body["location"] == "Cardiff"
    assert second.body["created_at"] == first["created_at"]


def test_a_stale_version_gets_409_and_changes_nothing(api, people):
    token = people.token()
    api.call("PUT", "/me/profile", token, make_profile_body())
    api.call("PUT", "/me/profile", token, make_profile_body(location="York", version=1))
    stale = api.call("PUT", "/me/profile", token, make_profile_body(location="Hull", version=1))
    assert stale.status == 409
    assert stale.body["error"]["code"] == "version_conflict"
    assert api.call("GET", "/me/profile", token).body["location"] == "York"


def test_creating_again_without_a_version_gets_409(api, people):
    token = people.token()
    api.call("PUT", "/me/profile", token, make_profile_body())
    reply = api.call("PUT", "/me/profile", token, make_profile_body(location="Hull"))
    assert reply.status == 409
    assert api.call("GET", "/me/profile", token).body["location"] == "Leeds"


@pytest.mark.parametrize("field, value", [
    ("grade", "G9"),
    ("display_name", ""),
    ("display_name", "x" * 81),
    ("professions", ["Juggling"]),
    ("skills_offered", [f"skill {n}" for n in range(31)]),
    ("roles", []),
    ("roles", ["boss"]),
    ("mentor_capacity", 11),
    ("mentor_capacity", "3"),
    ("accepting_requests", "yes"),
    ("organisation_id", "no-such-organisation"),
    ("organisation_id", "closed-agency"),
    ("sub", "someone-else"),
    ("cognito:groups", ["admins"]),
    ("email", "boss@example.com"),
])
def test_an_invalid_profile_gets_400_naming_the_field_and_stores_nothing(api, people, field, value):
    token = people.token()
    reply = api.call("PUT", "/me/profile", token, make_profile_body(**{field: value}))
    assert reply.status == 400
    assert reply.body["error"]["code"] == "validation_error"
    assert field in reply.body["error"]["fields"]
    assert api.call("GET", "/me/profile", token).status == 404


def test_read_only_fields_sent_back_are_ignored_not_stored(api, people):
    token = people.token(sub="me")
    body = make_profile_body(user_id="someone-else", created_at="1999-01-01T00:00:00+00:00")
    reply = api.call("PUT", "/me/profile", token, body)
    assert reply.status == 200
    assert reply.body["user_id"] == "me"
    assert reply.body["created_at"] != "1999-01-01T00:00:00+00:00"


@pytest.mark.parametrize("body, headers, status, code", [
    ("{not json", {"Content-Type": "application/json"}, 400, "malformed_request"),
    ("[1, 2]", {"Content-Type": "application/json"}, 400, "validation_error"),
    ("\xff\xfe", {"Content-Type": "application/json"}, 400, "malformed_request"),
    ('{"display_name": "x"}', {"Content-Type": "text/plain"}, 415, "unsupported_media_type"),
    ('{"bio": "' + "x" * 70000 + '"}', {"Content-Type": "application/json"}, 413, "payload_too_large"),
])
def test_bad_request_bodies_get_a_clear_json_error(api, people, body, headers, status, code):
    token = people.token()
    reply = api.call("PUT", "/me/profile", token, body=body, headers=headers)
    assert reply.status == status
    assert reply.body["error"]["code"] == code
    assert reply.body["error"]["message"]
    assert api.call("GET", "/me/profile", token).status == 404


def test_others_see_a_profile_without_its_version(api, people):
    api.call("PUT", "/me/profile", people.token(sub="owner"), make_profile_body())
    reply = api.call("GET", "/profiles/owner", people.token(sub="viewer"))
    assert reply.status == 200
    assert reply.body["display_name"] == "Priya Shah"
    assert "version" not in reply.body
    assert "email" not in reply.body


def test_an_unknown_profile_is_404(api, people):
    assert api.call("GET", "/profiles/nobody", people.token()).status == 404
