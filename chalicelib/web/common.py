"""What every route group shares: the token authorizer, the principal, bodies and error replies."""

import functools
import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, ParamSpec, TypeVar

from chalice import AuthResponse, Blueprint, Response
from chalice.app import AuthRequest

from chalicelib.accounts.domain import check_may_act
from chalicelib.auth import Principal, bearer_token
from chalicelib.bootstrap import services
from chalicelib.errors import ForbiddenError, MentorMatchError, UnauthorisedError
from chalicelib.web.http_io import JSON_HEADERS, error_reply, internal_error_body, read_json_body

logger = logging.getLogger("mentor-match")
auth = Blueprint(__name__)
ViewArgs = ParamSpec("ViewArgs")
Reply = TypeVar("Reply")


@auth.authorizer(ttl_seconds=60)
def bearer(auth_request: AuthRequest) -> AuthResponse:
    """Verify the access token for real (locally too).

    A failed check still *allows* the call, marked unauthenticated: API Gateway would turn a
    deny into 403 and chalice local an exception into 500, while every failure must be our
    401 JSON error. ``principal()`` refuses such calls before any route code runs.
    """
    try:
        who = services().tokens.verify(bearer_token(auth_request.token))
    except UnauthorisedError as error:
        return AuthResponse(routes=["*"], principal_id="anonymous", context={"reason": error.message})
    context = {"username": who.username, "groups": ",".join(sorted(who.groups)), "exp": who.expires_at}
    # API Gateway takes numbers in an authorizer's context too; chalice types it as dict[str, str].
    return AuthResponse(routes=["*"], principal_id=who.user_id, context=context)  # type: ignore[arg-type]


def principal(blueprint: Blueprint) -> Principal:
    """The signed-in person making this request, or a 401."""
    context = (blueprint.current_request.context or {}).get("authorizer") or {}
    user_id = context.get("principalId", "anonymous")
    if user_id == "anonymous" or "exp" not in context:
        raise UnauthorisedError(context.get("reason") or "Sign in to use this service.")
    expires_at = int(context["exp"])
    if expires_at <= datetime.now(UTC).timestamp():  # an authorizer result may be cached past expiry
        raise UnauthorisedError("The access token has expired.")
    check_may_act(services().adapters.accounts.get(user_id))  # suspended or deleted since the token was issued
    groups = frozenset(filter(None, str(context.get("groups", "")).split(",")))
    return Principal(user_id=user_id, username=context.get("username", ""), groups=groups, expires_at=expires_at)


def admin(blueprint: Blueprint) -> Principal:
    """The signed-in administrator making this request, or a 401/403."""
    who = principal(blueprint)
    if not who.is_admin:
        raise ForbiddenError("Only administrators can do this.")
    if services().settings.admin_mfa_required:
        services().admin_mfa.require(who.username)
    return who


def json_body(blueprint: Blueprint) -> object:
    request = blueprint.current_request
    # chalice's raw_body is always bytes (it encodes a str body) though typed str | bytes.
    return read_json_body(request.headers, request.raw_body,  # type: ignore[arg-type]
                          services().settings.max_body_bytes)


def query(blueprint: Blueprint, name: str, default: str = "") -> str:
    params: Mapping[str, str] = blueprint.current_request.query_params or {}
    return params.get(name, default)


def api_route(blueprint: Blueprint, path: str, **options: Any
              ) -> Callable[[Callable[ViewArgs, Reply]], Callable[ViewArgs, Reply | Response]]:
    """``route`` whose domain errors become our JSON error replies (one mapping table).

    Chalice turns exceptions from views into its own 500 before any middleware sees them,
    so the translation wraps each view.
    """
    options.setdefault("content_types", ["application/json", "text/plain"])

    def register(view: Callable[ViewArgs, Reply]) -> Callable[ViewArgs, Reply | Response]:
        @functools.wraps(view)
        def handled(*args: ViewArgs.args, **kwargs: ViewArgs.kwargs) -> Reply | Response:
            try:
                return view(*args, **kwargs)
            except MentorMatchError as error:
                status, body = error_reply(error)
                return Response(body=body, status_code=status, headers=JSON_HEADERS)
            except Exception:
                logger.exception("unhandled error in %s", view.__name__)
                return Response(body=internal_error_body(), status_code=500, headers=JSON_HEADERS)

        registered: Callable[ViewArgs, Reply | Response] = blueprint.route(path, **options)(handled)
        return registered

    return register


def now() -> datetime:
    return datetime.now(UTC)


def created(body: dict[str, object]) -> Response:
    return Response(body=body, status_code=201, headers=JSON_HEADERS)


def no_content() -> Response:
    return Response(body="", status_code=204)
