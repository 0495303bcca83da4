"""A password sign-in as the site sends it."""

from typing import Annotated, Literal

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
class ChallengeAnswer(BaseModel):
    """The answer to a sign-in challenge: the code from the authenticator app (none to start a set-up)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    email: Annotated[str, StringConstraints(min_length=3, max_length=254, strip_whitespace=True)]
    name: Literal["SOFTWARE_TOKEN_MFA", "MFA_SETUP"]
    session: Annotated[str, StringConstraints(min_length=1, max_length=4096)]
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")] | None = None


class TotpCode(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]


def parse_challenge_answer(body: object) -> ChallengeAnswer:
    return parse_body(ChallengeAnswer, body, "answer")


def parse_totp_code(body: object) -> TotpCode:
    return parse_body(TotpCode, body, "code")
