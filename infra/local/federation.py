"""Cognito's federation step, played locally for the OIDC stand-in (infra/local/stand_in/).

In AWS, when a LinkedIn member signs in through the hosted endpoints, Cognito finds the user
linked to that LinkedIn identity, or else runs the PreSignUp trigger (``PreSignUp_ExternalProvider``)
and opens a ``LinkedIn_<subject>`` user. The emulator has no hosted endpoints and never calls
triggers, so the stand-in asks this hook instead, over loopback HTTP:

    POST /sign-in   {provider, subject, email, email_verified, name, given_name, family_name}
        200 the account the tokens are for; 400 {"error_description"} as Cognito words it
    GET /accounts/<sub>   the account, or 404 when it was deleted or disabled (refresh stops)

It runs the SAME PreSignUp handler (``chalicelib.triggers.pre_sign_up``) with the same services,
so the gate and the linking rules are the ones the Lambda applies. Only two things differ, both
because the emulator lacks them: links are written as Cognito shows them (the user's ``identities``
attribute) instead of through AdminLinkProviderForUser, and a new LinkedIn user is made with
AdminCreateUser (the emulator insists on email usernames, so its username is a uuid, not
``linkedin_<subject>``). Like Cognito, the first sign-in that links answers "Already found an
entry for username ..." and the next one signs in as the linked account; the site retries once.

The hook also runs PreSignUp for password sign-ups the site sends to the emulator
(``check_password_sign_up``, called by the site server), as Cognito does in AWS.
"""

import json
import logging
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

from chalicelib.accounts.ports import Directory
from chalicelib.adapters.cognito import CognitoDirectory
from chalicelib.bootstrap import Services
from chalicelib.errors import MentorMatchError
from chalicelib.triggers import pre_sign_up

logger = logging.getLogger(__name__)


def _attributes(raw: list[dict[str, str]]) -> dict[str, str]:
    return {a["Name"]: a["Value"] for a in raw}


def identities_of(attributes: dict[str, str]) -> list[dict[str, Any]]:
    try:
        found = json.loads(attributes.get("identities") or "[]")
    except ValueError:
        return []
    return [i for i in found if isinstance(i, dict)] if isinstance(found, list) else []


def identity(provider: str, subject: str, primary: bool) -> dict[str, Any]:
    """One entry of Cognito's ``identities`` attribute."""
    return {"userId": subject, "providerName": provider, "providerType": "OIDC", "issuer": None,
            "primary": "true" if primary else "false",
            "dateCreated": str(int(datetime.now(UTC).timestamp() * 1000))}


class EmulatorLinker:
    """``federation.ports.IdentityLinker`` on the emulator: the link as Cognito records it."""

    def __init__(self, cognito: Any, pool_id: str):
        self._cognito, self._pool = cognito, pool_id

    def link(self, username: str, provider: str, subject: str) -> None:
        user = self._cognito.admin_get_user(UserPoolId=self._pool, Username=username)
        entries = [i for i in identities_of(_attributes(user["UserAttributes"]))
                   if (i.get("providerName"), i.get("userId")) != (provider, subject)]
        value = json.dumps([*entries, identity(provider, subject, primary=False)])
        self._cognito.admin_update_user_attributes(UserPoolId=self._pool, Username=username,
                                                   UserAttributes=[{"Name": "identities", "Value": value}])


class EmulatorUserPools:
    """``federation.ports.UserPools`` on the emulator (the directory is the real adapter)."""

    def __init__(self, cognito: Any):
        self._cognito = cognito

    def directory(self, pool_id: str) -> Directory:
        return CognitoDirectory(self._cognito, pool_id)

    def linker(self, pool_id: str) -> EmulatorLinker:
        return EmulatorLinker(self._cognito, pool_id)


class FederationError(Exception):
    """Cognito's own words for a federated sign-in it would not finish."""


