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

POST /sign-up/check  (public)     body {"email": "sam@dwp.gov.uk"}
    200:      {"organisation": {"id": "department-for-work-pensions", "name": "Department for Work and Pensions",
               "via": "email"}}  the organisation this address would join
    403:      sign_up_not_allowed (as above): the address is on no member organisation's domain; only an
              invitation link opens the service to it
    400:      validation_error (not an email address, or text the text rule refuses)
    429:      too_many_requests (Retry-After): too many refused checks from one address in 15 minutes
              (SIGN_UP_CHECK_ADDRESS_LIMIT, 200; only refusals count, so an admitted address is never refused)
    Asked by the create-account page before Cognito's SignUp, so a refusal is its own step. No account
    is looked up: the reply says nothing about whether an address already has one.

PUT /me/profile (in web/profiles.py) applies the same gate when a profile is first created or its
organisation changes: 403 sign_up_not_allowed as above, or 400 validation_error with
``fields.organisation_id`` when the organisation is not one of mine.
"""

import hmac
from collections.abc import Mapping

from chalice import Blueprint, Response

from chalicelib.bootstrap import services
from chalicelib.gate.schema import SignUpCheck, SignUpCheckReply
from chalicelib.gate.service import check_email_before_sign_up
from chalicelib.invitations import service as invitations
from chalicelib.invitations.ratelimit import address_key, caller
from chalicelib.invitations.schema import (
    CodePath,
    InvitationCheckReply,
    InvitationRequest,
    InvitationsReply,
    NewInvitationReply,
    PlacementsReply,
    RedemptionReply,
)
from chalicelib.web.common import admin, api_route, bearer, json_body, no_content, now, principal

api = Blueprint(__name__)


def client_address(blueprint: Blueprint) -> str:
    """The caller's address: CloudFront's viewer address when the call provably came through the
    site's distribution (it sends the shared ``X-Origin-Verify`` secret; API Gateway then sees an
    edge address shared by many people), else the connection's source. A viewer-address header
    without the secret is anyone's invention, so it is ignored."""
    request = blueprint.current_request
    headers: Mapping[str, str] = request.headers or {}
    secret = services().settings.origin_verify_secret
    viewer = headers.get("cloudfront-viewer-address", "")
    if viewer and secret and hmac.compare_digest(headers.get("x-origin-verify", ""), secret):
        return viewer.rpartition(":")[0].strip("[]") or viewer
    identity: dict[str, str] = (request.context or {}).get("identity") or {}
    return identity.get("sourceIp", "")


@api_route(api, "/invitations", methods=("POST",), authorizer=bearer, admin=True, body=InvitationRequest,
           reply=NewInvitationReply, status=201,
           links={"CheckInvitation": ("check_invitation", "invitation", "code"),
                  "RevokeInvitation": ("revoke_invitation", "invitation", "id")},
           summary="Create an invitation link (administrators; the code is shown this once)")
def create_invitation() -> dict[str, object]:
    who = admin(api)
    return invitations.create_invitation(json_body(api), who.user_id, services().invitations, now())


@api_route(api, "/invitations", authorizer=bearer, admin=True, reply=InvitationsReply,
           summary="Every invitation, newest first, never a code (administrators)")
def list_invitations() -> dict[str, object]:
    admin(api)
    return {"invitations": invitations.list_invitations(services().invitations, now())}


@api_route(api, "/invitations/{invitation}", methods=("DELETE",), authorizer=bearer, admin=True, status=204,
           errors=(404,), summary="Revoke an invitation by its id (administrators)")
def revoke_invitation(invitation: str) -> Response:
    who = admin(api)
    invitations.revoke_invitation(invitation, who.user_id, services().invitations, now())
    return no_content()


@api_route(api, "/invitations/{invitation}", path_parameters=CodePath, reply=InvitationCheckReply,
           errors=(404, 429), personal=True, summary="Is this invitation link valid, and for which organisation")
def check_invitation(invitation: str) -> dict[str, object]:
    return invitations.check_invitation(invitation, caller(None, client_address(api)), services().invitations, now())


@api_route(api, "/invitations/{invitation}/redeem", methods=("POST",), authorizer=bearer, path_parameters=CodePath,
           reply=RedemptionReply, errors=(404, 429), summary="Join the invitation's organisation (counts one use)")
def redeem_invitation(invitation: str) -> dict[str, object]:
    who = principal(api)
    return invitations.redeem_invitation(invitation, who.user_id, caller(who.user_id, client_address(api)),
                                         services().invitations, now())


@api_route(api, "/sign-up/check", methods=("POST",), body=SignUpCheck, reply=SignUpCheckReply, errors=(403, 429),
           personal=True, summary="Before an account is made: may this email address join on its own (no invitation)?")
def check_sign_up() -> dict[str, object]:
    address = address_key(client_address(api))
    return check_email_before_sign_up(json_body(api), address, services().sign_up_checks, now())


@api_route(api, "/me/organisation", authorizer=bearer, reply=PlacementsReply,
           summary="Where my profile may be placed (the sign-up gate)")
def get_my_organisation() -> dict[str, object]:
    who = principal(api)
    admission = services().person_gate(who.user_id, who.username).admission()
    return {"organisations": [placement.view() for placement in admission.placements]}
