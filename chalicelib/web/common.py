"""What every route group shares: the token authorizer, the principal, bodies and error replies."""

import functools
import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, ParamSpec

from chalice import AuthResponse, Blueprint, Response
from chalice.app import AuthRequest
from pydantic import BaseModel

from chalicelib.accounts.domain import check_may_act
from chalicelib.adapters.faults import storage_unavailable
from chalicelib.auth import Principal, bearer_token
from chalicelib.bootstrap import services
from chalicelib.errors import ForbiddenError, MalformedRequestError, MentorMatchError, UnauthorisedError
from chalicelib.validation import Schema, parse_body
from chalicelib.web.contract import Operation, check_parameters, register
from chalicelib.web.http_io import JSON_HEADERS, error_reply, internal_error_body, read_json_body

logger = logging.getLogger("mentor-match")
auth = Blueprint(__name__)
ViewArgs = ParamSpec("ViewArgs")
NO_STORE = {"Cache-Control": "no-store"}


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
    context = {"username": who.username, "groups": ",".join(sorted(who.groups)), "exp": who.expires_at,
               "iat": who.issued_at}
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
    issued_at = int(context.get("iat", 0))
    # suspended or deleted since the token was issued, or signed out everywhere after it was
    check_may_act(services().adapters.accounts.get(user_id), issued_at)
    groups = frozenset(filter(None, str(context.get("groups", "")).split(",")))
    return Principal(user_id=user_id, username=context.get("username", ""), groups=groups, expires_at=expires_at,
                     issued_at=issued_at)


def admin(blueprint: Blueprint) -> Principal:
    """The signed-in administrator making this request, or a 401/403.

    The token's ``cognito:groups`` claim AND current membership of the group in the user pool
    (cached briefly): removal from ``admins`` takes effect within a minute, not at token expiry.
    """
    who = principal(blueprint)
    if not who.is_admin or not services().admins.is_admin(who.username or who.user_id):
        raise ForbiddenError("Only administrators can do this.")
    if services().settings.admin_mfa_required:
        services().admin_mfa.require(who.username)
    return who


def json_body(blueprint: Blueprint) -> object:
    request = blueprint.current_request
    try:
        raw = request.raw_body  # chalice encodes a str body, which fails on text that is not Unicode
    except UnicodeEncodeError:
        raise MalformedRequestError("The request body is not valid JSON.") from None
    # chalice's raw_body is always bytes though typed str | bytes.
    return read_json_body(request.headers, raw, services().settings.max_body_bytes)  # type: ignore[arg-type]


def optional_json_body(blueprint: Blueprint) -> object:
    """The JSON body, or None when the request has none (moves take an optional body)."""
    try:
        empty = not blueprint.current_request.raw_body
    except UnicodeEncodeError:
        empty = False  # json_body refuses it
    return None if empty else json_body(blueprint)


def query(blueprint: Blueprint, name: str, default: str = "") -> str:
    params: Mapping[str, str] = blueprint.current_request.query_params or {}
    return params.get(name, default)


def query_as(blueprint: Blueprint, schema: type[Schema]) -> Schema:
    """The query string as the route's declared schema (already checked before the view ran)."""
    return parse_body(schema, dict(blueprint.current_request.query_params or {}), "query")


def api_route(blueprint: Blueprint, path: str, *, methods: tuple[str, ...] = ("GET",), authorizer: Any = None,
              summary: str = "", body: type[BaseModel] | None = None, body_optional: bool = False,
              query: type[BaseModel] | None = None, path_parameters: type[BaseModel] | None = None,
              cookies: type[BaseModel] | None = None, sets_cookies: bool = False,
              reply: type[BaseModel] | None = None, status: int = 200, errors: tuple[int, ...] = (),
              admin: bool = False, personal: bool | None = None, uses_storage: bool = True,
              links: Mapping[str, tuple[str, str, str]] | None = None,
              ) -> Callable[[Callable[ViewArgs, object]], Callable[ViewArgs, Response]]:
    """Declare a route and its contract (see web/contract.py); the view's domain errors become our
    JSON error replies (one mapping table), storage that stays busy 503, anything else 500.

    Chalice turns exceptions from views into its own 500 before any middleware sees them,
    so the translation wraps each view.
    """

    def register_view(view: Callable[ViewArgs, object]) -> Callable[ViewArgs, Response]:
        operations = [register(Operation(
            path=path, method=method, name=view.__name__, summary=summary or (view.__doc__ or view.__name__),
            public=authorizer is None, body=body, body_optional=body_optional, query=query,
            path_parameters=path_parameters, cookies=cookies, sets_cookies=sets_cookies, reply=reply,
            status=status, errors=errors, admin=admin,
            personal=authorizer is not None if personal is None else personal, links=links,
            uses_storage=uses_storage,
        )) for method in methods]
        by_method = {operation.method: operation for operation in operations}

        @functools.wraps(view)
        def handled(*args: ViewArgs.args, **kwargs: ViewArgs.kwargs) -> Response:
            operation = by_method[blueprint.current_request.method]
            try:
                check_parameters(operation, {k: str(v) for k, v in kwargs.items()},
                                 blueprint.current_request.query_params)
                return finish(view(*args, **kwargs), operation)
            except MentorMatchError as error:
                return error_response(error)
            except Exception as error:
                unavailable = storage_unavailable(error)
                if unavailable is not None:
                    logger.warning("storage busy in %s: %s", view.__name__, type(error).__name__)
                    return error_response(unavailable)
                logger.exception("unhandled error in %s", view.__name__)
                return Response(body=internal_error_body(), status_code=500, headers={**JSON_HEADERS, **NO_STORE})

        registered: Callable[ViewArgs, Response] = blueprint.route(
            path, methods=list(methods), authorizer=authorizer, content_types=["*/*"])(handled)
        return registered

    return register_view


def finish(result: object, operation: Operation) -> Response:
    """The view's reply as a Response: the declared status, and no-store on personal replies."""
    cache = NO_STORE if operation.personal else {"Cache-Control": "public, max-age=60"}
    if isinstance(result, Response):
        result.headers = {**cache, **(result.headers or {})}
        return result
    return Response(body=result, status_code=operation.status, headers={**JSON_HEADERS, **cache})


def error_response(error: MentorMatchError) -> Response:
    status, body, headers = error_reply(error)
    return Response(body=body, status_code=status, headers={**JSON_HEADERS, **NO_STORE, **headers})


def now() -> datetime:
    return datetime.now(UTC)


def created(body: dict[str, object]) -> Response:
    return Response(body=body, status_code=201, headers=JSON_HEADERS)


def no_content() -> Response:
    return Response(body="", status_code=204)
