"""A mentorship's thread: paging in order, who may read and write, and at most one email an hour."""

import pytest

from chalicelib.errors import InvalidMoveError, NotAvailableError, NotFoundError, ValidationError
from chalicelib.mentorships import service
from chalicelib.mentorships.domain import Block
from chalicelib.mentorships.messaging import decode_cursor, encode_cursor, list_messages, post_message
from tests.unit.mentorships.world import World


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def accepted(world):
    return world.accept(world.ask(world.mentee("Priya"), world.mentor("Ben"), "hello"))


def send(world, mentorship, sender, body="a message"):
    return post_message(mentorship.mentorship_id, sender, {"body": body}, world.stores, world.now)


def test_a_thread_pages_oldest_first_fifty_at_a_time(world, accepted):
    for n in range(119):
        world.later(seconds=1)
        send(world, accepted, accepted.mentee_id if n % 2 else accepted.mentor_id, f"message {n}")
    seen, cursor, pages = [], "", 0
    while True:
        page = list_messages(accepted.mentorship_id, accepted.mentee_id, cursor, world.stores)
        seen += [m["body"] for m in page["messages"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == ["hello"] + [f"message {n}" for n in range(119)]


def test_a_full_last_page_has_no_next_cursor(world, accepted):
    for _ in range(49):
        send(world, accepted, accepted.mentor_id)
    page = list_messages(accepted.mentorship_id, accepted.mentor_id, "", world.stores)
    assert len(page["messages"]) == 50 and page["next_cursor"] is None


def test_each_message_says_whether_it_is_mine(world, accepted):
    world.later(seconds=1)
    send(world, accepted, accepted.mentor_id, "reply")
    page = list_messages(accepted.mentorship_id, accepted.mentor_id, "", world.stores)
    assert [(m["body"], m["from_me"]) for m in page["messages"]] == [("hello", False), ("reply", True)]


@pytest.mark.parametrize("cursor", ["not base64!", encode_cursor("something else"), "AAAA"])
def test_a_cursor_the_api_did_not_give_out_is_a_bad_request(world, accepted, cursor):
    with pytest.raises(ValidationError):
        list_messages(accepted.mentorship_id, accepted.mentee_id, cursor, world.stores)


def test_cursors_round_trip():
    message_id = "2026-05-01T09:00:00.000001+00:00#0a1b2c3d"
    assert decode_cursor(encode_cursor(message_id)) == message_id


def test_only_the_two_people_can_read_or_write(world, accepted):
    stranger = world.mentee()
    with pytest.raises(NotFoundError):
        list_messages(accepted.mentorship_id, stranger, "", world.stores)
    with pytest.raises(NotFoundError):
        send(world, accepted, stranger)


def test_messages_can_be_sent_while_pending(world):
    request = world.ask(world.mentee(), world.mentor())
    assert send(world, request, request.mentor_id, "a question first").body == "a question first"


@pytest.mark.parametrize("close", ["end", "decline", "withdraw"])
def test_no_message_can_be_sent_once_closed_and_nothing_is_stored(world, close):
    request = world.ask(world.mentee(), world.mentor())
    if close == "end":
        world.accept(request)
        service.end_mentorship(request.mentorship_id, request.mentee_id, None, world.stores, world.now)
    elif close == "decline":
        service.decline_mentorship(request.mentorship_id, request.mentor_id, None, world.stores, world.now)
    else:
        service.withdraw_mentorship(request.mentorship_id, request.mentee_id, None, world.stores, world.now)
    with pytest.raises(InvalidMoveError):
        send(world, request, request.mentee_id)
    assert len(world.messages.page(request.mentorship_id, "", 50)) == 1


def test_a_block_stops_messages_both_ways(world, accepted):
    world.blocks.add(Block(accepted.mentor_id, accepted.mentee_id, "2026-05-01T09:00:00+00:00"))
    for sender in (accepted.mentee_id, accepted.mentor_id):
        with pytest.raises(NotAvailableError):
            send(world, accepted, sender)


@pytest.mark.parametrize("body", [{}, {"body": ""}, {"body": "   "}, {"body": "x" * 5001}, {"body": 3},
                                  {"body": "hi", "sender_id": "someone"}])
def test_a_malformed_message_is_refused(world, accepted, body):
    with pytest.raises(ValidationError):
        post_message(accepted.mentorship_id, accepted.mentee_id, body, world.stores, world.now)


def test_markup_is_stored_as_the_plain_text_it_is(world, accepted):
    message = send(world, accepted, accepted.mentee_id, "<script>alert(1)</script>")
    assert message.body == "<script>alert(1)</script>"


def test_the_recipient_gets_at_most_one_email_per_thread_per_hour(world, accepted):
    mentee, mentor = accepted.mentee_id, accepted.mentor_id
    world.later(seconds=1)
    for _ in range(3):
        send(world, accepted, mentee, "private words")
        world.later(minutes=10)
    send(world, accepted, mentor, "reply")
    emails = world.sent("message_received")
    assert [e.to_address for e in emails] == [world.people.email_of(mentor), world.people.email_of(mentee)]
    world.later(minutes=31)
    send(world, accepted, mentee)
    assert len(world.sent("message_received")) == 3
    assert all("private words" not in str(e) and world.people.email_of(mentee) not in str(e.personalisation)
               for e in world.sent())
