"""Signing in, refreshing and signing out. The web layer turns the results into a reply and a cookie."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jose import jwt

from chalicelib.errors import MentorMatchError, SessionEndedError, ValidationError
from chalicelib.sessions.domain import TOTP, Challenge, RefreshGrant, Tokens
from chalicelib.sessions.ports import SignInProvider
from chalicelib.sessions.schema import (
    parse_challenge_answer,
    parse_code_sign_in,
    parse_sign_in,
    parse_totp_code,
)

Admit = Callable[[Tokens, str], None]  # (tokens, invitation code) -> None, or a refusal (MentorMatchError)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignedIn:
    """The reply the page keeps (no refresh token), and the grant that goes into the cookie."""

    reply: dict[str, Any]
    grant: RefreshGrant | None


def session_reply(tokens: Tokens, now: datetime) -> dict[str, Any]:
    """What the page needs: the access token, when it expires, and who is signed in (for display).

    The ID token came straight from the identity provider over TLS to this API, so its claims are
    read without checking its signature again; the API verifies every access token it is sent.
    """
    claims = jwt.get_unverified_claims(tokens.id_token) if tokens.id_token else {}
    groups = claims.get("cognito:groups") or []
    user = {"user_id": str(claims.get("sub", "")), "email": str(claims.get("email", "")),
            "name": str(claims.get("name", "")),
            "groups": sorted(str(g) for g in (groups if isinstance(groups, list) else [groups]))}
    if isinstance(claims.get("picture"), str) and claims["picture"].startswith("https://"):
        user["picture"] = claims["picture"]  # a provider's photo (LinkedIn), for the profile form to offer
    return {"access_token": tokens.access_token, "expires_at": int(now.timestamp()) + int(tokens.expires_in),
            "user": user}


def signed_in_or_challenged(outcome: Tokens | Challenge, now: datetime) -> SignedIn:
    """A session (tokens), or ``{"challenge": {...}}`` for the page to answer (no cookie yet)."""
    if isinstance(outcome, Challenge):
        return SignedIn({"challenge": outcome.view()}, None)
    return SignedIn(session_reply(outcome, now), RefreshGrant("password", outcome.refresh_token))


def sign_in_with_password(body: object, provider: SignInProvider, now: datetime) -> SignedIn:
    data = parse_sign_in(body)
    return signed_in_or_challenged(provider.sign_in(data.email, data.password), now)


def answer_challenge(body: object, provider: SignInProvider, now: datetime) -> SignedIn:
    """Rule: SOFTWARE_TOKEN_MFA takes the app's code; MFA_SETUP without a code starts the set-up
    (the reply carries the secret key), with a code finishes it and the sign-in goes on."""
    answer = parse_challenge_answer(body)
    if answer.name == TOTP:
        return signed_in_or_challenged(provider.answer_totp(answer.email, answer.session, answer.code or ""), now)
    if answer.code is None:
        return signed_in_or_challenged(provider.start_totp_setup(answer.session), now)
    return signed_in_or_challenged(provider.finish_totp_setup(answer.email, answer.session, answer.code), now)


def add_authenticator(access_token: str, provider: SignInProvider) -> dict[str, str]:
    """A signed-in person starts setting up TOTP: the key to type (or the URI for a QR code)."""
    secret = provider.add_totp(access_token)
    return {"secret": secret, "uri": f"otpauth://totp/Mentor%20Match?secret={secret}&issuer=Mentor%20Match"}


def confirm_authenticator(access_token: str, body: object, provider: SignInProvider) -> dict[str, bool]:
    provider.confirm_totp(access_token, parse_totp_code(body).code)
    logger.info("authenticator app set up")
    return {"enabled": True}


def sign_in_with_code(body: object, provider: SignInProvider, redirect_uris: tuple[str, ...], admit: Admit,
                      now: datetime) -> SignedIn:
    """The code from the hosted endpoints (LinkedIn through Cognito) exchanged for a session.

    ``admit`` applies the sign-up gate to a person the provider has just opened an account for;
    when it refuses, the new tokens are revoked and no session is made.
    """
    data = parse_code_sign_in(body)
    if data.redirect_uri not in redirect_uris:
        raise ValidationError("The sign-in came back to an address this service does not use.",
                              fields={"redirect_uri": "must be this site's sign-in callback"})
    tokens = provider.exchange_code(data.code, data.code_verifier, data.redirect_uri)
    try:
        admit(tokens, data.invitation)
    except MentorMatchError:
        provider.revoke("oauth", tokens.refresh_token)
        raise
    return SignedIn(session_reply(tokens, now), RefreshGrant("oauth", tokens.refresh_token))


def refresh_session(cookie_value: str, provider: SignInProvider, now: datetime) -> dict[str, Any]:
    """A fresh access token from the session cookie; SessionEndedError when there is no live session."""
    grant = RefreshGrant.decode(cookie_value) if cookie_value else None
    if grant is None:
        raise SessionEndedError("You are not signed in.")
    return session_reply(provider.refresh(grant.flow, grant.token), now)


def sign_out(cookie_value: str, username: str, provider: SignInProvider) -> None:
    """The refresh token is revoked and, when the caller proved who they are, every session of theirs ends."""
    grant = RefreshGrant.decode(cookie_value) if cookie_value else None
    if grant is not None:
        provider.revoke(grant.flow, grant.token)
    if username:
        provider.sign_out_everywhere(username)
    logger.info("signed out (everywhere: %s)", bool(username))
