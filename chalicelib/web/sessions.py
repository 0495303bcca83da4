"""Routes: signing in, staying signed in, signing out (a backend-for-frontend session).

The refresh token lives only in an HttpOnly, SameSite=Strict cookie scoped to these routes, so
page scripts never see it; a second cookie, ``mm_signed_in=1`` (no secret in it), tells the
site's scripts that asking for a fresh access token is worth trying (a new tab, a link from an
email). Replies that carry tokens are ``Cache-Control: no-store``.

POST /session  (public)      body {"email", "password"}
    200 {"access_token": "<JWT>", "expires_at": <epoch seconds>,
         "user": {"user_id", "email", "name", "groups": ["admins"]?}}  and the session cookies
    400 validation_error; 401 sign_in_failed (the email or password is not correct: never says which);
    403 not_confirmed (confirm the email first) | account_suspended | password_reset_required;
    429 too_many_requests
POST /session/oauth  (public)   body {"code", "code_verifier", "redirect_uri", "invitation"?}
    The site's callback page hands over the authorisation code the hosted endpoints (Cognito, with
    LinkedIn behind them) sent back, the PKCE verifier it made, the redirect URI it used, and the
    invitation code it carried through the request's state. The API exchanges the code at the token
    endpoint and sets the same cookies (the refresh token never reaches page scripts).
    200 as POST /session, and the session cookies
    400 validation_error (redirect_uri not this site's callback); 401 sign_in_failed (the code expired,
    was used, or does not match the verifier); 403 sign_up_not_allowed (LinkedIn opened an account for
    someone the sign-up gate refuses: that account is deleted at once); 404 not_found (LinkedIn
    sign-in is not set up here)
POST /session/refresh  (public; the session cookie)   no body
    200 as above (a new access token; the cookie is unchanged)
    401 session_ended (no session cookie, or its refresh token expired or was revoked); the cookies are cleared
    or, when Cognito asks for more (an authenticator app's code, or setting one up), no cookie and
    200 {"challenge": {"name": "SOFTWARE_TOKEN_MFA" | "MFA_SETUP", "session": "<opaque>"}}
POST /session/challenge  (public)  body {"email", "name", "session", "code"?}
    SOFTWARE_TOKEN_MFA with the 6-digit code: 200 and the session as for POST /session;
    MFA_SETUP without a code: 200 {"challenge": {"name": "MFA_SETUP", "session", "secret"}} (the key to type
    into the app); MFA_SETUP with the app's first code: 200 and the session.
    401 code_not_correct | session_ended (the 3 minutes ran out: sign in again); 400 validation_error
POST /me/authenticator  (signed in)   200 {"secret", "uri"}: start setting up an authenticator app
PUT /me/authenticator   (signed in)   body {"code"}  200 {"enabled": true}: from the next sign-in Cognito
    asks for the app's code (administrators need this before they can use admin rights: 403 mfa_required)
DELETE /session  (public; the session cookie, and the access token when there is one)
    204: the refresh token is revoked, the cookies cleared, and with a valid access token every
    session of that person ends (Cognito global sign-out: every device and tab), and access tokens
    issued before now are refused from now on (401), so a tab left open elsewhere is signed out on
    its next call rather than when its token expires
"""

from collections.abc import Mapping
from http.cookies import SimpleCookie
from typing import Any

from chalice import Blueprint, Response

from chalicelib.auth import Principal, bearer_token
from chalicelib.bootstrap import services
from chalicelib.errors import MentorMatchError, SessionEndedError, UnauthorisedError
from chalicelib.federation.service import admit_federated_person
from chalicelib.invitations.ratelimit import caller
from chalicelib.sessions import service as sessions
from chalicelib.sessions.domain import RefreshGrant, Tokens
from chalicelib.sessions.schema import (
    AuthenticatorEnabledReply,
    AuthenticatorReply,
    ChallengeAnswer,
    CodeSignIn,
    PasswordSignIn,
    SessionCookie,
    SessionReply,
    SignInReply,
    TotpCode,
)
from chalicelib.web.common import api_route, bearer, json_body, now, principal
from chalicelib.web.http_io import JSON_HEADERS, error_reply
from chalicelib.web.invitations import client_address

api = Blueprint(__name__)
SESSION_COOKIE = "mm_session"
HINT_COOKIE = "mm_signed_in"
NO_STORE = {**JSON_HEADERS, "Cache-Control": "no-store"}


def session_cookies(grant: RefreshGrant | None) -> list[str]:
    """Set-Cookie values: the session and its hint, or (no grant) both cleared."""
    settings = services().settings
    age = settings.session_days * 86400 if grant else 0
    secure = "; Secure" if settings.session_cookie_secure else ""
    value = grant.encode() if grant else ""
    return [
        f"{SESSION_COOKIE}={value}; Path={settings.session_cookie_path}; Max-Age={age}; HttpOnly; SameSite=Strict{secure}",
        f"{HINT_COOKIE}={'1' if grant else ''}; Path=/; Max-Age={age}; SameSite=Strict{secure}",
    ]


