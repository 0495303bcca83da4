"""Mentor Match API: Chalice wiring only. Routes parse, authorise, call a service, shape the reply."""

import functools
import logging
from datetime import UTC, datetime

from chalice import AuthResponse, Chalice, Response

from chalicelib import dependencies as deps
from chalicelib.auth import Principal, bearer_token
from chalicelib.errors import MentorMatchError, NotFoundError, UnauthorisedError
from chalicelib.http_io import JSON_HEADERS, error_reply, internal_error_body, read_json_body
from chalicelib.profiles import service as profiles
from chalicelib.settings import get_settings
from chalicelib.vocabulary import VOCABULARIES, suggest

app = Chalice(app_name="mentor-match")
app.log.setLevel(logging.INFO)
logger = logging.getLogger("mentor-match")


@app.authorizer(ttl_seconds=60)
def bearer(auth_request):
    """Verify the access token for real (locally too).

    A failed check still *allows* the call, marked unauthenticated: API Gateway would turn a
    deny into 403 and chalice local an exception into 500, while every failure must be our
    401 JSON error. ``principal()`` below refuses such calls before any route code runs.
    """
    try:
        who = deps.token_verifier().verify(bearer_token(auth_request.token))
    except UnauthorisedError as error:
        return AuthResponse(routes=["*"], principal_id="anonymous", context={"reason": error.message})
    context = {"username": who.username, "groups": ",".join(sorted(who.groups)), "exp": who.expires_at}
    return AuthResponse(routes=["*"], principal_id=who.user_id, context=context)


def principal() -> Principal:
    context = (app.current_request.context or {}).get("authorizer") or {}
    user_id = context.get("principalId", "anonymous")
    if user_id == "anonymous" or "exp" not in context:
        raise UnauthorisedError(context.get("reason") or "Sign in to use this service.")
    expires_at = int(context["exp"])
    if expires_at <= datetime.now(UTC).timestamp():  # an authorizer result may be cached past expiry
        raise UnauthorisedError("The access token has expired.")
    groups = frozenset(filter(None, str(context.get("groups", "")).split(",")))
    return Principal(user_id=user_id, username=context.get("username", ""), groups=groups, expires_at=expires_at)


def json_body() -> object:
    request = app.current_request
    return read_json_body(request.headers, request.raw_body, get_settings().max_body_bytes)


def api_route(path: str, **options):
    """``app.route`` whose domain errors become our JSON error replies (one mapping table)."""

    def register(view):
        @functools.wraps(view)
        def handled(*args, **kwargs):
            try:
                return view(*args, **kwargs)
            except MentorMatchError as error:
                status, body = error_reply(error)
                return Response(body=body, status_code=status, headers=JSON_HEADERS)
            except Exception:
                logger.exception("unhandled error in %s", view.__name__)
                return Response(body=internal_error_body(), status_code=500, headers=JSON_HEADERS)

        return app.route(path, **options)(handled)

    return register


@api_route("/health")
def health():
    return {"status": "ok"}


@api_route("/me/profile", methods=["GET"], authorizer=bearer)
def get_my_profile():
    return profiles.get_my_profile(principal().user_id, deps.profile_repository()).owner_view()


@api_route("/me/profile", methods=["PUT"], authorizer=bearer, content_types=["application/json", "text/plain"])
def put_my_profile():
    user_id = principal().user_id
    saved = profiles.save_my_profile(
        user_id, json_body(), deps.profile_repository(), deps.organisation_repository(), datetime.now(UTC)
    )
    return saved.owner_view()


@api_route("/profiles/{user_id}", methods=["GET"], authorizer=bearer)
def get_profile(user_id):
    principal()
    return profiles.get_profile(user_id, deps.profile_repository())


@api_route("/organisations", methods=["GET"])
def list_organisations():
    return {"organisations": [org.public_view() for org in deps.organisation_repository().list_active()]}


@api_route("/vocabulary/{kind}", methods=["GET"])
def get_vocabulary(kind):
    if kind not in VOCABULARIES:
        raise NotFoundError(f"There is no vocabulary called '{kind}'. Try one of: {', '.join(VOCABULARIES)}.")
    prefix = (app.current_request.query_params or {}).get("prefix", "")[:60]
    return {"kind": kind, "items": suggest(kind, prefix)}
