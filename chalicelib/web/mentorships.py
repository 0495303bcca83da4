"""Routes: the mentorship journey. Every route needs ``Authorization: Bearer <access token>``.

Errors are ``{"error": {"code", "message", "fields"?}}`` with the status below; a refused call
changes nothing. Times are ISO 8601 UTC strings ("2026-05-01T09:30:00+00:00").

A MENTORSHIP as either of its two people sees it ("view"):
    {"mentorship_id": "…", "status": "pending|accepted|declined|withdrawn|expired|ended",
     "my_role": "mentee|mentor",
     "other": {"user_id": "…" (null once they deleted their account),
               "display_name": "…" ("Someone who has left Mentor Match" once they left),
               "email": "…" only while status is "accepted", otherwise null},
     "created_at", "updated_at",
     "expires_at": when an unanswered request expires (pending only, else null),
     "decided_at": accepted/declined/withdrawn/expired at, or null,
     "ended_at", "ended_by": "me|them" or null,
     "ended_reason": "left" (the other person deleted their account) or null,
     "decline_reason": the mentor's optional reason, or null,
     "my_feedback": the private feedback I gave when ending, or null (never the other's),
     "can": the moves open to me now, a subset of ["accept", "decline", "withdraw", "end"],
     "can_message": true while pending or accepted,
     "request_message": {"body", "sent_at", "from_me"}: the message the request was made with, while
                        it is pending (so the mentor reads it before accepting), else null}

POST /mentorships            body {"mentor_id": "<user id>", "message": "1..5000 chars, plain text"}
    201 view (status "pending"; the message is the thread's first message; the mentor gets an email)
    400 bad body or asking yourself; 404 no such person;
    409 code "not_available": not a mentor, not taking requests, full, either has blocked the other,
        already a pending/accepted mentorship between you, a decline between you in the last 90 days,
        or I have no profile with the mentee role;
    409 code "request_limit_reached": I already wait on 5 requests.
GET /mentorships             200 {"mentorships": [view, …]}  both sides, newest first
GET /mentorships/{id}        200 view; 404 if I am not one of its two people
POST /mentorships/{id}/accept     (mentor)  body none or {}                       200 view
POST /mentorships/{id}/decline    (mentor)  body none or {"reason": "≤2000"}      200 view
POST /mentorships/{id}/withdraw   (mentee)  body none or {}                       200 view
POST /mentorships/{id}/end        (either)  body none or {"feedback": "≤5000"}   200 view
    404 not one of its people; 403 "forbidden": the other person's move; 409 "invalid_state": not
    possible from the current state (e.g. accepting twice); accept also 409 "capacity_reached"
    (already mentoring mentor_capacity people) or "not_available" (blocked).
    Accepting emails the mentee; declining emails the mentee; the email shows no reason.
GET /mentorships/{id}/messages?cursor=<next_cursor>
    200 {"messages": [{"message_id", "sender_id", "from_me": bool, "body", "sent_at"}, …] (oldest
         first, at most 50), "next_cursor": "…" or null when there are no more}
    400 bad cursor; 404 not one of its people
POST /mentorships/{id}/messages   body {"body": "1..5000 chars, plain text"}
    201 {"message_id", "sender_id", "from_me": true, "body", "sent_at"}
    400 bad body; 404 not one of its people; 409 mentorship not pending/accepted, or blocked.
    The other person gets at most one email per thread per hour (no message text in it).

Blocks and reports (chalicelib/web/safety.py):
POST /blocks       body {"user_id"}  201 {"user_id", "display_name", "created_at"}; 400 yourself; 404 no one
GET /blocks        200 {"blocks": [{"user_id", "display_name", "created_at"}, …]}
DELETE /blocks/{user_id}   204; 404 if I had not blocked them
POST /reports      body {"user_id": "…"} or {"mentorship_id": "…"} (exactly one) and {"reason": "1..2000"}
    201 {"report_id", "user_id", "mentorship_id", "reason", "created_at"}; 400; 404
Privacy (chalicelib/web/privacy.py):
GET /me/export     200 {"exported_at", "user_id", "email", "account": {"state", "state_described", "changed_at"},
                        "profile": profile plus "organisation_name", "grade_name", "roles_described", or null,
                        "mentorships": [view plus "status_described", …],
                        "messages": [{"mentorship_id", "message_id", "sender_id", "from_me", "body", "sent_at"}],
                        "blocks": [{"user_id", "created_at"}],
                        "reports": [{"report_id", "user_id", "mentorship_id", "reason", "created_at"}]}
DELETE /me         204; afterwards the old token gets 401 (see chalicelib/privacy/deletion.py for what
                   is deleted and what is anonymised)

Emails link to ``<SITE_URL>/mentorships?id=<mentorship_id>``: the site's page for one mentorship.
"""

from collections.abc import Callable
from datetime import datetime

from chalice import Blueprint

