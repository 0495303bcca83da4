"""Blocking and reporting through the real app on moto."""

from datetime import UTC, datetime

import pytest

from chalicelib.bootstrap import services


def test_a_block_stops_requests_and_messages_both_ways_until_it_is_lifted(journey):
    mentee, mentor = journey.mentee(), journey.mentor("Ben Okafor")
    pending = journey.ask(mentee, mentor)
    made = journey.call(mentor, "POST", "/blocks", {"user_id": mentee.user_id}, expect=201).body
    assert made["user_id"] == mentee.user_id and made["created_at"]
    path = f"/mentorships/{pending['mentorship_id']}"
    for who in (mentee, mentor):
        assert journey.call(who, "POST", f"{path}/messages", {"body": "hi"}, expect=409).body["error"]["code"] == \
            "not_available"
    journey.call(mentor, "POST", f"{path}/accept", expect=409)
    journey.call(mentee, "POST", f"{path}/withdraw", expect=200)
    journey.call(mentee, "POST", "/mentorships", {"mentor_id": mentor.user_id, "message": "again"}, expect=409)
    assert journey.call(mentor, "GET", "/blocks", expect=200).body["blocks"][0]["user_id"] == mentee.user_id
    assert journey.call(mentee, "GET", "/blocks", expect=200).body == {"blocks": []}
    journey.call(mentee, "DELETE", f"/blocks/{mentor.user_id}", expect=404)
    journey.call(mentor, "DELETE", f"/blocks/{mentee.user_id}", expect=204)
    journey.ask(mentee, mentor, "after the block")


def test_blocked_people_are_excluded_for_the_matching_code_both_ways(journey):
    a, b = journey.mentee(), journey.mentor()
    journey.call(a, "POST", "/blocks", {"user_id": b.user_id}, expect=201)
    exclusions, now = services().exclusions, datetime.now(UTC)
    assert exclusions.excluded_ids(a.user_id, now) == {b.user_id}
    assert exclusions.excluded_ids(b.user_id, now) == {a.user_id}
    assert {(a.user_id, b.user_id), (b.user_id, a.user_id)} <= set(exclusions.all_exclusion_pairs(now))


@pytest.mark.parametrize(("body", "status"), [
    ({}, 400), ({"user_id": ""}, 400), ({"user_id": "x", "extra": 1}, 400), ({"user_id": "nobody"}, 404),
])
def test_bad_blocks_are_refused(journey, body, status):
    journey.call(journey.mentee(), "POST", "/blocks", body, expect=status)


def test_blocking_yourself_is_a_bad_request(journey):
    me = journey.mentee()
    journey.call(me, "POST", "/blocks", {"user_id": me.user_id}, expect=400)


def test_reports_are_kept_for_administrators_with_the_reported_persons_organisation(journey):
    reporter, other = journey.mentee(), journey.mentor()
    by_person = journey.call(reporter, "POST", "/reports", {"user_id": other.user_id, "reason": "Rude"},
                             expect=201).body
    assert by_person["user_id"] == other.user_id and by_person["mentorship_id"] is None
    mentorship = journey.ask(reporter, other)
    by_mentorship = journey.call(reporter, "POST", "/reports", {"mentorship_id": mentorship["mentorship_id"],
                                                                "reason": "Odd messages"}, expect=201).body
    assert by_mentorship["user_id"] == other.user_id
    assert services().adapters.reports.count_by_organisation() == {"department-for-work-pensions": 2}


@pytest.mark.parametrize("body", [
    {"reason": "x"}, {"user_id": "a", "mentorship_id": "b", "reason": "x"}, {"user_id": "a", "reason": ""},
    {"user_id": "a", "reason": "x" * 2001},
])
def test_a_report_names_exactly_one_person_or_mentorship_with_a_reason(journey, body):
    journey.call(journey.mentee(), "POST", "/reports", body, expect=400)


def test_reporting_a_mentorship_that_is_not_mine_is_not_found(journey):
    mentee, mentor, stranger = journey.mentee(), journey.mentor(), journey.mentee()
    mentorship = journey.ask(mentee, mentor)
    journey.call(stranger, "POST", "/reports", {"mentorship_id": mentorship["mentorship_id"], "reason": "x"},
                 expect=404)
