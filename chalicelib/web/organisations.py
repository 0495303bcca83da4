"""Routes: organisations, the public list and as administrators manage them.

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

GET /organisations (public) lists active ones:
    {"organisations": [{"id", "name", "kind", "abbreviation", "domains"}, ...]}; it is cached for up to a
    minute per API instance, so a change may take that long to show there.
"""

from chalice import Blueprint

from chalicelib.bootstrap import services
from chalicelib.organisations import service as organisations
from chalicelib.organisations.schema import (
    AdminOrganisationReply,
    AdminOrganisationsReply,
    NewOrganisation,
    OrganisationChange,
    OrganisationsReply,
)
from chalicelib.web.common import admin, api_route, bearer, json_body, now

api = Blueprint(__name__)


@api_route(api, "/organisations", reply=OrganisationsReply, personal=False,
           summary="Active organisations and their email domains")
def list_organisations() -> dict[str, object]:
    return {"organisations": organisations.list_active_organisations(services().adapters.organisations)}


@api_route(api, "/organisations", methods=("POST",), authorizer=bearer, admin=True, body=NewOrganisation,
           reply=AdminOrganisationReply, status=201, errors=(409,),
           links={"UpdateOrganisation": ("update_organisation", "organisation_id", "id")},
           summary="Add an organisation (administrators)")
def create_organisation() -> dict[str, object]:
    who = admin(api)
    organisation = organisations.create_organisation(json_body(api), who.user_id, services().adapters.organisations,
                                                     now())
    return organisation.admin_view()


@api_route(api, "/organisations/{organisation_id}", methods=("PUT",), authorizer=bearer, admin=True,
           body=OrganisationChange, reply=AdminOrganisationReply, errors=(404, 409),
           summary="Replace an organisation (administrators)")
def update_organisation(organisation_id: str) -> dict[str, object]:
    who = admin(api)
    organisation = organisations.update_organisation(organisation_id, json_body(api), who.user_id,
                                                     services().adapters.organisations, now())
    return organisation.admin_view()


@api_route(api, "/admin/organisations", authorizer=bearer, admin=True, reply=AdminOrganisationsReply,
           summary="Every organisation, inactive ones too (administrators)")
def list_all_organisations() -> dict[str, object]:
    admin(api)
    return {"organisations": organisations.list_organisations(services().adapters.organisations)}
