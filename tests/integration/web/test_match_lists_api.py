"""GET /me/matches: instant lists on save, the scheduled recompute, read-time filtering."""

import pytest
from chalice.test import Client

from app import app
from chalicelib.accounts.domain import AccountStanding
from chalicelib.adapters.dynamo.accounts import DynamoAccountRepository
from tests.builders import make_profile_body


def mentee_body(**overrides):
    return make_profile_body(roles=["mentee"], grade="HEO", skills_wanted=["Data analysis", "Python", "SQL"],
                             interests=["Mental health"], professions=["Policy"], mentor_capacity=0,
                             accepting_requests=False, **overrides)


def mentor_body(name, **overrides):
    values = dict(display_name=name, roles=["mentor"], grade="G7", skills_offered=["Python", "SQL"],
                  interests=["Mental health"], professions=["Analysis"], mentor_capacity=2, accepting_requests=True)
    values.update(overrides)
    return make_profile_body(**values)


def save(api, token, body):
    reply = api.call("PUT", "/me/profile", token, body)
    assert reply.status == 200, reply.body
    return reply.body


def matches(api, token, role="mentee"):
    reply = api.call("GET", f"/me/matches?as={role}", token)
    assert reply.status == 200, reply.body
    return reply.body["matches"]


def run_recompute():
    with Client(app) as client:
        return client.lambda_.invoke("recompute", client.events.generate_cw_event(
            source="aws.events", detail_type="Scheduled Event", detail={}, resources=[])).payload


def test_a_mentees_list_is_ready_as_soon_as_the_profile_is_saved_and_explains_itself(api, people):
    save(api, people.token(sub="mentor-a"), mentor_body("Ada"))
    mentee = people.token(sub="mentee-1")
    save(api, mentee, mentee_body())
    [entry] = matches(api, mentee)
    assert entry["user_id"] == "mentor-a"
    assert entry["display_name"] == "Ada"
    assert entry["department"] == "Department for Work and Pensions"
    assert entry["grade"] == "G7"
    # 0.60 * |{python, sql}| / |{data analysis, python, sql}| + 0.25 * 1 + 0.15 * 0
    assert entry["score"] == pytest.approx(0.60 * 2 / 3 + 0.25, abs=1e-4)
    assert entry["shared"] == {"skills": ["Python", "SQL"], "interests": ["Mental health"], "professions": []}
    assert entry["skills_asked"] == 3 and entry["strength"] == "strong"  # 2 of the 3 skills asked for


def test_a_mentor_who_saves_enters_waiting_mentees_lists_at_once(api, people):
    mentee = people.token(sub="mentee-1")
    save(api, mentee, mentee_body())
    assert matches(api, mentee) == []
    save(api, people.token(sub="mentor-b"), mentor_body("Bea"))
    assert [m["user_id"] for m in matches(api, mentee)] == ["mentor-b"]


def test_a_mentor_sees_the_people_they_could_mentor(api, people):
    save(api, people.token(sub="mentee-1"), mentee_body())
    mentor = people.token(sub="mentor-a")
    save(api, mentor, mentor_body("Ada"))
    assert [m["user_id"] for m in matches(api, mentor, "mentor")] == ["mentee-1"]


def test_lists_are_ranked_by_score_then_user_id(api, people):
    save(api, people.token(sub="mentor-z"), mentor_body("Zed"))
    save(api, people.token(sub="mentor-y"), mentor_body("Yan"))
    save(api, people.token(sub="mentor-best"), mentor_body("Best", skills_offered=["Python", "SQL", "Data analysis"]))
    save(api, people.token(sub="mentor-junior"), mentor_body("Junior", grade="EO"))  # below the mentee's grade
    save(api, people.token(sub="mentor-full"), mentor_body("Full", accepting_requests=False))
    mentee = people.token(sub="mentee-1")
    save(api, mentee, mentee_body())
    assert [m["user_id"] for m in matches(api, mentee)] == ["mentor-best", "mentor-y", "mentor-z"]


def test_the_scheduled_recompute_brings_new_people_into_lists_and_is_idempotent(api, people):
    mentee = people.token(sub="mentee-1")
    save(api, mentee, mentee_body())
    save(api, people.token(sub="mentor-a"), mentor_body("Ada"))
    first = run_recompute()
    assert first["profiles"] == 2 and first["lists"] == 2
    again = run_recompute()
    assert again["lists_changed"] == 0
    assert [m["user_id"] for m in matches(api, mentee)] == ["mentor-a"]


def test_people_who_stop_mentoring_or_are_suspended_drop_out_of_lists_at_once(api, people):
    mentee = people.token(sub="mentee-1")
    save(api, people.token(sub="mentor-a"), mentor_body("Ada"))
    save(api, people.token(sub="mentor-b"), mentor_body("Bea"))
    save(api, mentee, mentee_body())
    assert len(matches(api, mentee)) == 2
    DynamoAccountRepository().put(AccountStanding("mentor-a", "suspended", "2026-11-26T10:00:00+00:00"))
    save(api, people.token(sub="mentor-b"), mentor_body("Bea", accepting_requests=False, version=1))
    assert matches(api, mentee) == []


def test_asking_for_an_unknown_list_is_400_and_without_a_profile_404(api, people):
    token = people.token()
    assert api.call("GET", "/me/matches?as=boss", token).status == 400
    assert api.call("GET", "/me/matches", token).status == 404
