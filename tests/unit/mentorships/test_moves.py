"""Accepting, declining, withdrawing and ending: the capacity promise and who may do what."""

import threading

import pytest

from chalicelib.errors import (
    CapacityReachedError,
    ForbiddenError,
    InvalidMoveError,
    NotAvailableError,
    NotFoundError,
)
from chalicelib.mentorships import service
from chalicelib.mentorships.domain import Block
from tests.unit.mentorships.world import World


@pytest.fixture
def world() -> World:
    return World()


def test_accepting_takes_one_place_and_emails_the_mentee(world):
    mentee, mentor = world.mentee("Priya"), world.mentor("Ben")
    accepted = world.accept(world.ask(mentee, mentor))
    assert accepted.status == "accepted" and world.status(accepted) == "accepted"
    assert world.mentorships.load(mentor).active_mentees == 1
    assert world.mentorships.load(mentee).pending_requests == 0
    [email] = world.sent("request_accepted")
    assert email.to_address == world.people.email_of(mentee)
    assert email.personalisation["other_name"] == "Ben"


def test_a_mentor_at_capacity_cannot_accept_another_request(world):
    mentor = world.mentor(capacity=1)
    first, second = world.ask(world.mentee(), mentor), world.ask(world.mentee(), mentor)
    world.accept(first)
    with pytest.raises(CapacityReachedError):
        world.accept(second)
    assert world.status(second) == "pending"
    assert world.mentorships.load(mentor).active_mentees == 1


def test_lowering_capacity_below_the_current_load_stops_further_accepts(world):
    mentor = world.mentor(capacity=3)
    requests = [world.ask(world.mentee(), mentor) for _ in range(3)]
    world.accept(requests[0])
    world.set_profile(mentor, mentor_capacity=1)
    with pytest.raises(CapacityReachedError):
        world.accept(requests[1])


def test_a_double_clicked_accept_succeeds_once(world):
    request = world.ask(world.mentee(), world.mentor())
    world.accept(request)
    with pytest.raises(InvalidMoveError):
        world.accept(request)
    assert world.mentorships.load(request.mentor_id).active_mentees == 1


def test_concurrent_accepts_never_exceed_capacity_with_the_in_memory_store(world):
    mentor = world.mentor(capacity=2)
    requests = [world.ask(world.mentee(), mentor) for _ in range(5)]
    outcomes, start = [], threading.Barrier(len(requests))

    def accept(request):
        start.wait()
        try:
            world.accept(request)
            outcomes.append("accepted")
        except CapacityReachedError:
            outcomes.append("full")

    threads = [threading.Thread(target=accept, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted", "accepted", "full", "full", "full"]
    assert world.mentorships.load(mentor).active_mentees == 2


def test_the_mentee_cannot_accept_their_own_request(world):
    request = world.ask(world.mentee(), world.mentor())
    with pytest.raises(ForbiddenError):
        service.accept_mentorship(request.mentorship_id, request.mentee_id, None, world.stores, world.now)
    assert world.status(request) == "pending"


def test_a_stranger_gets_not_found_for_every_move(world):
    request = world.ask(world.mentee(), world.mentor())
    stranger = world.mentee()
    for move in (service.accept_mentorship, service.decline_mentorship, service.withdraw_mentorship,
                 service.end_mentorship):
        with pytest.raises(NotFoundError):
            move(request.mentorship_id, stranger, None, world.stores, world.now)
    assert world.status(request) == "pending"


def test_a_block_stops_an_accept(world):
    request = world.ask(world.mentee(), world.mentor())
    world.blocks.add(Block(request.mentee_id, request.mentor_id, "2026-05-01T09:00:00+00:00"))
    with pytest.raises(NotAvailableError):
        world.accept(request)
    assert world.status(request) == "pending"


def test_declining_records_the_reason_frees_the_mentee_and_emails_them_without_the_reason(world):
    request = world.ask(world.mentee(), world.mentor())
    declined = service.decline_mentorship(request.mentorship_id, request.mentor_id,
                                          {"reason": "I am away until June"}, world.stores, world.now)
    assert declined.status == "declined" and declined.decline_reason == "I am away until June"
    assert world.mentorships.load(request.mentee_id).pending_requests == 0
    [email] = world.sent("request_declined")
    assert "June" not in str(email)


def test_a_decline_with_an_unknown_field_changes_nothing(world):
    request = world.ask(world.mentee(), world.mentor())
    with pytest.raises(Exception, match="not a field"):
        service.decline_mentorship(request.mentorship_id, request.mentor_id, {"why": "x"}, world.stores, world.now)
    assert world.status(request) == "pending"


def test_withdrawing_is_the_mentees_move_only(world):
    request = world.ask(world.mentee(), world.mentor())
    with pytest.raises(ForbiddenError):
        service.withdraw_mentorship(request.mentorship_id, request.mentor_id, None, world.stores, world.now)
    assert service.withdraw_mentorship(request.mentorship_id, request.mentee_id, None, world.stores,
                                       world.now).status == "withdrawn"


@pytest.mark.parametrize("who", ["mentee", "mentor"])
def test_either_person_can_end_and_their_feedback_stays_theirs(world, who):
    accepted = world.accept(world.ask(world.mentee(), world.mentor()))
    ender = accepted.mentee_id if who == "mentee" else accepted.mentor_id
    ended = service.end_mentorship(accepted.mentorship_id, ender, {"feedback": "Very helpful"}, world.stores,
                                   world.now)
    assert ended.status == "ended" and ended.ended_by == who
    stored = world.mentorships.get(accepted.mentorship_id)
    assert getattr(stored, f"{who}_feedback") == "Very helpful"
    assert world.mentorships.load(accepted.mentor_id).active_mentees == 0


def test_ending_frees_the_place_for_another_mentee(world):
    mentor = world.mentor(capacity=1)
    first = world.accept(world.ask(world.mentee(), mentor))
    service.end_mentorship(first.mentorship_id, mentor, None, world.stores, world.now)
    assert world.accept(world.ask(world.mentee(), mentor)).status == "accepted"


def test_an_ended_mentorship_cannot_be_ended_again(world):
    accepted = world.accept(world.ask(world.mentee(), world.mentor()))
    service.end_mentorship(accepted.mentorship_id, accepted.mentee_id, None, world.stores, world.now)
    with pytest.raises(InvalidMoveError):
        service.end_mentorship(accepted.mentorship_id, accepted.mentor_id, None, world.stores, world.now)
