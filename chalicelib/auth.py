"""Bearer-token verification: a Cognito access token in, a Principal out.

cognitojwt checks the RS256 signature (algorithm taken from the key), ``exp`` and the client
id. It does not check the issuer, ``nbf``/``iat``, or that the token is an *access* token,
raises bare KeyErrors on missing claims and caches keys forever. So it is wrapped here: the
header and claims are checked before and after it, and keys are refreshed on an unknown
``kid`` at most once per interval. Every failure is an ``UnauthorisedError``.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import cognitojwt
from cognitojwt import jwt_sync
from cognitojwt.exceptions import CognitoJWTException
from jose import jwt as jose_jwt

from chalicelib.errors import UnauthorisedError
from chalicelib.settings import Settings

logger = logging.getLogger(__name__)

ADMINS_GROUP = "admins"
REQUIRED_CLAIMS = ("sub", "iss", "exp", "iat", "token_use", "client_id")


@dataclass(frozen=True)
class Principal:
    user_id: str
    username: str
    groups: frozenset[str]
    expires_at: int
    issued_at: int = 0

    @property
    def is_admin(self) -> bool:
        return ADMINS_GROUP in self.groups


class TokenVerifier:
    def __init__(self, settings: Settings, clock: Callable[[], float] = time.time):
        self._settings = settings
        self._clock = clock
        self._lock = threading.Lock()
        self._last_refresh = float("-inf")

    def verify(self, token: str) -> Principal:
        try:
            return self._verify(token)
        except UnauthorisedError:
            raise
        except Exception as error:  # any library failure on a hostile token is a 401, never a 500
            logger.info("token rejected: %s", type(error).__name__)
            raise UnauthorisedError("The access token is not valid.") from error

    def _verify(self, token: str) -> Principal:
        header = jose_jwt.get_unverified_header(token)
        if header.get("alg") != "RS256" or not header.get("kid"):
            raise UnauthorisedError("The access token must be signed with RS256 and name its key.")
        claims = self._decode_with_key_refresh(token)
        self._check_claims(claims)
        return Principal(
            user_id=claims["sub"],
            username=str(claims.get("username", claims["sub"])),
            groups=frozenset(claims.get("cognito:groups") or ()),
            expires_at=int(claims["exp"]),
            issued_at=int(claims["iat"]),
        )

    def _decode_with_key_refresh(self, token: str) -> dict[str, Any]:
        settings = self._settings
        decode: Callable[[], dict[str, Any]] = partial(  # the claims, as JSON (cognitojwt is untyped)
            cognitojwt.decode, token, settings.region, settings.user_pool_id,
            app_client_id=settings.user_pool_client_id,
        )
        try:
            return decode()
        except CognitoJWTException as error:
            if "Public key not found" not in str(error) or not self._may_refresh_keys():
                raise
        return decode()

    def _may_refresh_keys(self) -> bool:
        """Drop cognitojwt's cached key set, at most once per refresh interval (keys rotate)."""
        with self._lock:
            now = self._clock()
            if now - self._last_refresh < self._settings.jwks_refresh_seconds:
                return False
            self._last_refresh = now
            jwt_sync.get_keys.cache_clear()
            return True

    def _check_claims(self, claims: dict[str, Any]) -> None:
        missing = [name for name in REQUIRED_CLAIMS if name not in claims]
        if missing:
            raise UnauthorisedError("The access token lacks required claims.")
        if claims["token_use"] != "access":
            raise UnauthorisedError("An access token is required, not an ID token.")
        if claims["iss"] not in (self._settings.token_issuers or (self._settings.token_issuer,)):
            raise UnauthorisedError("The access token was issued by someone else.")
        if claims["client_id"] != self._settings.user_pool_client_id:
            raise UnauthorisedError("The access token was issued for another client.")
        self._check_times(claims)

    def _check_times(self, claims: dict[str, Any]) -> None:
        now, skew = self._clock(), self._settings.clock_skew_seconds
        if not all(isinstance(claims.get(name, 0), int | float) for name in ("exp", "iat", "nbf")):
            raise UnauthorisedError("The access token's times are malformed.")
        if claims["exp"] <= now - skew:
            raise UnauthorisedError("The access token has expired.")
        if claims["iat"] > now + skew or claims.get("nbf", 0) > now + skew:
            raise UnauthorisedError("The access token is not valid yet.")


def bearer_token(authorization_header: str | None) -> str:
    """The token from an ``Authorization: Bearer <token>`` header."""
    scheme, _, token = (authorization_header or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise UnauthorisedError("Send an access token as 'Authorization: Bearer <token>'.")
    return token.strip()
