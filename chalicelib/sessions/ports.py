"""What sessions need from the identity provider (Cognito's user pool, or its local stand-in)."""

from typing import Protocol

from chalicelib.sessions.domain import Challenge, Flow, Tokens


class SignInProvider(Protocol):
    def sign_in(self, email: str, password: str) -> Tokens | Challenge:
        """Tokens for a password sign-in, or the challenge to answer first; a SignInError subclass
        (errors.py) when refused."""
        ...

    def answer_totp(self, email: str, session: str, code: str) -> Tokens | Challenge:
        """Answer SOFTWARE_TOKEN_MFA with the app's code; CodeMismatchError for a wrong code."""
        ...

    def start_totp_setup(self, session: str) -> Challenge:
        """MFA_SETUP, first step: the secret for the authenticator app (and the session to continue)."""
        ...

    def finish_totp_setup(self, email: str, session: str, code: str) -> Tokens | Challenge:
        """MFA_SETUP, second step: the app's first code proves the set-up; then the sign-in goes on."""
        ...

    def add_totp(self, access_token: str) -> str:
        """A signed-in person starts setting up an authenticator app: its secret key."""
        ...

    def confirm_totp(self, access_token: str, code: str) -> None:
        """The app's first code turns TOTP on (and makes it the preferred second step)."""
        ...

    def exchange_code(self, code: str, code_verifier: str, redirect_uri: str) -> Tokens:
        """Tokens for an authorisation code from the hosted endpoints (code + PKCE); SignInFailedError
        when the code is refused (expired, used, not for this verifier or redirect URI)."""
        ...

    def refresh(self, flow: Flow, refresh_token: str) -> Tokens:
        """New access and ID tokens; SessionEndedError when the refresh token no longer works."""
        ...

    def revoke(self, flow: Flow, refresh_token: str) -> None:
        """Make the refresh token (and the tokens issued from it) useless; already useless is fine."""
        ...

    def sign_out_everywhere(self, username: str) -> None:
        """Every refresh token of this person stops working (every device, every tab)."""
        ...
