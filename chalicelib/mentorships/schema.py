"""What clients send for the mentorship journey, validated with pydantic (unknown fields refused).

Texts are plain text: stored exactly as sent (after trimming), never interpreted as markup.
"""

from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

from chalicelib.validation import parse_body

MAX_TEXT = 5000
MAX_REASON = 2000
Id = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:@-]+$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
Reason = Annotated[str, StringConstraints(max_length=MAX_REASON)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)


Input = TypeVar("Input", bound=Strict)


class RequestInput(Strict):
    mentor_id: Id
    message: Text


class DeclineInput(Strict):
    reason: Reason = ""


class EndInput(Strict):
    feedback: Annotated[str, StringConstraints(max_length=MAX_TEXT)] = ""


class EmptyInput(Strict):
    pass


class MessageInput(Strict):
    body: Text


class BlockInput(Strict):
    user_id: Id


class ReportInput(Strict):
    user_id: Id | None = None
    mentorship_id: Id | None = None
    reason: Annotated[str, StringConstraints(min_length=1, max_length=MAX_REASON)]

    @model_validator(mode="after")
    def _exactly_one_subject(self) -> "ReportInput":
        if (self.user_id is None) == (self.mentorship_id is None):
            raise ValueError("say who or what you are reporting: user_id or mentorship_id, not both")
        return self


def parse(schema: type[Input], body: object, what: str, optional: bool = False) -> Input:
    """The body as ``schema``, or a 400 naming each bad field. ``optional``: no body is {}."""
    return parse_body(schema, body, what, optional)
