"""An invitation as an administrator asks for it (unknown fields refused)."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from chalicelib.validation import parse_body

MAX_DAYS = 180


class InvitationRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    organisation_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    expires_in_days: Annotated[int, Field(ge=1, le=MAX_DAYS)] = 30
    max_uses: Annotated[int, Field(ge=1, le=100_000)]


def parse_request(body: object) -> InvitationRequest:
    return parse_body(InvitationRequest, body, "invitation")
