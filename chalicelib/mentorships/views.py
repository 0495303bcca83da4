"""Mentorships as each of their two people see them.

Rules: the other person's email is shown only while the mentorship is accepted; feedback is
seen only by the person who wrote it; once the other person has deleted their account they
are "Someone who has left Mentor Match", with no id. While a request waits for an answer, its
message (the thread's first) comes with it, so a mentor reads it before accepting.
"""

from typing import Any

from chalicelib.mentorships.domain import (
    ACCEPTED,
    MESSAGING_STATES,
    MOVES,
    PENDING,
    Mentorship,
    Message,
    is_stand_in,
)
from chalicelib.mentorships.stores import JourneyStores

LEFT_NAME = "Someone who has left Mentor Match"


def moves_open_to(mentorship: Mentorship, user_id: str) -> list[str]:
    role = mentorship.role_of(user_id)
    return [move.value for move, (allowed, source, _) in MOVES.items()
            if role in allowed and mentorship.status == source]


def mentorship_view(mentorship: Mentorship, viewer_id: str, names: dict[str, str], email: str | None,
                    request_message: Message | None = None) -> dict[str, Any]:
    role = mentorship.role_of(viewer_id)
    other_id = mentorship.other_party(viewer_id)
    left = is_stand_in(other_id)
    ended_by = None
    if mentorship.ended_by:
        ended_by = "me" if mentorship.ended_by == role else "them"
    return {
        "mentorship_id": mentorship.mentorship_id,
        "status": mentorship.status,
        "my_role": role,
        "other": {
            "user_id": None if left else other_id,
            "display_name": LEFT_NAME if left else names.get(other_id, LEFT_NAME),
            "email": email if mentorship.status == ACCEPTED else None,
        },
        "created_at": mentorship.created_at,
        "updated_at": mentorship.updated_at,
        "expires_at": mentorship.expires_at if mentorship.status == PENDING else None,
        "decided_at": mentorship.decided_at or None,
        "ended_at": mentorship.ended_at or None,
        "ended_by": ended_by,
        "ended_reason": mentorship.ended_reason or None,
        "decline_reason": mentorship.decline_reason or None,
        "my_feedback": getattr(mentorship, f"{role}_feedback") or None,
        "can": moves_open_to(mentorship, viewer_id),
        "can_message": mentorship.status in MESSAGING_STATES,
        "request_message": {"body": request_message.body, "sent_at": request_message.sent_at,
                            "from_me": request_message.sender_id == viewer_id} if request_message else None,
    }


def view_one(mentorship: Mentorship, viewer_id: str, stores: JourneyStores) -> dict[str, Any]:
    return view_many([mentorship], viewer_id, stores)[0]


def view_many(mentorships: list[Mentorship], viewer_id: str, stores: JourneyStores) -> list[dict[str, Any]]:
    others = {m.other_party(viewer_id) for m in mentorships}
    people = stores.profiles.get_many(o for o in others if not is_stand_in(o))
    names = {user_id: profile.display_name for user_id, profile in people.items()}
    return [mentorship_view(m, viewer_id, names, email_if_accepted(m, viewer_id, stores), request_message(m, stores))
            for m in mentorships]


def request_message(mentorship: Mentorship, stores: JourneyStores) -> Message | None:
    """The message a request was made with, while it waits for an answer (one read per pending request)."""
    if mentorship.status != PENDING:
        return None
    first = stores.messages.page(mentorship.mentorship_id, "", 1)
    return first[0] if first else None


def email_if_accepted(mentorship: Mentorship, viewer_id: str, stores: JourneyStores) -> str | None:
    if mentorship.status != ACCEPTED:
        return None
    return stores.directory.email_of(mentorship.other_party(viewer_id))


def message_view(message: Message, viewer_id: str) -> dict[str, Any]:
    return {
        "message_id": message.message_id,
        "sender_id": message.sender_id,
        "from_me": message.sender_id == viewer_id,
        "body": message.body,
        "sent_at": message.sent_at,
    }


def contact_email(viewer_id: str, other_id: str, stores: JourneyStores) -> str | None:
    """The other person's email, only when the two have an accepted mentorship."""
    pair = stores.mentorships.pair(viewer_id, other_id)
    mentorship = stores.mentorships.get(pair.open_mentorship_id) if pair and pair.open_mentorship_id else None
    return email_if_accepted(mentorship, viewer_id, stores) if mentorship else None
