"""The mentorship journey over HTTP against the running local stack: request, accept, messages, end."""

import pytest

from tests.builders import make_profile_body
from tests.e2e.api_client import api, request, sign_up_and_sign_in

pytestmark = pytest.mark.e2e


def new_person(stack, **profile) -> tuple[str, str, dict]:
    email, tokens = sign_up_and_sign_in(stack.site_url, stack.user_pool_client_id)
    token = tokens["AccessToken"]
    saved = api(stack.site_url, "PUT", "/me/profile", token, make_profile_body(**profile), expect=200).body
    return email, token, saved


def emails_to(stack, address: str) -> list[dict]:
    data = request("GET", f"{stack.moto_url}/moto-api/data.json").body
    messages = data.get("ses", {}).get("Message", [])
    return [m for m in messages if address in str(m.get("destinations"))]


def test_a_mentee_asks_a_mentor_who_accepts_they_talk_and_then_end_it(local_stack):
    site = local_stack.site_url
    mentor_email, mentor, mentor_profile = new_person(local_stack, display_name="Ben Okafor", roles=["mentor"],
                                                      mentor_capacity=1, accepting_requests=True)
    mentee_email, mentee, mentee_profile = new_person(local_stack, display_name="Priya Shah", roles=["mentee"],
                                                      mentor_capacity=0, accepting_requests=False)

    made = api(site, "POST", "/mentorships", mentee,
               {"mentor_id": mentor_profile["user_id"], "message": "Could you help me grow as a leader?"},
               expect=201).body
    path = f"/mentorships/{made['mentorship_id']}"
    assert made["status"] == "pending" and made["other"]["email"] is None
    [waiting] = api(site, "GET", "/mentorships", mentor, expect=200).body["mentorships"]
    assert waiting["can"] == ["accept", "decline"] and waiting["other"]["display_name"] == "Priya Shah"
    assert emails_to(local_stack, mentor_email), "the mentor is emailed about the request"

    api(site, "POST", f"{path}/accept", mentee, expect=403)
    accepted = api(site, "POST", f"{path}/accept", mentor, expect=200).body
    assert accepted["status"] == "accepted" and accepted["other"]["email"] == mentee_email
    api(site, "POST", f"{path}/accept", mentor, expect=409)

    api(site, "POST", f"{path}/messages", mentor, {"body": "Happy to. When suits you?"}, expect=201)
    api(site, "POST", f"{path}/messages", mentee, {"body": "Tuesday at 10?"}, expect=201)
    thread = api(site, "GET", f"{path}/messages", mentee, expect=200).body
    assert [(m["body"], m["from_me"]) for m in thread["messages"]] == [
        ("Could you help me grow as a leader?", True), ("Happy to. When suits you?", False), ("Tuesday at 10?", True)]

    ended = api(site, "POST", f"{path}/end", mentee, {"feedback": "Very useful"}, expect=200).body
    assert ended["status"] == "ended" and ended["my_feedback"] == "Very useful"
    api(site, "POST", f"{path}/messages", mentor, {"body": "One more thing"}, expect=409)
    assert api(site, "GET", path, mentor, expect=200).body["my_feedback"] is None
    for message in emails_to(local_stack, mentor_email) + emails_to(local_stack, mentee_email):
        assert "Tuesday" not in str(message) and "leader" not in str(message)
