"""Asking someone to mentor you: the rules, through the real service over in-memory stores."""

import pytest

from chalicelib.errors import NotAvailableError, NotFoundError, RequestLimitError, ValidationError
from chalicelib.mentorships import service
from chalicelib.mentorships.domain import Block
from tests.unit.mentorships.world import World


@pytest.fixture
def world() -> World:
    return World()


def test_a_request_is_pending_and_its_message_starts_the_thread(world):
    mentee, mentor = world.mentee(), world.mentor()
    request = world.ask(mentee, mentor, "  I would like help with data analysis.  ")
    assert request.status == "pending"
    thread = world.messages.page(request.mentorship_id, "", 50)
    assert [(m.sender_id, m.body) for m in thread] == [(mentee, "I would like help with data analysis.")]
    assert world.mentorships.load(mentee).pending_requests == 1


def test_the_mentor_is_emailed_a_link_but_not_the_message_or_the_mentees_email(world):
    mentee, mentor = world.mentee("Priya Shah"), world.mentor("Ben Okafor")
    request = world.ask(mentee, mentor, "secret words about my career")
    [email] = world.sent("request_received")
    assert email.to_address == world.people.email_of(mentor)
    assert email.personalisation == {"name": "Ben Okafor", "other_name": "Priya Shah",
                                     "link": f"https://mentor-match.example/mentorships?id={request.mentorship_id}"}
    assert "secret" not in str(email) and world.people.email_of(mentee) not in str(email)


@pytest.mark.parametrize("body", [
    {}, {"mentor_id": "x"}, {"message": "hi"}, {"mentor_id": "x", "message": ""},
    {"mentor_id": "x", "message": "a" * 5001}, {"mentor_id": "x", "message": "hi", "status": "accepted"},
    {"mentor_id": 7, "message": "hi"}, ["mentor_id"], "text", None,
])
def test_a_malformed_request_is_refused_and_changes_nothing(world, body):
    mentee = world.mentee()
    with pytest.raises(ValidationError):
        service.request_mentorship(mentee, body, world.stores, world.now)
    assert world.mentorships.list_for(mentee) == [] and world.sent() == []


def test_asking_yourself_is_a_bad_request(world):
    both = world.person(roles=("mentee", "mentor"), capacity=2, accepting=True)
    with pytest.raises(ValidationError, match="yourself"):
        world.ask(both, both)


def test_asking_someone_unknown_is_not_found(world):
    with pytest.raises(NotFoundError):
        world.ask(world.mentee(), "no-such-person")


@pytest.mark.parametrize(("profile", "reason"), [
    ({"roles": ("mentee",)}, "not offering to mentor"),
    ({"roles": ("mentor",), "capacity": 2, "accepting": False}, "not taking requests"),
    ({"roles": ("mentor",), "capacity": 0, "accepting": True}, "no room"),
])
def test_someone_who_is_not_an_available_mentor_cannot_be_asked(world, profile, reason):
    other = world.person(**profile)
    with pytest.raises(NotAvailableError, match=reason):
        world.ask(world.mentee(), other)


def test_a_mentor_at_capacity_cannot_be_asked(world):
    mentor = world.mentor(capacity=1)
    world.accept(world.ask(world.mentee(), mentor))
    with pytest.raises(NotAvailableError, match="no room"):
        world.ask(world.mentee(), mentor)


def test_someone_without_the_mentee_role_cannot_ask(world):
    with pytest.raises(NotAvailableError, match="mentee"):
        world.ask(world.person(roles=("mentor",), capacity=1, accepting=True), world.mentor())


def test_a_second_request_to_the_same_mentor_while_one_is_pending_or_accepted_is_refused(world):
    mentee, mentor = world.mentee(), world.mentor()
    first = world.ask(mentee, mentor)
    with pytest.raises(NotAvailableError, match="already"):
        world.ask(mentee, mentor)
    world.accept(first)
    with pytest.raises(NotAvailableError, match="already"):
        world.ask(mentee, mentor)


def test_the_other_way_round_is_refused_too_while_a_request_is_open():
    world = World()
    a = world.person(roles=("mentee", "mentor"), capacity=2, accepting=True)
    b = world.person(roles=("mentee", "mentor"), capacity=2, accepting=True)
    world.ask(a, b)
    with pytest.raises(NotAvailableError, match="already"):
        world.ask(b, a)


def test_after_a_decline_neither_can_ask_the_other_for_ninety_days(world):
    mentee, mentor = world.mentee(), world.mentor()
    request = world.ask(mentee, mentor)
    service.decline_mentorship(request.mentorship_id, mentor, {"reason": "No time"}, world.stores, world.now)
    world.later(days=89)
    with pytest.raises(NotAvailableError, match="declined"):
        world.ask(mentee, mentor)
    world.later(days=2)
    assert world.ask(mentee, mentor).status == "pending"


def test_after_a_withdrawal_the_mentee_can_ask_again_at_once(world):
    mentee, mentor = world.mentee(), world.mentor()
    request = world.ask(mentee, mentor)
    service.withdraw_mentorship(request.mentorship_id, mentee, None, world.stores, world.now)
    assert world.ask(mentee, mentor).status == "pending"


@pytest.mark.parametrize("who_blocks", ["mentee", "mentor"])
def test_a_block_either_way_stops_requests(world, who_blocks):
    mentee, mentor = world.mentee(), world.mentor()
    blocker, blocked = (mentee, mentor) if who_blocks == "mentee" else (mentor, mentee)
    world.blocks.add(Block(blocker, blocked, "2026-05-01T09:00:00+00:00"))
    with pytest.raises(NotAvailableError, match="cannot send a request"):
        world.ask(mentee, mentor)


def test_a_mentee_waits_on_at_most_five_requests_at_once(world):
    mentee = world.mentee()
    requests = [world.ask(mentee, world.mentor()) for _ in range(5)]
    with pytest.raises(RequestLimitError):
        world.ask(mentee, world.mentor())
    assert len(world.mentorships.list_for(mentee)) == 5
    service.withdraw_mentorship(requests[0].mentorship_id, mentee, {}, world.stores, world.now)
    assert world.ask(mentee, world.mentor()).status == "pending"