from chalicelib.bootstrap import services
from chalicelib.mentorships import messaging
from chalicelib.mentorships import service as journey
from chalicelib.mentorships.domain import Mentorship
from chalicelib.mentorships.schema import (
    DeclineInput,
    EmptyInput,
    EndInput,
    MentorshipReply,
    MentorshipsReply,
    MessageInput,
    MessageReply,
    MessagesQuery,
    MessagesReply,
    RequestInput,
)
from chalicelib.mentorships.stores import JourneyStores
from chalicelib.mentorships.views import message_view, view_many, view_one
from chalicelib.metrics import emit
from chalicelib.web.common import api_route, bearer, json_body, now, optional_json_body, principal, query_as

api = Blueprint(__name__)


def make_move(change: Callable[[str, str, object, JourneyStores, datetime], Mentorship],
              mentorship_id: str) -> dict[str, object]:
    user_id, stores = principal(api).user_id, services().journey
    return view_one(change(mentorship_id, user_id, optional_json_body(api), stores, now()), user_id, stores)


MOVE_ERRORS = (403, 404, 409)
ONE = {"GetMentorship": ("get_my_mentorship", "mentorship_id", "mentorship_id"),
       "ListMessages": ("list_messages", "mentorship_id", "mentorship_id"),
       "PostMessage": ("post_message", "mentorship_id", "mentorship_id")}


@api_route(api, "/mentorships", methods=("POST",), authorizer=bearer, body=RequestInput, reply=MentorshipReply,
           status=201, errors=(404, 409, 429), links=ONE, summary="Ask someone to mentor me")
def request_mentorship() -> dict[str, object]:
    user_id, stores = principal(api).user_id, services().journey
    mentorship = journey.request_mentorship(user_id, json_body(api), stores, now())
    emit({"Requests": 1})
    return view_one(mentorship, user_id, stores)


@api_route(api, "/mentorships", authorizer=bearer, reply=MentorshipsReply,
           summary="My requests and mentorships, both sides, newest first")
def list_my_mentorships() -> dict[str, object]:
    user_id, stores = principal(api).user_id, services().journey
    return {"mentorships": view_many(stores.mentorships.list_for(user_id), user_id, stores)}


@api_route(api, "/mentorships/{mentorship_id}", authorizer=bearer, reply=MentorshipReply, errors=(404,),
           summary="One of my mentorships")
def get_my_mentorship(mentorship_id: str) -> dict[str, object]:
    user_id, stores = principal(api).user_id, services().journey
    return view_one(journey.get_my_mentorship(mentorship_id, user_id, stores), user_id, stores)


@api_route(api, "/mentorships/{mentorship_id}/accept", methods=("POST",), authorizer=bearer, body=EmptyInput,
           body_optional=True, reply=MentorshipReply, errors=MOVE_ERRORS, summary="Accept a request (the mentor)")
def accept_mentorship(mentorship_id: str) -> dict[str, object]:
    accepted = make_move(journey.accept_mentorship, mentorship_id)
    emit({"Accepts": 1})
    return accepted


@api_route(api, "/mentorships/{mentorship_id}/decline", methods=("POST",), authorizer=bearer, body=DeclineInput,
           body_optional=True, reply=MentorshipReply, errors=MOVE_ERRORS, summary="Decline a request (the mentor)")
def decline_mentorship(mentorship_id: str) -> dict[str, object]:
    return make_move(journey.decline_mentorship, mentorship_id)


@api_route(api, "/mentorships/{mentorship_id}/withdraw", methods=("POST",), authorizer=bearer, body=EmptyInput,
           body_optional=True, reply=MentorshipReply, errors=MOVE_ERRORS, summary="Withdraw my request (the mentee)")
def withdraw_mentorship(mentorship_id: str) -> dict[str, object]:
    return make_move(journey.withdraw_mentorship, mentorship_id)


@api_route(api, "/mentorships/{mentorship_id}/end", methods=("POST",), authorizer=bearer, body=EndInput,
           body_optional=True, reply=MentorshipReply, errors=MOVE_ERRORS, summary="End an accepted mentorship")
def end_mentorship(mentorship_id: str) -> dict[str, object]:
    return make_move(journey.end_mentorship, mentorship_id)


@api_route(api, "/mentorships/{mentorship_id}/messages", authorizer=bearer, query=MessagesQuery,
           reply=MessagesReply, errors=(404,), summary="The thread, oldest first, 50 at a time")
def list_messages(mentorship_id: str) -> dict[str, object]:
    user_id = principal(api).user_id
    return messaging.list_messages(mentorship_id, user_id, query_as(api, MessagesQuery).cursor, services().journey)


@api_route(api, "/mentorships/{mentorship_id}/messages", methods=("POST",), authorizer=bearer, body=MessageInput,
           reply=MessageReply, status=201, errors=(404, 409, 429), summary="Send a message in the thread")
def post_message(mentorship_id: str) -> dict[str, object]:
    user_id = principal(api).user_id
    message = messaging.post_message(mentorship_id, user_id, json_body(api), services().journey, now())
    return message_view(message, user_id)
