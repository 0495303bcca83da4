"""Match lists on the running local stack: seeded at start, instant on save."""

import pytest

from tests.builders import make_profile_body
from tests.e2e.api_client import api, sign_in, sign_up_and_sign_in

pytestmark = pytest.mark.e2e


def test_the_demo_user_has_suggested_mentors_from_the_start(local_stack):
    token = sign_in(local_stack.site_url, local_stack.user_pool_client_id,
                    local_stack.demo_user, local_stack.demo_password)["AccessToken"]
    reply = api(local_stack.site_url, "GET", "/me/matches?as=mentee", token, expect=200).body
    assert reply["computed_at"]
    assert 0 < len(reply["matches"]) <= 20
    strengths = ["strong", "good", "some"]
    order = [(strengths.index(m["strength"]), -m["score"]) for m in reply["matches"]]
    assert order == sorted(order)  # strong first, then good, then some; by score within each
    first = reply["matches"][0]
    assert first["display_name"] and first["department"] and first["grade"]
    assert any(first["shared"][kind] for kind in ("skills", "interests", "professions"))


def test_a_new_mentor_appears_at_once_in_a_matching_mentees_list(local_stack):
    _, mentee_tokens = sign_up_and_sign_in(local_stack.site_url, local_stack.user_pool_client_id)
    mentee = mentee_tokens["AccessToken"]
    rare = ["Welsh language", "Operational research", "Behavioural science"]
    api(local_stack.site_url, "PUT", "/me/profile", mentee, make_profile_body(
        roles=["mentee"], grade="AA", skills_wanted=rare, interests=["Sport"]), expect=200)
    _, mentor_tokens = sign_up_and_sign_in(local_stack.site_url, local_stack.user_pool_client_id)
    mentor = api(local_stack.site_url, "PUT", "/me/profile", mentor_tokens["AccessToken"], make_profile_body(
        display_name="Rare Skills Mentor", roles=["mentor"], grade="SCS1", skills_offered=rare,
        interests=["Sport"], mentor_capacity=3, accepting_requests=True), expect=200).body
    mine = api(local_stack.site_url, "GET", "/me/matches?as=mentee", mentee, expect=200).body["matches"]
    assert mine[0]["user_id"] == mentor["user_id"]
    assert mine[0]["shared"]["skills"] == sorted(rare)  # as the mentee wrote them
    assert mine[0]["strength"] == "strong" and mine[0]["skills_asked"] == 3


def test_the_demo_user_finds_mentors_by_skill_at_their_grade_or_above_a_page_at_a_time(local_stack):
    from chalicelib.grades import GRADE_RANK

    token = sign_in(local_stack.site_url, local_stack.user_pool_client_id,
                    local_stack.demo_user, local_stack.demo_password)["AccessToken"]
    me = api(local_stack.site_url, "GET", "/me/profile", token, expect=200).body
    found = api(local_stack.site_url, "GET", "/mentors?skill=leadership", token, expect=200).body
    assert found["mentors"], "the demo data has mentors who offer Leadership"
    assert all(GRADE_RANK[m["grade"]] >= GRADE_RANK[me["grade"]] for m in found["mentors"])
    assert all("leadership" in [s.lower() for s in m["skills_offered"]] for m in found["mentors"])
    assert me["user_id"] not in {m["user_id"] for m in found["mentors"]}
    everyone = api(local_stack.site_url, "GET", "/mentors", token, expect=200).body
    assert {m["user_id"] for m in found["mentors"]} <= {m["user_id"] for m in everyone["mentors"]} or everyone[
        "next_cursor"]
    if everyone["next_cursor"]:  # a page at a time, never the same mentor twice
        more = api(local_stack.site_url, "GET", f"/mentors?cursor={everyone['next_cursor']}", token,
                   expect=200).body
        assert not {m["user_id"] for m in more["mentors"]} & {m["user_id"] for m in everyone["mentors"]}
