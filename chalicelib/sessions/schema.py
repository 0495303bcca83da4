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


class CodeSignIn(BaseModel):
    """The site's callback page hands over what the hosted endpoints sent back, and its PKCE verifier."""

    model_config = ConfigDict(extra="forbid", strict=True)

    code: Annotated[str, StringConstraints(min_length=1, max_length=2048, pattern=r"^[\x21-\x7e]+$")]
    # RFC 7636: 43 to 128 unreserved characters.
    code_verifier: Annotated[str, StringConstraints(min_length=43, max_length=128, pattern=r"^[A-Za-z0-9._~-]+$")]
    redirect_uri: Annotated[str, StringConstraints(min_length=1, max_length=2048)]
    invitation: Annotated[str, StringConstraints(max_length=200, strip_whitespace=True)] = ""


def parse_code_sign_in(body: object) -> CodeSignIn:
    return parse_body(CodeSignIn, body, "sign-in")
