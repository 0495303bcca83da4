"""Faults: DynamoDB throttling and timeouts, and SES refusals, injected at the HTTP level on moto
(tests/integration/faults.py), through the real app and adapters.

Reads are retried by botocore and succeed. A write that stays throttled or keeps timing out
answers 503 with Retry-After (header and error body) and leaves nothing half-written: each test
reads back. Steps after a committed change (limits, email marks, match lists, the email itself)
never turn the change into an error. An email SES refuses is retried by botocore within the
request, then recorded (a log line with ids, the EmailsNotSent metric); the action stands.
"""

import logging

import pytest

from tests.integration.faults import install
from tests.integration.journey import Journey, Member

READ_ONLY = ("user_id", "created_at", "updated_at")


@pytest.fixture
def faults(journey, monkeypatch):
    return install(monkeypatch)


def profile_body(journey: Journey, who: Member, **changes) -> dict:
    current = journey.call(who, "GET", "/me/profile", expect=200).body
    return {**{k: v for k, v in current.items() if k not in READ_ONLY}, **changes}


def assert_busy(reply) -> None:
    assert reply.status == 503, reply.body
    assert reply.headers["Retry-After"] == "2"
    assert reply.body["error"]["code"] == "service_unavailable" and reply.body["error"]["retry_after"] == 2


def test_a_read_throttled_twice_is_retried_and_succeeds(journey, faults):
    me = journey.mentee("Rhea Reader")
    rule = faults.dynamodb("GetItem", "profiles", times=2)
    reply = journey.call(me, "GET", "/me/profile", expect=200)
    assert reply.body["display_name"] == "Rhea Reader"
    assert rule.failed == 2 and len(faults.sleeps) >= 2  # botocore backed off between attempts


def test_a_read_that_times_out_is_retried_and_succeeds(journey, faults):
    mentee, mentor = journey.mentee(), journey.mentor()
    asked = journey.ask(mentee, mentor)
    rule = faults.dynamodb("Query", "mentorships", kind="timeout", times=1)
    listed = journey.call(mentee, "GET", "/mentorships", expect=200).body["mentorships"]
    assert [m["mentorship_id"] for m in listed] == [asked["mentorship_id"]] and rule.failed == 1


def test_a_profile_save_that_stays_throttled_answers_503_and_changes_nothing(journey, faults):
    me = journey.mentee("Sam Saver")
    body = profile_body(journey, me, display_name="Sam Changed")
    faults.dynamodb("PutItem", "profiles")
    assert_busy(journey.call(me, "PUT", "/me/profile", body))
    faults.clear()
    stored = journey.call(me, "GET", "/me/profile", expect=200).body
    assert (stored["display_name"], stored["version"]) == ("Sam Saver", 1)
    assert journey.call(me, "PUT", "/me/profile", body, expect=200).body["version"] == 2  # the retry just works


def test_a_request_whose_transaction_keeps_timing_out_answers_503_and_leaves_no_trace(journey, faults):
    mentee, mentor = journey.mentee(), journey.mentor(capacity=1)
    faults.dynamodb("TransactWriteItems", kind="timeout")
    body = {"mentor_id": mentor.user_id, "message": "Would you mentor me?"}
    assert_busy(journey.call(mentee, "POST", "/mentorships", body))
    faults.clear()
    for who in (mentee, mentor):
        assert journey.call(who, "GET", "/mentorships", expect=200).body["mentorships"] == []
    journey.call(mentee, "POST", "/mentorships", body, expect=201)  # no pair lock or pending count left over


def test_an_acceptance_that_cannot_be_written_leaves_the_request_pending_and_the_place_free(journey, faults):
    mentee, mentor = journey.mentee(), journey.mentor(capacity=1)
    mentorship = journey.ask(mentee, mentor)["mentorship_id"]
    faults.dynamodb("TransactWriteItems")
    assert_busy(journey.call(mentor, "POST", f"/mentorships/{mentorship}/accept"))
    faults.clear()
    assert journey.call(mentee, "GET", f"/mentorships/{mentorship}", expect=200).body["status"] == "pending"
    assert journey.call(mentor, "POST", f"/mentorships/{mentorship}/accept", expect=200).body["status"] == "accepted"


def test_a_profile_saved_while_its_match_lists_cannot_be_written_is_saved_and_its_lists_fresh_on_read(
        journey, faults):
    journey.mentor("Maya Mentor")
    me = journey.mentee("Lee Lister")
    faults.dynamodb("BatchWriteItem", "matches")
    saved = journey.call(me, "PUT", "/me/profile", profile_body(journey, me, skills_wanted=["python"]), expect=200)
    assert saved.body["version"] == 2
    faults.clear()
    matches = journey.call(me, "GET", "/me/matches?as=mentee", expect=200).body
    assert matches["computed_at"] >= saved.body["updated_at"]


def test_counting_a_request_message_or_report_against_the_limits_never_fails_it(journey, faults):
    mentee, mentor = journey.mentee(), journey.mentor()
    faults.dynamodb("PutItem", "attempts")  # the limits' event log
    faults.dynamodb("UpdateItem", "mentorships")  # when the last message email went
    mentorship = journey.ask(mentee, mentor)["mentorship_id"]
    journey.call(mentee, "POST", f"/mentorships/{mentorship}/messages", {"body": "Hello again"}, expect=201)
    journey.call(mentee, "POST", "/reports", {"user_id": mentor.user_id, "reason": "Testing"}, expect=201)
    faults.clear()
    thread = journey.call(mentor, "GET", f"/mentorships/{mentorship}/messages", expect=200).body["messages"]
    assert [m["body"] for m in thread] == ["Would you mentor me?", "Hello again"]


def test_a_deletion_stopped_by_busy_storage_finishes_when_sent_again(journey, faults):
    me = journey.mentee()
    faults.dynamodb("PutItem", "accounts")  # the last step: recording the account as deleted
    assert_busy(journey.call(me, "DELETE", "/me"))
    faults.clear()
    journey.call(me, "DELETE", "/me", expect=204)
    assert journey.call(me, "GET", "/me/profile").status == 401


def test_an_email_ses_refuses_once_is_retried_and_sent(journey, faults):
    mentee, mentor = journey.mentee(), journey.mentor()
    rule = faults.ses(times=1)
    journey.ask(mentee, mentor)
    assert rule.failed == 1 and len(journey.sent_emails()) == 1


def test_an_email_ses_keeps_refusing_is_recorded_and_the_request_stands(journey, faults, caplog, capsys):
    mentee, mentor = journey.mentee(), journey.mentor()
    faults.ses()
    with caplog.at_level(logging.WARNING, logger="chalicelib"):
        asked = journey.ask(mentee, mentor)
    assert journey.sent_emails() == []
    assert journey.call(mentor, "GET", f"/mentorships/{asked['mentorship_id']}", expect=200).body["status"] == "pending"
    assert any(f"email request_received for mentorship {asked['mentorship_id']}" in r.getMessage()
               for r in caplog.records)
    assert '"EmailsNotSent":1.0' in capsys.readouterr().out
