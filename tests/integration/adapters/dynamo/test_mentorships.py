"""The DynamoDB repository's transactions on moto: all or nothing, on the conditions the service relies on."""

from datetime import UTC, datetime

import pytest

from chalicelib.adapters.dynamo.tables import LoadModel, MentorshipModel, MessageModel, PairModel
from chalicelib.mentorships.domain import (
    DECLINE_COOL_OFF,
    MAX_PENDING_REQUESTS,
    Message,
    new_message_id,
    new_request,
    stamp,
)
from chalicelib.profiles.domain import Profile
from tests.integration.journey import dynamo_stores

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def stores(aws):
    return dynamo_stores()


def save_mentor(stores, capacity=2, version=None) -> Profile:
    return stores.profiles.save(Profile(
        user_id="mentor-1", display_name="Ben", job_title="", bio="", organisation_id="hm-revenue-customs",
        grade="G7", location="Leeds", roles=("mentor",), mentor_capacity=capacity, accepting_requests=True,
        created_at=stamp(NOW), updated_at=stamp(NOW), version=version))


def create(stores, mentee_id="mentee-1"):
    request = new_request(mentee_id, "mentor-1", NOW)
    first = Message(request.mentorship_id, new_message_id(NOW), mentee_id, "hello", stamp(NOW))
    created = stores.mentorships.create(request, first, stamp(NOW - DECLINE_COOL_OFF), MAX_PENDING_REQUESTS)
    return request, created


def snapshot():
    return sorted(str(item.attribute_values) for model in (MentorshipModel, LoadModel, PairModel, MessageModel)
                  for item in model.scan())


def test_an_accept_checked_against_a_profile_that_changed_since_is_refused_whole(stores):
    read = save_mentor(stores, capacity=3)
    request, _ = create(stores)
    save_mentor(stores, capacity=1, version=read.version)  # the mentor lowers their capacity meanwhile
    before = snapshot()
    assert stores.mentorships.accept(request, read.mentor_capacity, read.version, stamp(NOW)) is False
    assert snapshot() == before


def test_an_accept_at_capacity_is_refused_whole(stores):
    profile = save_mentor(stores, capacity=1)
    first, _ = create(stores, "mentee-1")
    second, _ = create(stores, "mentee-2")
    assert stores.mentorships.accept(first, 1, profile.version, stamp(NOW)) is True
    before = snapshot()
    assert stores.mentorships.accept(second, 1, profile.version, stamp(NOW)) is False
    assert snapshot() == before


def test_a_second_open_request_between_the_same_two_people_is_refused_whole(stores):
    save_mentor(stores)
    create(stores)
    before = snapshot()
    assert create(stores)[1] is False
    assert snapshot() == before


def test_ending_gives_the_place_back_and_frees_the_pair(stores):
    profile = save_mentor(stores)
    request, _ = create(stores)
    stores.mentorships.accept(request, 2, profile.version, stamp(NOW))
    assert stores.mentorships.end(request, "mentee", "thanks", stamp(NOW)) is True
    assert stores.mentorships.load("mentor-1").active_mentees == 0
    assert stores.mentorships.pair("mentee-1", "mentor-1").open_mentorship_id == ""
    assert stores.mentorships.end(request, "mentee", "", stamp(NOW)) is False


def test_a_notice_is_marked_once_and_only_while_the_request_waits(stores):
    save_mentor(stores)
    request, _ = create(stores)
    assert stores.mentorships.mark_once(request.mentorship_id, "nudged_at", stamp(NOW)) is True
    assert stores.mentorships.mark_once(request.mentorship_id, "nudged_at", stamp(NOW)) is False
    stores.mentorships.close_pending(request, "withdrawn", stamp(NOW))
    assert stores.mentorships.mark_once(request.mentorship_id, "reminded_at", stamp(NOW)) is False
    assert stores.mentorships.mark_once("no-such-mentorship", "mentee_notified_at", stamp(NOW)) is False
