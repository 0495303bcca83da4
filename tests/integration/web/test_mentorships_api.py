"""The mentorship journey through the real app (Chalice's test client) on moto: DynamoDB, Cognito, SES."""

import pytest


def test_a_request_is_created_pending_and_both_people_see_it(journey):
    mentee, mentor = journey.mentee("Priya Shah"), journey.mentor("Ben Okafor")
    made = journey.ask(mentee, mentor, "Could you help me with data analysis?")
    assert made["status"] == "pending" and made["my_role"] == "mentee"
    assert made["other"] == {"user_id": mentor.user_id, "display_name": "Ben Okafor", "email": None}
    assert made["can"] == ["withdraw"] and made["can_message"] is True
    [seen] = journey.call(mentor, "GET", "/mentorships", expect=200).body["mentorships"]
    assert seen["mentorship_id"] == made["mentorship_id"] and seen["my_role"] == "mentor"
    assert seen["other"] == {"user_id": mentee.user_id, "display_name": "Priya Shah", "email": None}
    assert seen["can"] == ["accept", "decline"]
    assert seen["request_message"]["body"] == "Could you help me with data analysis?"  # read before accepting
    assert seen["request_message"]["from_me"] is False and made["request_message"]["from_me"] is True
    thread = journey.call(mentor, "GET", f"/mentorships/{made['mentorship_id']}/messages", expect=200).body
    assert [m["body"] for m in thread["messages"]] == ["Could you help me with data analysis?"]
    assert thread["next_cursor"] is None


def test_emails_are_shown_to_each_other_only_once_accepted(journey):
    mentee, mentor = journey.mentee(), journey.mentor()
    made = journey.ask(mentee, mentor)
    accepted = journey.call(mentor, "POST", f"/mentorships/{made['mentorship_id']}/accept", expect=200).body
    assert accepted["status"] == "accepted" and accepted["other"]["email"] == mentee.email
    assert accepted["request_message"] is None  # only while the request waits for an answer
    [mine] = journey.call(mentee, "GET", "/mentorships", expect=200).body["mentorships"]
    assert mine["other"]["email"] == mentor.email
    ended = journey.call(mentee, "POST", f"/mentorships/{made['mentorship_id']}/end",
                         {"feedback": "Thank you"}, expect=200).body
    assert ended["other"]["email"] is None and ended["my_feedback"] == "Thank you" and ended["ended_by"] == "me"
    theirs = journey.call(mentor, "GET", f"/mentorships/{made['mentorship_id']}", expect=200).body
    assert theirs["my_feedback"] is None and theirs["ended_by"] == "them"


def test_only_the_right_person_can_make_each_move_and_a_refusal_changes_nothing(journey):
    mentee, mentor, stranger = journey.mentee(), journey.mentor(), journey.mentee()
    path = f"/mentorships/{journey.ask(mentee, mentor)['mentorship_id']}"
    for move in ("accept", "decline", "withdraw", "end"):
        assert journey.call(stranger, "POST", f"{path}/{move}").status == 404
    journey.call(stranger, "GET", path, expect=404)
    assert journey.call(mentee, "POST", f"{path}/accept").body["error"]["code"] == "forbidden"
    journey.call(mentee, "POST", f"{path}/decline", expect=403)
    journey.call(mentor, "POST", f"{path}/withdraw", expect=403)
    assert journey.call(mentee, "POST", f"{path}/end").body["error"]["code"] == "invalid_state"
    assert journey.call(mentee, "GET", path, expect=200).body["status"] == "pending"
    journey.call(mentor, "POST", f"{path}/accept", expect=200)
    assert journey.call(mentor, "POST", f"{path}/accept").status == 409
    journey.call(mentor, "POST", f"{path}/decline", expect=409)
    assert journey.call(mentee, "GET", path, expect=200).body["status"] == "accepted"


def test_unknown_mentorships_are_not_found(journey):
    someone = journey.mentee()
    journey.call(someone, "GET", "/mentorships/no-such-id", expect=404)
    journey.call(someone, "POST", "/mentorships/no-such-id/accept", expect=404)
    journey.call(someone, "GET", "/mentorships/no-such-id/messages", expect=404)


@pytest.mark.parametrize(("body", "field"), [
    ({"message": "hi"}, "mentor_id"),
    ({"mentor_id": "x", "message": ""}, "message"),
    ({"mentor_id": "x", "message": "x" * 5001}, "message"),
    ({"mentor_id": "x", "message": "hi", "status": "accepted"}, "status"),
])
def test_a_bad_request_body_is_a_400_naming_the_field_and_creates_nothing(journey, body, field):
    mentee = journey.mentee()
    reply = journey.call(mentee, "POST", "/mentorships", body, expect=400)
    assert field in reply.body["error"]["fields"]
    assert journey.call(mentee, "GET", "/mentorships", expect=200).body == {"mentorships": []}


def test_asking_yourself_someone_unknown_or_a_non_mentor_is_refused_clearly(journey):
    mentee, other_mentee = journey.mentee(), journey.mentee("Chen Li")
    reply = journey.call(mentee, "POST", "/mentorships", {"mentor_id": mentee.user_id, "message": "hi"}, expect=400)
    assert "yourself" in reply.body["error"]["message"]
    journey.call(mentee, "POST", "/mentorships", {"mentor_id": "nobody", "message": "hi"}, expect=404)
    refused = journey.call(mentee, "POST", "/mentorships", {"mentor_id": other_mentee.user_id, "message": "hi"},
                           expect=409).body["error"]
    assert refused["code"] == "not_available" and "Chen Li is not offering to mentor" in refused["message"]


