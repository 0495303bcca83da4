"""Routes: my profile, other people's profiles, organisations and vocabularies."""

from chalice import Blueprint

from chalicelib import dependencies as deps
from chalicelib.errors import NotFoundError
from chalicelib.profiles import service as profiles
from chalicelib.vocabulary import VOCABULARIES, suggest
from chalicelib.web.common import api_route, bearer, json_body, now, principal, query

api = Blueprint(__name__)


@api_route(api, "/health")
def health():
    return {"status": "ok"}


@api_route(api, "/me/profile", methods=["GET"], authorizer=bearer)
def get_my_profile():
    return profiles.get_my_profile(principal(api).user_id, deps.profile_repository()).owner_view()


@api_route(api, "/me/profile", methods=["PUT"], authorizer=bearer)
def put_my_profile():
    user_id = principal(api).user_id
    saved = profiles.save_my_profile(
        user_id, json_body(api), deps.profile_repository(), deps.organisation_repository(), now()
    )
    return saved.owner_view()


@api_route(api, "/profiles/{user_id}", methods=["GET"], authorizer=bearer)
def get_profile(user_id):
    principal(api)
    return profiles.get_profile(user_id, deps.profile_repository())


@api_route(api, "/organisations", methods=["GET"])
def list_organisations():
    return {"organisations": [org.public_view() for org in deps.organisation_repository().list_active()]}


@api_route(api, "/vocabulary/{kind}", methods=["GET"])
def get_vocabulary(kind):
    if kind not in VOCABULARIES:
        raise NotFoundError(f"There is no vocabulary called '{kind}'. Try one of: {', '.join(VOCABULARIES)}.")
    return {"kind": kind, "items": suggest(kind, query(api, "prefix")[:60])}
