"""What clients send for the mentorship journey, validated with pydantic (unknown fields refused),
and the replies they get back (documented in the published contract).

Texts are plain text, cleaned by the one text rule (``chalicelib.text``: several lines allowed,
no control or invisible formatting characters), never interpreted as markup.
"""

from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from chalicelib.text import CleanText
from chalicelib.validation import ID_PATTERN, Parameters, Reply, parse_body

MAX_TEXT = 5000
MAX_REASON = 2000
Id = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=ID_PATTERN)]
Text = Annotated[str, CleanText(MAX_TEXT, 1, multiline=True)]
Reason = Annotated[str, CleanText(MAX_REASON, multiline=True)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)


Input = TypeVar("Input", bound=Strict)


class RequestInput(Strict):
    mentor_id: Id
    message: Text


class DeclineInput(Strict):
    reason: Reason = ""


class EndInput(Strict):
    feedback: Annotated[str, CleanText(MAX_TEXT, multiline=True)] = ""


class EmptyInput(Strict):
    pass


class MessageInput(Strict):
    body: Text


class BlockInput(Strict):
    user_id: Id


class ReportInput(Strict):
    user_id: Id | None = None
    mentorship_id: Id | None = None
    reason: Annotated[str, CleanText(MAX_REASON, 1, multiline=True)]

    @model_validator(mode="after")
    def _exactly_one_subject(self) -> "ReportInput":
        if (self.user_id is None) == (self.mentorship_id is None):
            raise ValueError("say who or what you are reporting: user_id or mentorship_id, not both")
        return self


def parse(schema: type[Input], body: object, what: str, optional: bool = False) -> Input:
    """The body as ``schema``, or a 400 naming each bad field. ``optional``: no body is {}."""
    return parse_body(schema, body, what, optional)


Status = Literal["pending", "accepted", "declined", "withdrawn", "expired", "ended"]


class OtherPerson(Reply):
    user_id: str | None
    display_name: str
    email: str | None


class RequestMessage(Reply):
    body: str
    sent_at: str
    from_me: bool


class MentorshipReply(Reply):
    """A mentorship as one of its two people sees it."""

    mentorship_id: str
    status: Status
    my_role: Literal["mentee", "mentor"]
    other: OtherPerson
    created_at: str
    updated_at: str
    expires_at: str | None
    decided_at: str | None
    ended_at: str | None
    ended_by: Literal["me", "them"] | None
    ended_reason: Literal["left"] | None
    decline_reason: str | None
    my_feedback: str | None
    can: list[Literal["accept", "decline", "withdraw", "end"]]
    can_message: bool
    request_message: RequestMessage | None = Field(
        description="while pending: the message the request was made with (read it before accepting)")


class MentorshipsReply(Reply):
    mentorships: list[MentorshipReply]


class MessageReply(Reply):
    message_id: str
    sender_id: str
    from_me: bool
    body: str
    sent_at: str


class MessagesReply(Reply):
    messages: list[MessageReply]
    next_cursor: str | None


class MessagesQuery(Parameters):
    cursor: Annotated[str, StringConstraints(max_length=200)] = ""


class BlockReply(Reply):
    user_id: str
    display_name: str | None
    created_at: str


class BlocksReply(Reply):
    blocks: list[BlockReply]


class ReportReply(Reply):
    report_id: str
    user_id: str | None
    mentorship_id: str | None
    reason: str
    created_at: str
