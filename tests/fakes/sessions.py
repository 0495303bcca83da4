"""An in-memory identity provider: password accounts, refresh tokens, revocation, global sign-out."""

import itertools
import uuid
from collections.abc import Callable

from chalicelib.errors import (
    AccountSuspendedError,
    CodeMismatchError,
    NotConfirmedError,
    SessionEndedError,
    SignInFailedError,
)
from chalicelib.sessions.domain import TOTP, Challenge, Flow, Tokens
from tests.fakes.accounts import InMemoryDirectory

Mint = Callable[..., str]  # claims as keyword arguments -> a signed JWT
_serial = itertools.count(1)


class InMemorySignIn:
    def __init__(self, directory: InMemoryDirectory, mint: Mint):
        self.directory, self.mint = directory, mint
        self.passwords: dict[str, str] = {}  # username -> password
        self.unconfirmed: set[str] = set()
        self.live: dict[str, str] = {}  # refresh token -> username
        self.codes: dict[tuple[str, str, str], str] = {}  # (code, verifier, redirect) -> username
        self.revoked: list[str] = []
        self.challenges: dict[str, str] = {}  # challenge session -> username
        self.code = "123456"  # what every "authenticator app" shows here

    def issue_code(self, username: str, code_verifier: str, redirect_uri: str) -> str:
        """What the hosted endpoints would send back after a sign-in as ``username``."""
        code = f"code-{next(_serial)}"
        self.codes[(code, code_verifier, redirect_uri)] = username
        return code

    def exchange_code(self, code: str, code_verifier: str, redirect_uri: str) -> Tokens:
        username = self.codes.pop((code, code_verifier, redirect_uri), None)
        if username is None or username not in self.directory.users:
            raise SignInFailedError("Signing in with LinkedIn did not finish. Try again.")
        refresh = f"refresh-{next(_serial)}-{uuid.uuid4().hex}"
        self.live[refresh] = username
        return self._tokens(username, refresh)

    def register(self, email: str, password: str, confirmed: bool = True) -> str:
        """A password account; its username (= user id here)."""
        user = self.directory.find_by_email(email) or self.directory.add(str(uuid.uuid4()), email)
        self.passwords[user.username] = password
        if not confirmed:
            self.unconfirmed.add(user.username)
        return user.username

    def sign_in(self, email: str, password: str) -> Tokens:
        user = self.directory.find_by_email(email)
        if user is None or self.passwords.get(user.username) != password:
            raise SignInFailedError("The email address or password is not correct.")
        if user.username in self.unconfirmed:
            raise NotConfirmedError("You need to confirm your email address before you can sign in.")
        if not user.enabled:  # as the user pool refuses a disabled (suspended) user
            raise AccountSuspendedError("Your account has been suspended. Contact the Mentor Match team.")
        if self.directory.has_totp(user.username):
            session = f"challenge-{uuid.uuid4().hex}"
            self.challenges[session] = user.username
            return Challenge(TOTP, session)
        return self._signed_in(user.username)

    def answer_totp(self, email: str, session: str, code: str) -> Tokens | Challenge:
        username = self.challenges.get(session)
        if username is None:
            raise SessionEndedError("That took too long. Sign in again.")
        if code != self.code:
            raise CodeMismatchError("The code is not correct.")
        del self.challenges[session]
        return self._signed_in(username)

    # The in-memory pool never asks for MFA_SETUP (that is tested against Cognito's shapes), so every
    # set-up session is one it does not know: answered as Cognito answers an expired one.
    def start_totp_setup(self, session: str) -> Challenge:
        raise SessionEndedError("That took too long. Sign in again.")

    def finish_totp_setup(self, email: str, session: str, code: str) -> Tokens | Challenge:
        raise SessionEndedError("That took too long. Sign in again.")

    def add_totp(self, access_token: str) -> str:
        return "JBSWY3DPEHPK3PXP"

    def confirm_totp(self, access_token: str, code: str) -> None:
        if code != self.code:
            raise CodeMismatchError("The code is not correct.")
        from jose import jwt

        self.directory.totp.add(jwt.get_unverified_claims(access_token)["username"])

    def _signed_in(self, username: str) -> Tokens:
        refresh = f"refresh-{next(_serial)}-{uuid.uuid4().hex}"
        self.live[refresh] = username
        return self._tokens(username, refresh)

    def refresh(self, flow: Flow, refresh_token: str) -> Tokens:
        username = self.live.get(refresh_token)
        if username is None or username not in self.directory.users or not self.directory.users[username].enabled:
            raise SessionEndedError("Your session has ended. Sign in again.")
        return self._tokens(username, "")

    def revoke(self, flow: Flow, refresh_token: str) -> None:
        self.live.pop(refresh_token, None)
        self.revoked.append(refresh_token)

    def sign_out_everywhere(self, username: str) -> None:
        for token in [token for token, owner in self.live.items() if owner == username]:
            del self.live[token]

    def _tokens(self, username: str, refresh: str) -> Tokens:
        user = self.directory.users[username]
        groups = {"cognito:groups": sorted(user.groups)} if user.groups else {}
        access = self.mint(sub=user.user_id, username=username, **groups)
        identity = self.mint(sub=user.user_id, token_use="id", email=user.email, **groups)
        return Tokens(access_token=access, id_token=identity, expires_in=3600, refresh_token=refresh)
