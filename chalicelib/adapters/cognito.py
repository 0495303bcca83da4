"""The Cognito user pool as ``accounts.ports.Directory``: emails, enabling, groups, deleting.

Cognito access tokens carry no email, so the API reads it here, and only here: to send a
notification, to show an accepted mentorship's other person, to apply the sign-up gate.
Password users' usernames are their ``sub`` (the pool uses email as an alias), so a lookup by
user id tries the id as a username first; other users (LinkedIn) are found by a ``sub`` filter.
"""

import json
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from chalicelib.accounts.domain import DirectoryUnavailableError, DirectoryUser
from chalicelib.adapters.hosted_ui import HostedUiTokens
from chalicelib.errors import (
    AccountSuspendedError,
    CodeMismatchError,
    MentorMatchError,
    NotConfirmedError,
    NotFoundError,
    PasswordResetRequiredError,
    SessionEndedError,
    SignInFailedError,
    TooManyRequestsError,
)
from chalicelib.sessions.domain import CHALLENGES, TOTP, TOTP_SETUP, Challenge, Flow, Tokens

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp import CognitoIdentityProviderClient
    from mypy_boto3_cognito_idp.type_defs import (
        AttributeTypeTypeDef,
        InitiateAuthResponseTypeDef,
        RespondToAuthChallengeResponseTypeDef,
    )

logger = logging.getLogger(__name__)


def _attributes(raw: Sequence["AttributeTypeTypeDef"]) -> dict[str, str]:
    return {a["Name"]: a["Value"] for a in raw}


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def federated_only(status: str, attributes: dict[str, str]) -> bool:
    """Opened through an identity provider: Cognito's EXTERNAL_PROVIDER status, or a primary
    identity in ``identities`` (a linked password account lists its identities as not primary)."""
    if status == "EXTERNAL_PROVIDER":
        return True
    try:
        identities = json.loads(attributes.get("identities") or "[]")
    except ValueError:
        return False
    return isinstance(identities, list) and any(
        isinstance(i, dict) and str(i.get("primary", "")).lower() == "true" for i in identities)


def directory_user(username: str, attributes: dict[str, str], enabled: bool, status: str) -> DirectoryUser:
    return DirectoryUser(username=username, user_id=attributes.get("sub", ""), email=attributes.get("email", ""),
                         enabled=enabled, confirmed=status not in ("UNCONFIRMED", "RESET_REQUIRED"),
                         email_verified=attributes.get("email_verified", "true").lower() == "true",
                         federated_only=federated_only(status, attributes))


def quoted(value: str) -> str:
    """A value safe inside a ListUsers filter's double quotes."""
    return value.replace("\\", "").replace('"', "")


class CognitoDirectory:
    def __init__(self, client: "CognitoIdentityProviderClient", user_pool_id: str):
        self._client = client
        self._pool = user_pool_id

    def email_of(self, user_id: str) -> str | None:
        person = self.find(user_id)
        return person.email if person else None

    def find(self, user_id: str) -> DirectoryUser | None:
        return self._by_username(user_id) or self._first(f'sub = "{quoted(user_id)}"')

    def find_by_email(self, email: str) -> DirectoryUser | None:
        return self._first(f'email = "{quoted(email)}"')

    def find_by_email_start(self, start: str, limit: int) -> list[DirectoryUser]:
        users = self._client.list_users(UserPoolId=self._pool, Filter=f'email ^= "{quoted(start)}"',
                                        Limit=limit)["Users"]
        return [directory_user(user["Username"], _attributes(user.get("Attributes", [])),
                               bool(user.get("Enabled", True)), str(user.get("UserStatus", ""))) for user in users]

    def set_enabled(self, username: str, enabled: bool) -> None:
        if enabled:
            self._client.admin_enable_user(UserPoolId=self._pool, Username=username)
            return
        self._client.admin_disable_user(UserPoolId=self._pool, Username=username)
        # Refresh tokens stop working too; access tokens already issued are refused by account standing.
        self._client.admin_user_global_sign_out(UserPoolId=self._pool, Username=username)

    def set_group(self, username: str, group: str, member: bool) -> None:
        call = self._client.admin_add_user_to_group if member else self._client.admin_remove_user_from_group
        call(UserPoolId=self._pool, Username=username, GroupName=group)

    def has_totp(self, username: str) -> bool:
        try:
            reply = self._client.admin_get_user(UserPoolId=self._pool, Username=username)
        except ClientError as error:
            if _error_code(error) == "UserNotFoundException":
                return False
            raise
        return "SOFTWARE_TOKEN_MFA" in (reply.get("UserMFASettingList") or [])

    def groups_of(self, username: str) -> frozenset[str]:
        try:
            reply = self._client.admin_list_groups_for_user(UserPoolId=self._pool, Username=username, Limit=60)
        except ClientError as error:
            if _error_code(error) == "UserNotFoundException":
                return frozenset()
            raise
        return frozenset(group["GroupName"] for group in reply.get("Groups", []) if "GroupName" in group)

    def delete_user(self, username: str) -> None:
        try:
            self._client.admin_delete_user(UserPoolId=self._pool, Username=username)
        except ClientError as error:
            if _error_code(error) != "UserNotFoundException":
                raise
            logger.info("cognito user was already deleted")  # the username may be an email address

    def _by_username(self, username: str) -> DirectoryUser | None:
        try:
            reply = self._client.admin_get_user(UserPoolId=self._pool, Username=username)
        except ClientError as error:
            return self._absent(error)
        return directory_user(reply["Username"], _attributes(reply.get("UserAttributes", [])),
                              bool(reply.get("Enabled", True)), str(reply.get("UserStatus", "")))

    def _first(self, filter_expression: str) -> DirectoryUser | None:
        try:
            users = self._client.list_users(UserPoolId=self._pool, Filter=filter_expression, Limit=1)["Users"]
        except ClientError as error:
            return self._absent(error)
        if not users:
            return None
        user = users[0]
        return directory_user(user["Username"], _attributes(user.get("Attributes", [])),
                              bool(user.get("Enabled", True)), str(user.get("UserStatus", "")))

    def _absent(self, error: ClientError) -> DirectoryUser | None:
        """No such user is an answer; no such pool, or anything else, is not."""
        if _error_code(error) == "UserNotFoundException":
            return None
        if _error_code(error) == "ResourceNotFoundException":
            raise DirectoryUnavailableError(self._pool) from None
        raise error


