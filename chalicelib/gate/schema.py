"""An email address to check before an account is made (``POST /sign-up/check``), and the reply.

The address goes through the text rule (chalicelib/text.py) like every string a person sends.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from chalicelib.text import CleanText
from chalicelib.validation import Reply, parse_body

EMAIL_PATTERN = r"^[^\s@]+@[^\s@]+\.[^\s@]+$"


class SignUpCheck(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    email: Annotated[str, CleanText(254, 6), StringConstraints(pattern=EMAIL_PATTERN),
                     Field(json_schema_extra={"pattern": EMAIL_PATTERN})]


class CheckedOrganisation(Reply):
    id: str
    name: str
    via: Literal["email"]


class SignUpCheckReply(Reply):
    organisation: CheckedOrganisation


def parse_sign_up_check(body: object) -> SignUpCheck:
    return parse_body(SignUpCheck, body, "email address")
