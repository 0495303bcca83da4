"""A password sign-in as the site sends it, and the session replies (the published contract).

The email address goes through the text rule like every other input. The password does not: it
must reach the user pool exactly as the person typed it when they signed up (normalising or
trimming it would refuse a correct password), so it is only refused when it holds characters no
keyboard types and no JSON encoder can send on (controls, lone surrogates).
"""

import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, StringConstraints

from chalicelib.text import CleanText
from chalicelib.validation import Parameters, Reply, parse_body


def typed_characters_only(password: str) -> str:
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in password):
        raise ValueError("must not contain control characters")
    return password


class PasswordSignIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    email: Annotated[str, CleanText(254, 3)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=256), AfterValidator(typed_characters_only)]


class SessionCookie(Parameters):
    """The session cookie the API set at sign-in (HttpOnly: page scripts never see it)."""

    mm_session: str | None = Field(default=None, description="the session; set by POST /session")


class SessionUser(Reply):
    user_id: str
    email: str
    name: str
    groups: list[str]


class SessionReply(Reply):
    access_token: str = Field(description="a Cognito access token: send it as 'Authorization: Bearer ...'")
    expires_at: int = Field(description="when the access token expires, in seconds since 1970")
    user: SessionUser


class ChallengeView(Reply):
    name: Literal["SOFTWARE_TOKEN_MFA", "MFA_SETUP"]
    session: str = Field(description="send it back with the answer (it lasts 3 minutes)")
    secret: str | None = Field(default=None, description="MFA_SETUP, once started: the key for the app")


class ChallengeReply(Reply):
    """Cognito wants more before it signs the person in: no session (and no cookie) yet."""

    challenge: ChallengeView


class SignInReply(RootModel[SessionReply | ChallengeReply]):
    """A session, or a challenge to answer with POST /session/challenge."""


class AuthenticatorReply(Reply):
    secret: str = Field(description="the key to type into an authenticator app")
    uri: str = Field(description="the same key as an otpauth:// address (for a QR code)")


class AuthenticatorEnabledReply(Reply):
    enabled: bool


def parse_sign_in(body: object) -> PasswordSignIn:
    return parse_body(PasswordSignIn, body, "sign-in")


class CodeSignIn(BaseModel):
    """The site's callback page hands over what the hosted endpoints sent back, and its PKCE verifier."""

    model_config = ConfigDict(extra="forbid", strict=True)

    code: Annotated[str, StringConstraints(min_length=1, max_length=2048, pattern=r"^[\x21-\x7e]+$")]
    # RFC 7636: 43 to 128 unreserved characters.
    code_verifier: Annotated[str, StringConstraints(min_length=43, max_length=128, pattern=r"^[A-Za-z0-9._~-]+$")]
    redirect_uri: Annotated[str, StringConstraints(min_length=1, max_length=2048)]
    invitation: Annotated[str, CleanText(200)] = ""


def parse_code_sign_in(body: object) -> CodeSignIn:
    return parse_body(CodeSignIn, body, "sign-in")


class ChallengeAnswer(BaseModel):
    """The answer to a sign-in challenge: the code from the authenticator app (none to start a set-up)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    email: Annotated[str, CleanText(254, 3)]
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