WRONG_DETAILS = "The email address or password is not correct."
TOO_MANY = "You have tried too many times. Wait a few minutes and try again."
SIGN_IN_REFUSALS: dict[str, tuple[type[MentorMatchError], str]] = {
    "NotAuthorizedException": (SignInFailedError, WRONG_DETAILS),
    "UserNotFoundException": (SignInFailedError, WRONG_DETAILS),
    "UserNotConfirmedException": (
        NotConfirmedError, "You need to confirm your email address before you can sign in. Enter the code we sent you."),
    "PasswordResetRequiredException": (PasswordResetRequiredError, "You need to reset your password before you can sign in."),
    "TooManyRequestsException": (TooManyRequestsError, TOO_MANY),
    "TooManyFailedAttemptsException": (TooManyRequestsError, TOO_MANY),
    "CodeMismatchException": (CodeMismatchError, "The code is not correct. Enter the 6 digits your app shows now."),
    "EnableSoftwareTokenMFAException": (CodeMismatchError, "The code is not correct. Enter the 6 digits your app shows now."),
    "ExpiredCodeException": (SessionEndedError, "That took too long. Sign in again."),
    "LimitExceededException": (TooManyRequestsError, TOO_MANY),
}


def sign_in_refusal(error: ClientError) -> MentorMatchError | None:
    """Our error for Cognito's refusal of a sign-in, or None when it is not a refusal (a fault)."""
    code, message = _error_code(error), str(error.response.get("Error", {}).get("Message", ""))
    # Cognito answers these two with the same NotAuthorizedException as a wrong password; only the
    # message tells them apart, and both deserve their own plain answer.
    if code == "NotAuthorizedException" and "disabled" in message.lower():
        return AccountSuspendedError("Your account has been suspended. Contact the Mentor Match team.")
    if code == "NotAuthorizedException" and "attempts exceeded" in message.lower():
        return TooManyRequestsError(TOO_MANY)
    if code not in SIGN_IN_REFUSALS:
        return None
    kind, text = SIGN_IN_REFUSALS[code]
    return kind(text)


@contextmanager
def refusals(expired_session: bool = False) -> Iterator[None]:
    """Cognito's refusals as our errors (a fault stays a fault). ``expired_session``: a challenge's
    session that ran out (3 minutes) or was used up means signing in again."""
    try:
        yield
    except ClientError as error:
        refusal = sign_in_refusal(error)
        if refusal is None and expired_session and _error_code(error) in ("NotAuthorizedException",
                                                                          "ResourceNotFoundException"):
            refusal = SessionEndedError("That took too long, or the sign-in has already been used. Sign in again.")
        if refusal is None:
            raise
        raise refusal from None