def test_the_sixth_waiting_request_and_a_second_request_to_the_same_mentor_are_conflicts(journey):
    mentee = journey.mentee()
    mentors = [journey.mentor() for _ in range(6)]
    for mentor in mentors[:5]:
        journey.ask(mentee, mentor)
    again = journey.call(mentee, "POST", "/mentorships", {"mentor_id": mentors[0].user_id, "message": "hi"},
                         expect=409)
    assert again.body["error"]["code"] == "not_available"
    sixth = journey.call(mentee, "POST", "/mentorships", {"mentor_id": mentors[5].user_id, "message": "hi"},
                         expect=409)
    assert sixth.body["error"]["code"] == "request_limit_reached"


def test_a_mentor_at_capacity_gets_a_409_and_the_request_stays_pending(journey):
    mentor = journey.mentor(capacity=1)
    first, second = journey.ask(journey.mentee(), mentor), journey.ask(journey.mentee(), mentor)
    journey.call(mentor, "POST", f"/mentorships/{first['mentorship_id']}/accept", expect=200)
    full = journey.call(mentor, "POST", f"/mentorships/{second['mentorship_id']}/accept", expect=409)
    assert full.body["error"]["code"] == "capacity_reached"
    assert journey.call(mentor, "GET", f"/mentorships/{second['mentorship_id']}", expect=200).body["status"] == "pending"


def test_moves_take_no_body_or_their_own_fields_only(journey):
    mentee, mentor = journey.mentee(), journey.mentor()
    path = f"/mentorships/{journey.ask(mentee, mentor)['mentorship_id']}"
    journey.call(mentor, "POST", f"{path}/decline", {"reason": "x", "extra": 1}, expect=400)
    journey.call(mentor, "POST", f"{path}/accept", {"reason": "x"}, expect=400)
    declined = journey.call(mentor, "POST", f"{path}/decline", {"reason": "I am on leave"}, expect=200).body
    assert declined["decline_reason"] == "I am on leave"
    assert journey.call(mentee, "GET", path, expect=200).body["decline_reason"] == "I am on leave"


def test_messages_page_in_order_and_stop_when_the_mentorship_closes(journey):
    mentee, mentor = journey.mentee(), journey.mentor()
    path = f"/mentorships/{journey.ask(mentee, mentor, 'first')['mentorship_id']}"
    for n in range(54):
        sender = mentor if n % 2 else mentee
        posted = journey.call(sender, "POST", f"{path}/messages", {"body": f"message {n}"}, expect=201).body
        assert posted["from_me"] is True and posted["sender_id"] == sender.user_id
    page = journey.call(mentor, "GET", f"{path}/messages", expect=200).body
    assert len(page["messages"]) == 50 and page["next_cursor"]
    rest = journey.call(mentor, "GET", f"{path}/messages?cursor={page['next_cursor']}", expect=200).body
    bodies = [m["body"] for m in page["messages"] + rest["messages"]]
    assert bodies == ["first"] + [f"message {n}" for n in range(54)] and rest["next_cursor"] is None
    journey.call(mentor, "GET", f"{path}/messages?cursor=bogus", expect=400)
    journey.call(journey.mentee(), "POST", f"{path}/messages", {"body": "hi"}, expect=404)
    journey.call(mentee, "POST", f"{path}/withdraw", expect=200)
    closed = journey.call(mentee, "POST", f"{path}/messages", {"body": "one more"}, expect=409)
    assert closed.body["error"]["code"] == "invalid_state"


def test_emails_go_through_ses_with_a_link_and_never_the_message_or_an_email_address(journey):
    mentee, mentor = journey.mentee("Priya Shah"), journey.mentor("Ben Okafor")
    made = journey.ask(mentee, mentor, "my secret career plan")
    path = f"/mentorships/{made['mentorship_id']}"
    journey.call(mentor, "POST", f"{path}/accept", expect=200)
    for body in ("secret one", "secret two"):
        journey.call(mentee, "POST", f"{path}/messages", {"body": body}, expect=201)
    sent = journey.sent_emails()
    assert [(m.destinations["ToAddresses"], m.subject) for m in sent] == [
        ([mentor.email], "Priya Shah would like you to mentor them"),
        ([mentee.email], "Ben Okafor has agreed to mentor you"),
        ([mentor.email], "New message from Priya Shah"),
    ]
    for message in sent:
        assert message.source == "no-reply@mentor-match.local"
        assert f"http://127.0.0.1:8000/mentorships?id={made['mentorship_id']}" in message.body
        assert "secret" not in message.body + message.subject
        assert mentee.email not in message.body and mentor.email not in message.body


def test_a_profile_shows_its_email_only_to_someone_with_an_accepted_mentorship(journey):
    mentee, mentor, stranger = journey.mentee(), journey.mentor(), journey.mentee()
    made = journey.ask(mentee, mentor)
    assert "email" not in journey.call(mentee, "GET", f"/profiles/{mentor.user_id}", expect=200).body
    journey.call(mentor, "POST", f"/mentorships/{made['mentorship_id']}/accept", expect=200)
    assert journey.call(mentee, "GET", f"/profiles/{mentor.user_id}", expect=200).body["email"] == mentor.email
    assert journey.call(mentor, "GET", f"/profiles/{mentee.user_id}", expect=200).body["email"] == mentee.email
    assert "email" not in journey.call(stranger, "GET", f"/profiles/{mentor.user_id}", expect=200).body
