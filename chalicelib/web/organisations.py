"""Routes: organisations as administrators manage them (GET /organisations, public, is in web/profiles.py).

POST /organisations  (administrators)
    request:  {"id": "office-for-mentoring", "name": "Office for Mentoring", "kind": "arms-length body",
               "abbreviation": "OfM", "domains": ["mentoring.gov.uk", "*.mentoring.org.uk"], "active": true}
              id: lower-case slug (letters, digits, single hyphens), 2..64, never changes;
              kind: "department" | "arms-length body" | "profession" | "external";
              abbreviation (default ""), domains (default [], at most 50), active (default true) optional;
              domains are stored lower-case, sorted, without duplicates. Refused (400, fields.domains):
              public suffixes ("gov.uk", "co.uk", "uk") and domains shared across the public sector
              ("*.gov.uk", "nhs.net", "police.uk", "gov.scot", ...). Unknown fields are refused.
    201:      {"id", "name", "kind", "abbreviation", "domains": [...], "active": true}
    400 validation_error (fields), 409 conflict (the id exists, or a domain belongs to another
    organisation: fields.domains), 401, 403

PUT /organisations/{id}  (administrators): replace it (same body without "id")
    200:      {"id", "name", "kind", "abbreviation", "domains": [...], "active"}
    400, 404 not_found, 409 conflict (a domain belongs to another organisation), 401, 403
    Setting "active": false hides it from GET /organisations and closes its domains to sign-up.

GET /admin/organisations  (administrators): every organisation, inactive ones too
    200:      {"organisations": [{"id", "name", "kind", "abbreviation", "domains", "active"}, ...]}

GET /organisations (public, in web/profiles.py) lists active ones:
    {"organisations": [{"id", "name", "kind", "abbreviation", "domains"}, ...]}; it is cached for up to a
    minute per API instance, so a change may take that long to show there.
"""

from chalice import Blueprint

from chalicelib import dependencies as deps
from chalicelib.admin import organisations
from chalicelib.web.common import admin, api_route, bearer, created, json_body, now

api = Blueprint(__name__)


def _forget_cached_list() -> None:
    deps.organisation_repository.cache_clear()  # this instance's readers see the change at once


@api_route(api, "/organisations", methods=["POST"], authorizer=bearer)
def create_organisation():
    who = admin(api)
    organisation = organisations.create_organisation(json_body(api), who.user_id, deps.organisation_catalogue(), now())
    _forget_cached_list()
    return created(organisations.admin_view(organisation))


@api_route(api, "/organisations/{organisation_id}", methods=["PUT"], authorizer=bearer)
def update_organisation(organisation_id):
    who = admin(api)
    organisation = organisations.update_organisation(
        organisation_id, json_body(api), who.user_id, deps.organisation_catalogue(), now())
    _forget_cached_list()
    return organisations.admin_view(organisation)


@api_route(api, "/admin/organisations", methods=["GET"], authorizer=bearer)
def list_all_organisations():
    admin(api)
    return {"organisations": organisations.list_organisations(deps.organisation_catalogue())}