@dataclass
class LocalFederation:
    services: Services
    cognito: Any
    pool_id: str

    def __post_init__(self) -> None:
        self._lock = threading.Lock()  # one federated sign-in at a time, as the emulator's pool is shared

    def sign_in(self, member: dict[str, Any]) -> dict[str, Any]:
        provider, subject = str(member["provider"]), str(member["subject"])
        with self._lock:
            linked = self._user_with_identity(provider, subject)
            if linked is not None and not linked.get("Enabled", True):
                raise FederationError("User is disabled.")  # Cognito's words for a suspended account
            if linked is not None:
                return self.account(linked)
            self._run_pre_sign_up(provider, subject, member)
            if self._user_with_identity(provider, subject, primary=False) is not None:
                raise FederationError(f"Already found an entry for username {provider}_{subject}")
            return self.account(self._open_account(provider, subject, member))

    def account(self, user: dict[str, Any]) -> dict[str, Any]:
        attributes = _attributes(user.get("Attributes") or user.get("UserAttributes") or [])
        groups = self.cognito.admin_list_groups_for_user(UserPoolId=self.pool_id, Username=user["Username"])
        return {"sub": attributes["sub"], "username": user["Username"], "email": attributes.get("email", ""),
                "email_verified": attributes.get("email_verified", "true") == "true",
                "name": attributes.get("name", ""), "given_name": attributes.get("given_name", ""),
                "family_name": attributes.get("family_name", ""), "picture": attributes.get("picture", ""),
                "groups": sorted(g["GroupName"] for g in groups["Groups"]),
                "identities": identities_of(attributes)}

    def account_by_sub(self, sub: str) -> dict[str, Any] | None:
        users = self.cognito.list_users(UserPoolId=self.pool_id, Filter=f'sub = "{sub.replace(chr(34), "")}"',
                                        Limit=1)["Users"]
        return self.account(users[0]) if users and users[0].get("Enabled", True) else None

    def check_password_sign_up(self, request: dict[str, Any]) -> str | None:
        """PreSignUp for a password sign-up sent to the emulator: None, or Cognito's refusal message."""
        attributes = {a.get("Name"): a.get("Value") for a in request.get("UserAttributes") or []}
        event = {"triggerSource": "PreSignUp_SignUp", "userPoolId": self.pool_id,
                 "userName": str(request.get("Username", "")),
                 "request": {"userAttributes": {"email": attributes.get("email") or request.get("Username", "")},
                             "clientMetadata": request.get("ClientMetadata"),
                             "validationData": {a.get("Name"): a.get("Value")
                                                for a in request.get("ValidationData") or []}},
                 "response": {}}
        try:
            pre_sign_up(event, self.services.sign_up(self.pool_id), datetime.now(UTC))
        except MentorMatchError as error:
            return f"PreSignUp failed with error {error.message}."
        return None

    def _run_pre_sign_up(self, provider: str, subject: str, member: dict[str, Any]) -> None:
        attributes = {name: str(member.get(name, "")) for name in ("email", "name", "given_name", "family_name")}
        attributes["email_verified"] = "true" if member.get("email_verified") is True else "false"
        event = {"triggerSource": "PreSignUp_ExternalProvider", "userPoolId": self.pool_id,
                 "userName": f"{provider}_{subject}", "request": {"userAttributes": attributes,
                                                                  "validationData": None, "clientMetadata": None},
                 "response": {}}
        try:
            pre_sign_up(event, self.services.sign_up(self.pool_id), datetime.now(UTC))
        except MentorMatchError as error:
            raise FederationError(f"PreSignUp failed with error {error.message}.") from None

    def _open_account(self, provider: str, subject: str, member: dict[str, Any]) -> dict[str, Any]:
        names = {name: str(member[name]) for name in ("name", "given_name", "family_name") if member.get(name)}
        attributes = {"email": str(member["email"]), "email_verified": "true", **names,
                      "identities": json.dumps([identity(provider, subject, primary=True)])}
        created = self.cognito.admin_create_user(
            UserPoolId=self.pool_id, Username=str(member["email"]), MessageAction="SUPPRESS",
            UserAttributes=[{"Name": k, "Value": v} for k, v in attributes.items()])["User"]
        # No password anyone knows: like Cognito's LinkedIn users, it cannot sign in with one.
        self.cognito.admin_set_user_password(UserPoolId=self.pool_id, Username=created["Username"],
                                             Password=f"Aa1-{secrets.token_urlsafe(24)}", Permanent=True)
        return dict(created)

    def _user_with_identity(self, provider: str, subject: str, primary: bool | None = None) -> dict[str, Any] | None:
        """The user whose ``identities`` name this provider identity (a local scan: the emulator holds few)."""
        for page in self.cognito.get_paginator("list_users").paginate(UserPoolId=self.pool_id):
            for user in page["Users"]:
                for entry in identities_of(_attributes(user.get("Attributes", []))):
                    same = (entry.get("providerName"), entry.get("userId")) == (provider, subject)
                    if same and (primary is None or (entry.get("primary") == "true") == primary):
                        return dict(user)
        return None


class HookHandler(BaseHTTPRequestHandler):
    federation: LocalFederation

    def log_message(self, format: str, *args: Any) -> None:  # quiet: no personal data in the stack's output
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if not self.path.startswith("/accounts/"):
            return self._reply(404, {})
        account = self.federation.account_by_sub(unquote(self.path[len("/accounts/"):]))
        self._reply(200 if account else 404, account or {})

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        try:
            member = json.loads(self.rfile.read(length) or b"{}")
            self._reply(200, self.federation.sign_in(member))
        except FederationError as error:
            self._reply(400, {"error": "invalid_request", "error_description": str(error)})
        except Exception:
            logger.exception("federated sign-in failed")
            self._reply(500, {"error": "server_error", "error_description": "Sign-in failed"})

    def _reply(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def serve_hook(federation: LocalFederation) -> ThreadingHTTPServer:
    """The hook on a free loopback port (``server.server_address[1]``)."""
    handler = type("LocalFederationHook", (HookHandler,), {"federation": federation})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    return server
