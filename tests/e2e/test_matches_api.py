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
