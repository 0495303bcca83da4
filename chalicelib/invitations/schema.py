"""An invitation as an administrator asks for it (unknown fields refused)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from chalicelib.validation import ID_PATTERN, Parameters, Reply, parse_body

MAX_DAYS = 180


class InvitationRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    organisation_id: Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=ID_PATTERN)]
    expires_in_days: Annotated[int, Field(ge=1, le=MAX_DAYS)] = 30
    max_uses: Annotated[int, Field(ge=1, le=100_000)]


def parse_request(body: object) -> InvitationRequest:
    return parse_body(InvitationRequest, body, "invitation")


class CodePath(Parameters):
    """An invitation code as it came in the link: any text, so every invalid one gets the same 404."""

    invitation: Annotated[str, StringConstraints(max_length=2048)]


class OrganisationName(Reply):
    id: str
    name: str


class InvitationReply(Reply):
    id: str
    organisation_id: str
    created_at: str
    expires_at: str
    max_uses: int
    uses: int
    revoked: bool
    status: Literal["valid", "expired", "revoked", "used up"]


class NewInvitationReply(InvitationReply):
    """Shown once: the code and link are never stored (only the code's hash is)."""

    organisation: OrganisationName
    code: str
    link: str


class InvitationsReply(Reply):
    invitations: list[InvitationReply]


class InvitationCheckReply(Reply):
    organisation: OrganisationName
    expires_at: str


class RedemptionReply(Reply):
    organisation: OrganisationName
    joined_at: str


class Placement(Reply):
    id: str
    name: str
    via: Literal["email", "invitation"]


class PlacementsReply(Reply):
    organisations: list[Placement]
