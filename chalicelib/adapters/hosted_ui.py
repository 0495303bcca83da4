"""Cognito's OAuth2 token endpoint (or the local stand-in's): the code exchange, refresh, revocation.

The site's app client is public (no secret) and uses PKCE, so the API proves nothing but the
code and its verifier; the endpoints are Cognito's paths under the user pool domain
(``HOSTED_UI_URL``): ``/oauth2/token`` and ``/oauth2/revoke``.
"""

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

from chalicelib.errors import SessionEndedError, SignInFailedError
from chalicelib.sessions.domain import Tokens

logger = logging.getLogger(__name__)
Post = Callable[[str, dict[str, str]], tuple[int, dict[str, Any]]]  # (url, form) -> (status, JSON reply)
CODE_REFUSED = "Signing in with LinkedIn did not finish: the sign-in expired or was already used. Try again."
TIMEOUT_SECONDS = 10


def post_form(url: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as reply:  # noqa: S310 - our own https setting
            return reply.status, _json(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, _json(error.read())


def _json(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


class HostedUiTokens:
    def __init__(self, base_url: str, client_id: str, post: Post = post_form):
        self._base, self._client_id, self._post = base_url.rstrip("/"), client_id, post

    def exchange_code(self, code: str, code_verifier: str, redirect_uri: str) -> Tokens:
        status, reply = self._post(f"{self._base}/oauth2/token", {
            "grant_type": "authorization_code", "client_id": self._client_id, "code": code,
            "code_verifier": code_verifier, "redirect_uri": redirect_uri})
        if status == 200 and reply.get("access_token"):
            return self._tokens(reply)
        if 400 <= status < 500:
            logger.info("code exchange refused: %s", reply.get("error", status))
            raise SignInFailedError(CODE_REFUSED)
        raise RuntimeError(f"token endpoint answered {status}")

    def refresh(self, refresh_token: str) -> Tokens:
        status, reply = self._post(f"{self._base}/oauth2/token", {
            "grant_type": "refresh_token", "client_id": self._client_id, "refresh_token": refresh_token})
        if status == 200 and reply.get("access_token"):
            return self._tokens(reply)
        if 400 <= status < 500:
            raise SessionEndedError("Your session has ended. Sign in again.")
        raise RuntimeError(f"token endpoint answered {status}")

    def revoke(self, refresh_token: str) -> None:
        status, reply = self._post(f"{self._base}/oauth2/revoke", {"token": refresh_token,
                                                                   "client_id": self._client_id})
        if status != 200:
            logger.warning("refresh token not revoked: %s", reply.get("error", status))

    @staticmethod
    def _tokens(reply: dict[str, Any]) -> Tokens:
        return Tokens(access_token=str(reply["access_token"]), id_token=str(reply.get("id_token", "")),
                      expires_in=int(reply.get("expires_in", 3600)), refresh_token=str(reply.get("refresh_token", "")))
