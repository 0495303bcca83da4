"""What sessions need from the identity provider (Cognito's user pool, or its local stand-in)."""

from typing import Protocol

from chalicelib.sessions.domain import Flow, Tokens


class SignInProvider(Protocol):
    def sign_in(self, email: str, password: str) -> Tokens:
        """Tokens for a password sign-in; a SignInError subclass (errors.py) when refused."""
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
