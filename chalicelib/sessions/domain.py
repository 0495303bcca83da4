"""What a session holds, as plain data.

Rule: the refresh token never reaches page scripts. It lives in a cookie together with the flow
that issued it (a password sign-in refreshes with the user pool's REFRESH_TOKEN_AUTH; a
federated sign-in through the hosted endpoints refreshes at the OAuth token endpoint).
"""

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any, Final, Literal

Flow = Literal["password", "oauth"]
FLOWS: tuple[Flow, ...] = ("password", "oauth")


@dataclass(frozen=True)
class Tokens:
    access_token: str
    id_token: str
    expires_in: int  # seconds
    refresh_token: str = ""  # only on sign-in (a refresh keeps the one in the cookie)


# Cognito's challenges this site answers (password sign-in): a code from an authenticator app, or
# setting one up first (Cognito asks for that when MFA is required and the person has none yet).
TOTP: Final = "SOFTWARE_TOKEN_MFA"
TOTP_SETUP: Final = "MFA_SETUP"
CHALLENGES = (TOTP, TOTP_SETUP)


@dataclass(frozen=True)
class Challenge:
    """Cognito wants more before it signs the person in; ``session`` lets the answer continue (3 minutes)."""

    name: str
    session: str
    secret: str = ""  # TOTP_SETUP, once started: the key to put in the authenticator app

    def view(self) -> dict[str, str]:
        shown = {"name": self.name, "session": self.session}
        return {**shown, "secret": self.secret} if self.secret else shown


@dataclass(frozen=True)
class RefreshGrant:
    """The cookie's content: the refresh token and the flow that can use it."""

    flow: Flow
    token: str

    def encode(self) -> str:
        raw = json.dumps({"flow": self.flow, "token": self.token}, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, value: str) -> "RefreshGrant | None":
        """The grant in a cookie value, or None for anything this API did not write."""
        try:
            data: Any = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
        except (binascii.Error, ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict) or data.get("flow") not in FLOWS or not isinstance(data.get("token"), str):
            return None
        return cls(flow=data["flow"], token=data["token"]) if data["token"] else None
