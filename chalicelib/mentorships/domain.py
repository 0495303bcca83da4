"""The mentorship journey as plain rules: states, who may make which move, and the limits.

    request (mentee -> mentor, with a message) -> pending
    pending  -> accepted (mentor) | declined (mentor) | withdrawn (mentee) | expired (30 days, the schedule)
    accepted -> ended (either side)

No I/O here: the services read and write through repositories and pass the time in.
"""

import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from chalicelib.errors import ForbiddenError, InvalidMoveError, NotFoundError

PENDING, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED, ENDED = (
    "pending", "accepted", "declined", "withdrawn", "expired", "ended")
OPEN_STATES = frozenset({PENDING, ACCEPTED})  # the two people are "in touch": no second request
MESSAGING_STATES = OPEN_STATES

MAX_PENDING_REQUESTS = 5  # per mentee, at once
EXPIRES_AFTER = timedelta(days=30)
DECLINE_COOL_OFF = timedelta(days=90)
REMIND_BEFORE_EXPIRY = timedelta(days=7)
NUDGE_AFTER = timedelta(days=7)
MESSAGE_EMAIL_INTERVAL = timedelta(hours=1)  # per thread, per recipient
LEFT = "left"  # ended_reason when the other person deleted their account
STAND_IN_PREFIX = "former-"  # replaces a leaver's id in the mentorships they leave behind
UNKNOWN_ORGANISATION = "unknown"  # a report's organisation when the reported person has no profile
# Notice times ``mark_once`` may set (each is sent at most once, or once per interval).
MARK_FIELDS = ("reminded_at", "nudged_at", "mentee_notified_at", "mentor_notified_at")
PENDING_ONLY_MARKS = ("reminded_at", "nudged_at")


class Move(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    WITHDRAW = "withdraw"
    END = "end"


# move -> (who may make it, the state it starts from, the state it leads to)
MOVES: dict[Move, tuple[frozenset[str], str, str]] = {
    Move.ACCEPT: (frozenset({"mentor"}), PENDING, ACCEPTED),
    Move.DECLINE: (frozenset({"mentor"}), PENDING, DECLINED),
    Move.WITHDRAW: (frozenset({"mentee"}), PENDING, WITHDRAWN),
    Move.END: (frozenset({"mentor", "mentee"}), ACCEPTED, ENDED),
}


def stamp(now: datetime) -> str:
    """Times are stored as ISO 8601 UTC strings to the second, so they sort as text."""
    return now.isoformat(timespec="seconds")


def new_mentorship_id() -> str:
    return str(uuid.uuid4())


def new_message_id(now: datetime) -> str:
    """Sortable by time (ISO to the microsecond) and unique (a random suffix)."""
    return f"{now.isoformat(timespec='microseconds')}#{secrets.token_hex(4)}"


@dataclass(frozen=True)
class Mentorship:
    mentorship_id: str
    mentee_id: str
    mentor_id: str
    status: str
    created_at: str
    updated_at: str
    expires_at: str = ""
    decided_at: str = ""
    ended_at: str = ""
    ended_by: str = ""
    ended_reason: str = ""
    decline_reason: str = ""
    mentee_feedback: str = ""
    mentor_feedback: str = ""
    reminded_at: str = ""
    nudged_at: str = ""

    def role_of(self, user_id: str) -> str | None:
        if user_id == self.mentee_id:
            return "mentee"
        if user_id == self.mentor_id:
            return "mentor"
        return None

    def other_party(self, user_id: str) -> str:
        return self.mentor_id if user_id == self.mentee_id else self.mentee_id

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    def with_changes(self, **changes: Any) -> "Mentorship":
        return replace(self, **changes)


@dataclass(frozen=True)
class Message:
    mentorship_id: str
    message_id: str
    sender_id: str
    body: str
    sent_at: str


@dataclass(frozen=True)
class Load:
    """How full a person is: mentees they mentor now, and requests they are waiting on."""

    user_id: str
    active_mentees: int = 0
    pending_requests: int = 0


@dataclass(frozen=True)
class Pair:
    """What stands between two people, whichever asked whom: an open mentorship, a recent decline."""

    first_id: str
    second_id: str
    open_mentorship_id: str = ""
    declined_at: str = ""


@dataclass(frozen=True)
class Block:
    blocker_id: str
    blocked_id: str
    created_at: str


@dataclass(frozen=True)
class Report:
    report_id: str
    reporter_id: str
    reported_user_id: str
    mentorship_id: str
    organisation_id: str
    reason: str
    created_at: str


def pair_key(a: str, b: str) -> tuple[str, str]:
    first, second = sorted((a, b))
    return first, second


def new_request(mentee_id: str, mentor_id: str, now: datetime) -> Mentorship:
    created = stamp(now)
    return Mentorship(
        mentorship_id=new_mentorship_id(), mentee_id=mentee_id, mentor_id=mentor_id, status=PENDING,
        created_at=created, updated_at=created, expires_at=stamp(now + EXPIRES_AFTER),
    )


def left_version(mentorship: Mentorship, leaver_id: str, stand_in_id: str, at: str) -> Mentorship:
    """The mentorship as the other person sees it once the leaver's account is deleted: the
    leaver's id is a stand-in, an open one has ended ("left"), private texts are gone."""
    ids = {"mentee_id": stand_in_id} if leaver_id == mentorship.mentee_id else {"mentor_id": stand_in_id}
    closing = {"status": ENDED, "ended_at": at, "ended_reason": LEFT, "ended_by": ""} if mentorship.is_open else {}
    return replace(mentorship, **ids, **closing, updated_at=at, decline_reason="", mentee_feedback="",
                   mentor_feedback="")


def new_stand_in_id() -> str:
    return f"{STAND_IN_PREFIX}{uuid.uuid4()}"


def is_stand_in(user_id: str) -> bool:
    return user_id.startswith(STAND_IN_PREFIX)


def visible_to(mentorship: Mentorship | None, user_id: str) -> Mentorship:
    """Rule: a mentorship exists only for its two people; anyone else gets 'not found'."""
    if mentorship is None or mentorship.role_of(user_id) is None:
        raise NotFoundError("There is no mentorship with that id.")
    return mentorship


def check_move(mentorship: Mentorship, user_id: str, move: Move) -> str:
    """The state the move leads to.

    Rule: only the two people see a mentorship (others: 404); only the right one of them may
    make each move (the other: 403); and only from the state the move starts from (409).
    """
    role = visible_to(mentorship, user_id).role_of(user_id)
    allowed, source, target = MOVES[move]
    if role not in allowed:
        who = " or ".join(sorted(allowed))
        raise ForbiddenError(f"Only the {who} can {move.value} this mentorship.")
    if mentorship.status != source:
        raise InvalidMoveError(f"You cannot {move.value} a mentorship that is {mentorship.status}.")
    return target


def declined_recently(pair: Pair | None, now: datetime) -> bool:
    """Rule: after a decline, neither person can ask the other for 90 days."""
    return bool(pair and pair.declined_at and pair.declined_at > stamp(now - DECLINE_COOL_OFF))


def expiry_cutoff(now: datetime) -> str:
    """Requests created at or before this time have waited 30 days: they expire."""
    return stamp(now - EXPIRES_AFTER)


def reminder_cutoff(now: datetime) -> str:
    """Requests created at or before this time expire within 7 days: remind the mentor once."""
    return stamp(now - EXPIRES_AFTER + REMIND_BEFORE_EXPIRY)


def nudge_cutoff(now: datetime) -> str:
    """Requests created at or before this time have waited over 7 days: nudge the mentor once."""
    return stamp(now - NUDGE_AFTER)
