"""A password sign-in as the site sends it."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from chalicelib.validation import parse_body


class PasswordSignIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    email: Annotated[str, StringConstraints(min_length=3, max_length=254, strip_whitespace=True)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=256)]


def parse_sign_in(body: object) -> PasswordSignIn:
    return parse_body(PasswordSignIn, body, "sign-in")
