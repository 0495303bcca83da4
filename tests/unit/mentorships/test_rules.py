"""The journey's pure rules: who may make which move, from which state."""

from datetime import timedelta

import pytest

from chalicelib.errors import ForbiddenError, InvalidMoveError, NotFoundError
from chalicelib.mentorships.domain import (
    ACCEPTED,
    DECLINED,
    ENDED,
    EXPIRED,
    PENDING,
    WITHDRAWN,
    Move,
    Pair,
    check_move,
    declined_recently,
    new_message_id,
    new_request,
    stamp,
)
from tests.unit.mentorships.world import T0

MENTEE, MENTOR, STRANGER = "mentee-1", "mentor-1", "stranger-1"


def mentorship_in(status: str):
    return new_request(MENTEE, MENTOR, T0).with_changes(status=status)


@pytest.mark.parametrize(("move", "who", "status", "leads_to"), [
    (Move.ACCEPT, MENTOR, PENDING, ACCEPTED),
    (Move.DECLINE, MENTOR, PENDING, DECLINED),
    (Move.WITHDRAW, MENTEE, PENDING, WITHDRAWN),
    (Move.END, MENTEE, ACCEPTED, ENDED),
    (Move.END, MENTOR, ACCEPTED, ENDED),
])
def test_each_move_is_open_to_the_right_person_from_the_right_state(move, who, status, leads_to):
    assert check_move(mentorship_in(status), who, move) == leads_to


@pytest.mark.parametrize("move", list(Move))
def test_someone_outside_the_mentorship_is_told_it_does_not_exist(move):
    with pytest.raises(NotFoundError):
        check_move(mentorship_in(PENDING), STRANGER, move)


def test_a_mentorship_that_does_not_exist_is_not_found():
    with pytest.raises(NotFoundError):
        check_move(None, MENTEE, Move.ACCEPT)


@pytest.mark.parametrize(("move", "who"), [
    (Move.ACCEPT, MENTEE), (Move.DECLINE, MENTEE), (Move.WITHDRAW, MENTOR),
])
def test_a_party_making_the_other_persons_move_is_forbidden_whatever_the_state(move, who):
    for status in (PENDING, ACCEPTED, ENDED):
        with pytest.raises(ForbiddenError):
            check_move(mentorship_in(status), who, move)


@pytest.mark.parametrize(("move", "who", "status"), [
    (Move.ACCEPT, MENTOR, ACCEPTED), (Move.ACCEPT, MENTOR, DECLINED), (Move.ACCEPT, MENTOR, EXPIRED),
    (Move.DECLINE, MENTOR, WITHDRAWN), (Move.WITHDRAW, MENTEE, ACCEPTED), (Move.END, MENTEE, PENDING),
    (Move.END, MENTOR, ENDED), (Move.END, MENTEE, DECLINED),
])
def test_a_move_from_the_wrong_state_is_a_conflict(move, who, status):
    with pytest.raises(InvalidMoveError):
        check_move(mentorship_in(status), who, move)


def test_a_request_expires_thirty_days_after_it_was_made():
    request = new_request(MENTEE, MENTOR, T0)
    assert request.status == PENDING
    assert request.expires_at == stamp(T0 + timedelta(days=30))


def test_a_decline_keeps_the_two_apart_for_ninety_days_only():
    pair = Pair("a", "b", declined_at=stamp(T0))
    assert declined_recently(pair, T0 + timedelta(days=89, hours=23))
    assert not declined_recently(pair, T0 + timedelta(days=90, seconds=1))
    assert not declined_recently(Pair("a", "b"), T0)
    assert not declined_recently(None, T0)


def test_message_ids_sort_by_time_and_never_collide():
    first, second, same_time, last = (new_message_id(T0 + timedelta(microseconds=n)) for n in (0, 1, 1, 2))
    assert first < second < last
    assert first < same_time < last
    assert second != same_time
