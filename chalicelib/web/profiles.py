"""Routes: my profile, other people's profiles, and the vocabularies for tags.

GET /vocabulary/{kind}?prefix=   (public) up to 20 entries starting with, or containing as a word, the prefix
GET /vocabulary/{kind}?all=true  (public) {"kind", "items": [every entry], "synonyms": {"variant": "entry"}}
"""

from functools import partial

from chalice import Blueprint

from chalicelib.after_commit import after_commit
from chalicelib.bootstrap import services
from chalicelib.errors import NotFoundError
from chalicelib.match_lists.service import refresh_after_save
from chalicelib.mentorships.views import contact_email
from chalicelib.metrics import emit
from chalicelib.profiles import service as profiles
from chalicelib.profiles.schema import (
    HealthReply,
    ProfileInput,
    ProfileReply,
    PublicProfileReply,
    VocabularyPath,
    VocabularyQuery,
    VocabularyReply,
)
from chalicelib.profiles.vocabulary import VOCABULARIES, suggest, whole_vocabulary
from chalicelib.web.common import api_route, bearer, json_body, now, principal, query_as
from chalicelib.web.contract import OpenApiReply
from chalicelib.web.openapi import openapi_document

api = Blueprint(__name__)


@api_route(api, "/health", reply=HealthReply, personal=False, uses_storage=False, summary="Liveness")
def health() -> dict[str, object]:
    return {"status": "ok"}


@api_route(api, "/me/profile", authorizer=bearer, reply=ProfileReply, errors=(404,), summary="My profile")
def get_my_profile() -> dict[str, object]:
    return profiles.get_my_profile(principal(api).user_id, services().adapters.profiles).owner_view()


@api_route(api, "/me/profile", methods=("PUT",), authorizer=bearer, body=ProfileInput, reply=ProfileReply,
           errors=(409,), summary="Create or replace my profile (send back the version you read)")
def put_my_profile() -> dict[str, object]:
    who, s = principal(api), services()
    saved = profiles.save_my_profile(
        who.user_id, json_body(api), s.adapters.profiles, s.adapters.organisations, now(),
        admit=s.person_gate(who.user_id, who.username).check_placement,  # the sign-up gate, on first creation
    )
    if saved.version == 1:
        emit({"Profiles": 1})
    # Instant: my fresh lists are ready on return (or, if storage was too busy, on my next read).
    after_commit(lambda: refresh_after_save(saved, s.matches, now()), "match lists refreshed", None)
    # Searches find me as I am now (if storage was too busy: after my next save, or `search reindex`).
    after_commit(lambda: s.index_profile(saved), "search entries kept", None)
    return saved.owner_view()


@api_route(api, "/profiles/{user_id}", authorizer=bearer, reply=PublicProfileReply, errors=(404,),
           summary="Another person's profile as other people see it")
def get_profile(user_id: str) -> dict[str, object]:
    viewer, s = principal(api).user_id, services()
    contact = partial(contact_email, viewer, user_id, s.journey)
    return profiles.get_profile(user_id, s.adapters.profiles, contact, s.journey.is_active)


@api_route(api, "/vocabulary/{kind}", path_parameters=VocabularyPath, query=VocabularyQuery, reply=VocabularyReply,
           errors=(404,), personal=False, uses_storage=False,
           summary="Tag suggestions for skills, interests and professions")
def get_vocabulary(kind: str) -> dict[str, object]:
    if kind not in VOCABULARIES:
        raise NotFoundError(f"There is no vocabulary called '{kind}'. Try one of: {', '.join(VOCABULARIES)}.")
    asked = query_as(api, VocabularyQuery)
    if asked.all:
        return whole_vocabulary(kind)  # every entry and its synonyms (the LinkedIn import maps a whole list)
    return {"kind": kind, "items": suggest(kind, asked.prefix)}


@api_route(api, "/openapi.json", reply=OpenApiReply, personal=False, uses_storage=False,
           summary="This document: the API's published contract (OpenAPI 3.1)")
def get_openapi_document() -> dict[str, object]:
    return openapi_document(api.current_app.routes)