class CognitoSignIn:
    """``sessions.ports.SignInProvider``: the user pool's own API for passwords, and its OAuth2
    token endpoint (``hosted``) for sign-ins through the hosted endpoints (LinkedIn)."""

    def __init__(self, client: "CognitoIdentityProviderClient", client_id: str, user_pool_id: str,
                 hosted: HostedUiTokens | None = None):
        self._client, self._client_id, self._pool = client, client_id, user_pool_id
        self._hosted = hosted

    def exchange_code(self, code: str, code_verifier: str, redirect_uri: str) -> Tokens:
        return self._oauth().exchange_code(code, code_verifier, redirect_uri)

    def _oauth(self) -> HostedUiTokens:
        if self._hosted is None:
            raise NotFoundError("Signing in with LinkedIn is not available here.")
        return self._hosted

    def sign_in(self, email: str, password: str) -> Tokens | Challenge:
        with refusals():
            reply = self._client.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId=self._client_id,
                                               AuthParameters={"USERNAME": email, "PASSWORD": password})
        return self._outcome(reply)

    def answer_totp(self, email: str, session: str, code: str) -> Tokens | Challenge:
        with refusals(expired_session=True):
            reply = self._client.respond_to_auth_challenge(
                ClientId=self._client_id, ChallengeName=TOTP, Session=session,
                ChallengeResponses={"USERNAME": email, "SOFTWARE_TOKEN_MFA_CODE": code})
        return self._outcome(reply)

    def start_totp_setup(self, session: str) -> Challenge:
        with refusals(expired_session=True):
            reply = self._client.associate_software_token(Session=session)
        return Challenge(TOTP_SETUP, reply.get("Session", session), secret=reply["SecretCode"])

    def finish_totp_setup(self, email: str, session: str, code: str) -> Tokens | Challenge:
        with refusals(expired_session=True):
            verified = self._client.verify_software_token(Session=session, UserCode=code,
                                                          FriendlyDeviceName="Mentor Match")
            reply = self._client.respond_to_auth_challenge(
                ClientId=self._client_id, ChallengeName=TOTP_SETUP, Session=verified.get("Session", session),
                ChallengeResponses={"USERNAME": email})
        return self._outcome(reply)

    def add_totp(self, access_token: str) -> str:
        with refusals(expired_session=True):
            return self._client.associate_software_token(AccessToken=access_token)["SecretCode"]

    def confirm_totp(self, access_token: str, code: str) -> None:
        with refusals(expired_session=True):
            self._client.verify_software_token(AccessToken=access_token, UserCode=code,
                                               FriendlyDeviceName="Mentor Match")
            self._client.set_user_mfa_preference(
                AccessToken=access_token, SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})

    def refresh(self, flow: Flow, refresh_token: str) -> Tokens:
        if flow == "oauth":
            return self._oauth().refresh(refresh_token)
        try:
            reply = self._client.initiate_auth(AuthFlow="REFRESH_TOKEN_AUTH", ClientId=self._client_id,
                                               AuthParameters={"REFRESH_TOKEN": refresh_token})
        except ClientError as error:
            if _error_code(error) in ("NotAuthorizedException", "UserNotFoundException"):
                raise SessionEndedError("Your session has ended. Sign in again.") from None
            raise
        return self._tokens(reply)

    def revoke(self, flow: Flow, refresh_token: str) -> None:
        if flow == "oauth":
            if self._hosted is not None:
                self._hosted.revoke(refresh_token)
            return
        try:
            self._client.revoke_token(Token=refresh_token, ClientId=self._client_id)
        except Exception as error:  # best effort: signing out never fails for the person (the cookie goes anyway)
            code = _error_code(error) if isinstance(error, ClientError) else type(error).__name__
            logger.warning("refresh token not revoked: %s", code)

    def sign_out_everywhere(self, username: str) -> None:
        try:
            self._client.admin_user_global_sign_out(UserPoolId=self._pool, Username=username)
        except ClientError as error:
            if _error_code(error) != "UserNotFoundException":
                raise

    @classmethod
    def _outcome(cls, reply: "InitiateAuthResponseTypeDef | RespondToAuthChallengeResponseTypeDef") -> Tokens | Challenge:
        name = reply.get("ChallengeName", "")
        if name in CHALLENGES:
            return Challenge(name, reply.get("Session", ""))
        return cls._tokens(reply)

    @staticmethod
    def _tokens(reply: "InitiateAuthResponseTypeDef | RespondToAuthChallengeResponseTypeDef") -> Tokens:
        result = reply.get("AuthenticationResult")
        if not result:  # a challenge (a new password, SMS) this site does not answer
            raise SignInFailedError("This account needs a kind of sign-in that this site does not offer yet. "
                                    "Contact the Mentor Match team.")
        return Tokens(access_token=result["AccessToken"], id_token=result.get("IdToken", ""),
                      expires_in=int(result.get("ExpiresIn", 3600)), refresh_token=result.get("RefreshToken", ""))
