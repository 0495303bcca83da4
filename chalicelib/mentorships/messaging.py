"""A mentorship's message thread: read a page at a time, oldest first; write while it is open.

Rules: only the two people can read or write (others: 404). Messages can be sent while the
mentorship is pending or accepted, never after (409), nor while either has blocked the other.
The recipient gets at most one email per thread per hour, however many messages arrive.
"""

import base64
import binascii
import re
from datetime import datetime

from chalicelib.after_commit import after_commit
from chalicelib.errors import ConflictError, InvalidMoveError, NotAvailableError, ValidationError
from chalicelib.mentorships.domain import (
    MESSAGE_EMAIL_INTERVAL,
    MESSAGING_STATES,
    Message,
    new_message_id,
    stamp,
    visible_to,
)
from chalicelib.mentorships.schema import MessageInput, parse
from chalicelib.mentorships.stores import JourneyStores
from chalicelib.mentorships.views import message_view

PAGE_SIZE = 50
MESSAGE_ID = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00#[0-9a-f]{8}$")
BAD_CURSOR = "The cursor is not one this API gave out. Start again without a cursor."


def encode_cursor(message_id: str) -> str:
    return base64.urlsafe_b64encode(message_id.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    """The message id a page starts after ("" for the first page); 400 for anything else."""
    if not cursor:
        return ""
    try:
        message_id = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ValidationError(BAD_CURSOR, fields={"cursor": "is not valid"}) from None
    if not MESSAGE_ID.match(message_id):
        raise ValidationError(BAD_CURSOR, fields={"cursor": "is not valid"})
    return message_id


def list_messages(mentorship_id: str, user_id: str, cursor: str, stores: JourneyStores) -> dict[str, object]:
    visible_to(stores.mentorships.get(mentorship_id), user_id)
    page = stores.messages.page(mentorship_id, decode_cursor(cursor), PAGE_SIZE + 1)
    shown = page[:PAGE_SIZE]
    return {
        "messages": [message_view(message, user_id) for message in shown],
        "next_cursor": encode_cursor(shown[-1].message_id) if len(page) > PAGE_SIZE else None,
    }


def post_message(mentorship_id: str, user_id: str, body: object, stores: JourneyStores, now: datetime) -> Message:
    data = parse(MessageInput, body, "message")
    stores.limits.check("message", user_id, now)
    mentorship = visible_to(stores.mentorships.get(mentorship_id), user_id)
    if mentorship.status not in MESSAGING_STATES:
        raise InvalidMoveError(f"This mentorship is {mentorship.status}: no more messages can be sent.")
    recipient = mentorship.other_party(user_id)
    if stores.blocks.either_way(user_id, recipient):
        raise NotAvailableError("You cannot send messages while one of you has blocked the other.")
    if not stores.is_active(recipient):
        raise NotAvailableError("This person's account is not available at the moment.")
    message = Message(mentorship_id, new_message_id(now), user_id, data.body, stamp(now))
    if not stores.mentorships.add_message(message):
        raise ConflictError("This mentorship has just closed: no more messages can be sent.")
    after_commit(lambda: stores.limits.record("message", user_id, now), "message counted", None)
    notice = f"{mentorship.role_of(recipient)}_notified_at"
    # Not marked (storage busy): no email this time rather than one on every message.
    if after_commit(lambda: stores.mentorships.mark_once(mentorship_id, notice, stamp(now),
                                                         unless_after=stamp(now - MESSAGE_EMAIL_INTERVAL)),
                    "email time marked", False):
        stores.notices.message_received(mentorship, recipient)
    return message
