"""The hourly schedule, invoked as Lambda would invoke it (Chalice's test client) against moto."""

from datetime import UTC, datetime, timedelta

from chalicelib.bootstrap import services
from chalicelib.mentorships import service
from tests.integration.journey import Journey


def invoke_schedule(journey: Journey) -> dict:
    client = journey.api.client
    event = client.events.generate_cw_event(source="aws.events", detail_type="Scheduled Event", detail={},
                                            resources=[])
    return client.lambda_.invoke("mentorship_housekeeping", event).payload


def request_made(journey: Journey, mentee, mentor, days_ago: int) -> str:
    when = datetime.now(UTC) - timedelta(days=days_ago)
    made = service.request_mentorship(mentee.user_id, {"mentor_id": mentor.user_id, "message": "hello"},
                                      services().journey, when)
    return made.mentorship_id


def test_the_schedule_expires_old_requests_and_reminds_and_nudges_mentors_once(journey):
    mentee, mentor = journey.mentee("Priya Shah"), journey.mentor("Ben Okafor", capacity=3)
    old = request_made(journey, mentee, mentor, days_ago=31)
    closing = request_made(journey, journey.mentee(), mentor, days_ago=24)
    waiting = request_made(journey, journey.mentee(), mentor, days_ago=8)
    fresh = request_made(journey, journey.mentee(), mentor, days_ago=1)
    assert invoke_schedule(journey) == {"expired": 1, "reminded": 1, "nudged": 1}
    assert invoke_schedule(journey) == {"expired": 0, "reminded": 0, "nudged": 0}
    statuses = {m: journey.call(mentor, "GET", f"/mentorships/{m}", expect=200).body["status"]
                for m in (old, closing, waiting, fresh)}
    assert statuses == {old: "expired", closing: "pending", waiting: "pending", fresh: "pending"}
    subjects = [m.subject for m in journey.sent_emails() if m.destinations["ToAddresses"] == [mentor.email]]
    assert sum("closes in 7 days" in s for s in subjects) == 1
    assert sum("is waiting for your answer" in s for s in subjects) == 1
    journey.ask(mentee, mentor, "asking again after expiry")
