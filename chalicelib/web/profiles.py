"""Routes: my profile, other people's profiles, organisations and vocabularies."""

from functools import partial

from chalice import Blueprint

from chalicelib import dependencies as deps
from chalicelib.errors import NotFoundError
from chalicelib.matches.service import refresh_after_save
from chalicelib.mentorships.views import contact_email
from chalicelib.metrics import emit
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
    who = principal(api)
    user_id = who.user_id
    saved = profiles.save_my_profile(
        user_id, json_body(api), deps.profile_repository(), deps.organisation_repository(), now(),
        admit=deps.person_gate(who).check_placement,  # the sign-up gate, on first creation
    )
    if saved.version == 1:
        emit({"Profiles": 1})
    refresh_after_save(saved, deps.match_stores(), now())  # instant: my fresh lists are ready on return
    return saved.owner_view()


@api_route(api, "/profiles/{user_id}", methods=["GET"], authorizer=bearer)
def get_profile(user_id):
    viewer = principal(api).user_id
    contact = partial(contact_email, viewer, user_id, deps.journey_stores())
    return profiles.get_profile(user_id, deps.profile_repository(), contact)


@api_route(api, "/organisations", methods=["GET"])
def list_organisations():
    return {"organisations": [org.public_view() for org in deps.organisation_repository().list_active()]}


@api_route(api, "/vocabulary/{kind}", methods=["GET"])
def get_vocabulary(kind):
    if kind not in VOCABULARIES:
        raise NotFoundError(f"There is no vocabulary called '{kind}'. Try one of: {', '.join(VOCABULARIES)}.")
    return {"kind": kind, "items": suggest(kind, query(api, "prefix")[:60])}
