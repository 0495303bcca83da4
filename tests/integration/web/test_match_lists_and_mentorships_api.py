"""Match lists and the journey together: capacity, open requests and blocks shape who is suggested."""


from tests.integration.journey import Journey
from tests.integration.web.test_match_lists_api import run_recompute


def suggested(journey: Journey, who) -> list[str]:
    reply = journey.call(who, "GET", "/me/matches?as=mentee", expect=200).body
    return [entry["user_id"] for entry in reply["matches"]]


def test_a_mentor_who_reaches_capacity_leaves_other_lists_at_the_next_refresh(journey):
    mentor = journey.mentor("Full Soon", capacity=1)
    first, second = journey.mentee("First"), journey.mentee("Second")
    assert mentor.user_id in suggested(journey, second)
    request = journey.ask(first, mentor)
    journey.call(mentor, "POST", f"/mentorships/{request['mentorship_id']}/accept", expect=200)
    run_recompute()
    assert mentor.user_id not in suggested(journey, second)
    assert mentor.user_id not in suggested(journey, first)  # an active mentorship: no need to suggest again


def test_an_open_request_or_a_block_removes_people_from_each_others_lists_at_once(journey):
    mentor, other_mentor, mentee = journey.mentor("Asked"), journey.mentor("Blocked"), journey.mentee("Asker")
    assert {mentor.user_id, other_mentor.user_id} <= set(suggested(journey, mentee))
    journey.ask(mentee, mentor)
    journey.call(mentee, "POST", "/blocks", {"user_id": other_mentor.user_id}, expect=201)
    assert not {mentor.user_id, other_mentor.user_id} & set(suggested(journey, mentee))
