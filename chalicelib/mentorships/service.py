"""Mentorship use cases: ask, accept, decline, withdraw, end. Services take their stores and the time.

Each change is one all-or-nothing write whose conditions are the rules that could have stopped
being true since they were read (still pending, still room, same profile). When the write is
refused, the service reads again and says why; if nothing refuses any more (the write lost a
race that has since settled) it tries again, a few times.
"""

import logging
import random
import time
from datetime import datetime

from chalicelib.after_commit import after_commit
from chalicelib.errors import (
    CapacityReachedError,
    ConflictError,
    NotAvailableError,
    NotFoundError,
    RequestLimitError,
    ValidationError,
)
from chalicelib.matching.scoring import FULL, NOT_A_MENTOR, NOT_ACCEPTING
from chalicelib.mentorships.domain import (
    ACCEPTED,
    DECLINE_COOL_OFF,
    DECLINED,
    ENDED,
    MAX_PENDING_REQUESTS,
    Mentorship,
    Message,
    Move,
    check_move,
    declined_recently,
    new_message_id,
    new_request,
    stamp,
    visible_to,
)
from chalicelib.mentorships.schema import DeclineInput, EmptyInput, EndInput, RequestInput, parse
from chalicelib.mentorships.stores import JourneyStores
from chalicelib.profiles.domain import Profile

logger = logging.getLogger(__name__)
ATTEMPTS = 5
BUSY = "Too many changes to this mentorship at once. Try again in a moment."


def pause(attempt: int) -> None:
    """Jittered backoff before trying a refused write again."""
    time.sleep(random.uniform(0, 0.02 * (attempt + 1)))


def request_mentorship(mentee_id: str, body: object, stores: JourneyStores, now: datetime) -> Mentorship:
    """Ask someone to be my mentor; the message becomes the first message of the thread."""
    data = parse(RequestInput, body, "request")
    stores.limits.check("request", mentee_id, now)
    mentorship = new_request(mentee_id, data.mentor_id, now)
    first = Message(mentorship.mentorship_id, new_message_id(now), mentee_id, data.message, stamp(now))
    for attempt in range(ATTEMPTS):
        check_may_ask(mentee_id, data.mentor_id, stores, now)
        if stores.mentorships.create(mentorship, first, stamp(now - DECLINE_COOL_OFF), MAX_PENDING_REQUESTS):
            logger.info("mentorship %s requested by %s of %s", mentorship.mentorship_id, mentee_id, data.mentor_id)
            after_commit(lambda: stores.limits.record("request", mentee_id, now), "request counted", None)
            stores.notices.request_received(mentorship)
            return mentorship
        pause(attempt)
    raise ConflictError(BUSY)


def check_may_ask(mentee_id: str, mentor_id: str, stores: JourneyStores, now: datetime) -> None:
    """Rules: you cannot ask yourself, someone unknown (404), someone who is not a mentor, not
    taking requests or full, someone either of you has blocked, someone you already have an
    open request or mentorship with, or someone after a decline between you in the last 90
    days; and you can wait on at most 5 requests at once."""
    if mentee_id == mentor_id:
        raise ValidationError("You cannot ask yourself to be your mentor.", fields={"mentor_id": "is your own id"})
    mentor = stores.visible_profile(mentor_id)
    if mentor is None:
        raise NotFoundError("There is no one with that id.")
    me = stores.profiles.get(mentee_id)
    if me is None or "mentee" not in me.roles:
        raise NotAvailableError("Add 'mentee' to the roles in your profile before asking someone to mentor you.")
    if stores.blocks.either_way(mentee_id, mentor_id):
        raise NotAvailableError("You cannot send a request to this person.")
    check_mentor_available(mentor, stores)
    check_nothing_between(mentee_id, mentor, stores, now)
    if stores.mentorships.load(mentee_id).pending_requests >= MAX_PENDING_REQUESTS:
        raise RequestLimitError(f"You already have {MAX_PENDING_REQUESTS} requests waiting for an answer. "
                                "Wait for an answer or withdraw one before asking someone else.")


UNAVAILABLE = {
    NOT_A_MENTOR: "{name} is not offering to mentor.",
    NOT_ACCEPTING: "{name} is not taking requests at the moment.",
    FULL: "{name} has no room for another mentee at the moment.",
}


def check_mentor_available(mentor: Profile, stores: JourneyStores) -> None:
    reason = mentor.mentoring_unavailability(stores.mentorships.load(mentor.user_id).active_mentees)
    if reason is not None:
        raise NotAvailableError(UNAVAILABLE[reason].format(name=mentor.display_name))


