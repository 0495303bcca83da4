"""Routes: invitation links, and where a signed-in person may be placed.

Errors are always ``{"error": {"code": "...", "message": "..."}}`` (plus ``"fields"`` on a 400).

POST /invitations  (administrators)
    request:  {"organisation_id": "home-office", "expires_in_days": 30, "max_uses": 50}
              expires_in_days: 1..180, default 30; max_uses: 1..100000, required; nothing else allowed
    201:      {"id": "9f0c...", "organisation_id": "home-office",
               "organisation": {"id": "home-office", "name": "Home Office"},
               "created_at": "2026-05-01T09:00:00+00:00", "expires_at": "2026-05-31T09:00:00+00:00",
               "max_uses": 50, "uses": 0, "revoked": false, "status": "valid",
               "code": "<43 characters>", "link": "/join?code=<43 characters>"}
              The code and link are shown this once: only the code's SHA-256 hash is stored.
              The site makes the link absolute with its own origin.
    400 validation_error (fields), 401, 403 forbidden (not an administrator)

GET /invitations  (administrators)
    200:      {"invitations": [{"id", "organisation_id", "created_at", "expires_at", "max_uses", "uses",
                                "revoked", "status": "valid" | "expired" | "revoked" | "used up"}, ...]}
              newest first; never a code

DELETE /invitations/{id}  (administrators)
    204, no body: revoked at once.  404 not_found for an unknown id.

GET /invitations/{code}  (public)
    200:      {"organisation": {"id": "home-office", "name": "Home Office"},
               "expires_at": "2026-05-31T09:00:00+00:00"}
    404:      {"error": {"code": "invitation_not_valid", "message": "This invitation link is not valid: it may
              have expired, been withdrawn or been used up. Ask your department for a new invitation link."}}
              the SAME reply for unknown, expired, revoked and used-up codes
    429:      {"error": {"code": "too_many_requests", "message": "Too many invitation links that are not valid
              were tried. Wait 15 minutes, then try again."}}  after 10 invalid codes in 15 minutes
              from one address

POST /invitations/{code}/redeem  (signed in; no body needed, any body is ignored)
    200:      {"organisation": {"id": "home-office", "name": "Home Office"},
               "joined_at": "2026-05-02T10:00:00+00:00"}
              counts one use; redeeming again (by the same person) answers the same and counts nothing
    404 invitation_not_valid (as above), 429 too_many_requests (10 invalid codes in 15 minutes from one
    person or address), 401

GET /me/organisation  (signed in): where my profile may be placed
    200:      {"organisations": [{"id": "department-for-work-pensions", "name": "Department for Work and
               Pensions", "via": "email" | "invitation"}, ...]}
              the first is the one my email address belongs to, when it does
    403:      {"error": {"code": "sign_up_not_allowed", "message": "Mentor Match is open to people with a work
              email address of a member organisation, or with an invitation. Ask your department for an
              invitation link."}}

PUT /me/profile (in web/profiles.py) applies the same gate when a profile is first created or its
organisation changes: 403 sign_up_not_allowed as above, or 400 validation_error with
``fields.organisation_id`` when the organisation is not one of mine.
"""

from collections.abc import Mapping

from chalice import Blueprint, Response

from chalicelib.bootstrap import services
from chalicelib.invitations import service as invitations
from chalicelib.invitations.ratelimit import client_keys
from chalicelib.web.common import admin, api_route, bearer, created, json_body, no_content, now, principal

api = Blueprint(__name__)


def client_address(blueprint: Blueprint) -> str:
    """The caller's address: CloudFront's viewer address when the call came through the site's
    distribution (API Gateway then sees an edge address shared by many people), else the source."""
    request = blueprint.current_request
    headers: Mapping[str, str] = request.headers or {}
    viewer = headers.get("cloudfront-viewer-address", "")
    if viewer:
        return viewer.rpartition(":")[0].strip("[]") or viewer
    identity: dict[str, str] = (request.context or {}).get("identity") or {}
    return identity.get("sourceIp", "")


@api_route(api, "/invitations", methods=["POST"], authorizer=bearer)
def create_invitation() -> Response:
    who = admin(api)
    return created(invitations.create_invitation(json_body(api), who.user_id, services().invitations, now()))


@api_route(api, "/invitations", methods=["GET"], authorizer=bearer)
def list_invitations() -> dict[str, object]:
    admin(api)
    return {"invitations": invitations.list_invitations(services().invitations, now())}


@api_route(api, "/invitations/{invitation}", methods=["DELETE"], authorizer=bearer)
def revoke_invitation(invitation: str) -> Response:
    who = admin(api)
    invitations.revoke_invitation(invitation, who.user_id, services().invitations, now())
    return no_content()


@api_route(api, "/invitations/{invitation}", methods=["GET"])
def check_invitation(invitation: str) -> dict[str, object]:
    client = client_keys(None, client_address(api))
    return invitations.check_invitation(invitation, client, services().invitations, now())


@api_route(api, "/invitations/{invitation}/redeem", methods=["POST"], authorizer=bearer)
def redeem_invitation(invitation: str) -> dict[str, object]:
    who = principal(api)
    client = client_keys(who.user_id, client_address(api))
    return invitations.redeem_invitation(invitation, who.user_id, client, services().invitations, now())


@api_route(api, "/me/organisation", methods=["GET"], authorizer=bearer)
def get_my_organisation() -> dict[str, object]:
    who = principal(api)
    admission = services().person_gate(who.user_id, who.username).admission()
    return {"organisations": [placement.view() for placement in admission.placements]}