def header(name: str) -> str:
    headers: Mapping[str, str] = api.current_request.headers or {}
    return headers.get(name, "")


def session_cookie() -> str:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header("cookie"))
    except Exception:  # a malformed Cookie header is no session, not a fault
        return ""
    morsel = jar.get(SESSION_COOKIE)
    return morsel.value if morsel else ""


def reply(body: dict[str, Any] | None, status: int, grant: RefreshGrant | None, keep: bool = False) -> Response:
    headers: dict[str, Any] = dict(NO_STORE)
    if not keep:
        headers["Set-Cookie"] = session_cookies(grant)
    return Response(body=body if body is not None else "", status_code=status, headers=headers)


def signed_in() -> Principal | None:
    """Who the request's access token belongs to, or None when there is none or it is not valid."""
    authorization = header("authorization")
    if not authorization:
        return None
    try:
        return services().tokens.verify(bearer_token(authorization))
    except UnauthorisedError:
        return None


@api_route(api, "/session", methods=("POST",), body=PasswordSignIn, reply=SignInReply, errors=(401, 403, 429),
           sets_cookies=True, personal=True,
           summary="Sign in with an email address and password (sets the session cookie)")
def sign_in() -> Response:
    signed = sessions.sign_in_with_password(json_body(api), services().adapters.sign_in, now())
    return reply(signed.reply, 200, signed.grant, keep=signed.grant is None)


@api_route(api, "/session/challenge", methods=("POST",), body=ChallengeAnswer, reply=SignInReply, errors=(401, 429),
           sets_cookies=True, personal=True,
           summary="Answer a sign-in challenge: the authenticator app's code, or setting one up")
def answer_challenge() -> Response:
    signed = sessions.answer_challenge(json_body(api), services().adapters.sign_in, now())
    return reply(signed.reply, 200, signed.grant, keep=signed.grant is None)


@api_route(api, "/me/authenticator", methods=("POST",), authorizer=bearer, reply=AuthenticatorReply,
           summary="Start setting up an authenticator app (the key to type into it)")
def add_authenticator() -> Response:
    principal(api)
    added = sessions.add_authenticator(bearer_token(header("authorization")), services().adapters.sign_in)
    return reply(added, 200, None, keep=True)


@api_route(api, "/me/authenticator", methods=("PUT",), authorizer=bearer, body=TotpCode,
           reply=AuthenticatorEnabledReply, summary="Turn the authenticator app on with its first code")
def confirm_authenticator() -> dict[str, bool]:
    principal(api)
    return sessions.confirm_authenticator(bearer_token(header("authorization")), json_body(api),
                                          services().adapters.sign_in)


@api_route(api, "/session/oauth", methods=("POST",), body=CodeSignIn, reply=SessionReply, errors=(401, 403, 404, 429),
           sets_cookies=True, personal=True,
           summary="Sign in with the code the hosted endpoints (LinkedIn) sent back (sets the session cookie)")
def sign_in_with_code() -> Response:
    s = services()

    def admit(tokens: Tokens, invitation: str) -> None:
        who = s.tokens.verify(tokens.access_token)
        client = caller(who.user_id, client_address(api))
        admit_federated_person(who.user_id, who.username, invitation, client, s.federated_gate, now())

    signed = sessions.sign_in_with_code(json_body(api), s.adapters.sign_in, s.settings.oauth_redirect_uris, admit,
                                        now())
    return reply(signed.reply, 200, signed.grant)


@api_route(api, "/session/refresh", methods=("POST",), cookies=SessionCookie, reply=SessionReply, errors=(401,),
           sets_cookies=True, personal=True,
           summary="A fresh access token from the session cookie")
def refresh_session() -> Response:
    try:
        return reply(sessions.refresh_session(session_cookie(), services().adapters.sign_in, now()), 200, None,
                     keep=True)
    except SessionEndedError as error:
        return ended(error)


def ended(error: MentorMatchError) -> Response:
    status, body, _ = error_reply(error)
    return reply(body, status, None)


@api_route(api, "/session", methods=("DELETE",), cookies=SessionCookie, status=204, sets_cookies=True,
           personal=True, summary="Sign out: end the session (everywhere, with an access token)")
def sign_out() -> Response:
    who, adapters = signed_in(), services().adapters
    sessions.sign_out(session_cookie(), who.username if who else "", adapters.sign_in)
    if who is not None:  # access tokens already handed out (other tabs, other devices) stop working too
        adapters.accounts.mark_signed_out(who.user_id, now().isoformat(timespec="seconds"))
    return reply(None, 204, None)