def check_nothing_between(mentee_id: str, mentor: Profile, stores: JourneyStores, now: datetime) -> None:
    pair = stores.mentorships.pair(mentee_id, mentor.user_id)
    if pair and pair.open_mentorship_id:
        raise NotAvailableError(f"You already have a request or a mentorship with {mentor.display_name}.")
    if declined_recently(pair, now):
        raise NotAvailableError(f"A request between you and {mentor.display_name} was declined in the last "
                                f"{DECLINE_COOL_OFF.days} days. You can ask again later.")


def accept_mentorship(mentorship_id: str, user_id: str, body: object, stores: JourneyStores,
                      now: datetime) -> Mentorship:
    """Rule: a mentor never has more accepted mentorships than their profile's capacity."""
    parse(EmptyInput, body, "acceptance", optional=True)
    at = stamp(now)
    for attempt in range(ATTEMPTS):
        mentorship = visible_to(stores.mentorships.get(mentorship_id), user_id)  # 404 as check_move would
        check_move(mentorship, user_id, Move.ACCEPT)
        if stores.blocks.either_way(mentorship.mentee_id, user_id):
            raise NotAvailableError("You cannot accept a request while one of you has blocked the other.")
        if not stores.is_active(mentorship.mentee_id):
            raise NotAvailableError("This person's account is not available at the moment.")
        profile = stores.profiles.get(user_id)
        capacity = profile.mentor_capacity if profile and "mentor" in profile.roles else 0
        if stores.mentorships.load(user_id).active_mentees >= capacity:
            raise CapacityReachedError(f"You are already mentoring {capacity} people, the most your profile "
                                       "allows. End a mentorship or raise your capacity first.")
        assert profile is not None  # without a profile the capacity is 0, refused just above
        if stores.mentorships.accept(mentorship, capacity, profile.version, at):
            accepted = mentorship.with_changes(status=ACCEPTED, decided_at=at, updated_at=at)
            logger.info("mentorship %s accepted by %s", mentorship_id, user_id)
            stores.notices.request_accepted(accepted)
            return accepted
        pause(attempt)
    raise ConflictError(BUSY)


def decline_mentorship(mentorship_id: str, user_id: str, body: object, stores: JourneyStores,
                       now: datetime) -> Mentorship:
    data = parse(DeclineInput, body, "decline", optional=True)
    declined = close_pending(mentorship_id, user_id, Move.DECLINE, stores, now, data.reason)
    stores.notices.request_declined(declined)
    return declined


def withdraw_mentorship(mentorship_id: str, user_id: str, body: object, stores: JourneyStores,
                        now: datetime) -> Mentorship:
    parse(EmptyInput, body, "withdrawal", optional=True)
    return close_pending(mentorship_id, user_id, Move.WITHDRAW, stores, now)


def close_pending(mentorship_id: str, user_id: str, move: Move, stores: JourneyStores, now: datetime,
                  reason: str = "") -> Mentorship:
    at = stamp(now)
    for attempt in range(ATTEMPTS):
        mentorship = visible_to(stores.mentorships.get(mentorship_id), user_id)  # 404 as check_move would
        status = check_move(mentorship, user_id, move)
        if stores.mentorships.close_pending(mentorship, status, at, reason):
            logger.info("mentorship %s %s by %s", mentorship_id, status, user_id)
            return mentorship.with_changes(status=status, decided_at=at, updated_at=at,
                                           decline_reason=reason if status == DECLINED else "")
        pause(attempt)
    raise ConflictError(BUSY)


def end_mentorship(mentorship_id: str, user_id: str, body: object, stores: JourneyStores,
                   now: datetime) -> Mentorship:
    """Either person ends an accepted mentorship; optional feedback stays private to its writer."""
    data = parse(EndInput, body, "ending", optional=True)
    at = stamp(now)
    for attempt in range(ATTEMPTS):
        mentorship = visible_to(stores.mentorships.get(mentorship_id), user_id)  # 404 as check_move would
        check_move(mentorship, user_id, Move.END)
        role = mentorship.role_of(user_id)
        assert role is not None  # check_move let only the mentee or the mentor through
        if stores.mentorships.end(mentorship, role, data.feedback, at):
            logger.info("mentorship %s ended by %s", mentorship_id, user_id)
            feedback = {f"{role}_feedback": data.feedback} if data.feedback else {}
            return mentorship.with_changes(status=ENDED, ended_at=at, ended_by=role, updated_at=at, **feedback)
        pause(attempt)
    raise ConflictError(BUSY)


def get_my_mentorship(mentorship_id: str, user_id: str, stores: JourneyStores) -> Mentorship:
    return visible_to(stores.mentorships.get(mentorship_id), user_id)
