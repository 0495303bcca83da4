"""Invitation use cases. Services take their stores, the caller and the time as arguments."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chalicelib.audit.domain import audit_entry
from chalicelib.errors import ValidationError
from chalicelib.invitations.domain import (
    Invitation,
    InvitationNotValidError,
    Membership,
    hash_code,
    iso,
    join_link,
    looks_like_code,
    make_invitation,
)
from chalicelib.invitations.ports import InvitationRepository, MembershipRepository
from chalicelib.invitations.ratelimit import Caller, CodeGuard
from chalicelib.invitations.schema import parse_request
from chalicelib.limits.ports import EventLog
from chalicelib.organisations.domain import Organisation
from chalicelib.organisations.ports import OrganisationRepository


@dataclass(frozen=True)
class InvitationStores:
    invitations: InvitationRepository
    memberships: MembershipRepository
    organisations: OrganisationRepository
    attempts: EventLog
    guard: CodeGuard = CodeGuard()


def _organisation_view(organisation: Organisation) -> dict[str, Any]:
    return {"id": organisation.id, "name": organisation.name}


def create_invitation(body: object, actor: str, stores: InvitationStores, now: datetime) -> dict[str, Any]:
    """A new invitation; the reply holds the code and link, shown this once and never again."""
    data = parse_request(body)
    organisation = stores.organisations.get(data.organisation_id)
    if organisation is None or not organisation.active:
        raise ValidationError("Choose an organisation from the list.",
                              fields={"organisation_id": "is not a known organisation (see /organisations)"})
    invitation, code = make_invitation(organisation.id, data.expires_in_days, data.max_uses, actor, now)
    stores.invitations.create(invitation, audit_entry(actor, "invitation.create", invitation.invitation_id, now))
    return {**invitation.admin_view(now), "organisation": _organisation_view(organisation),
            "code": code, "link": join_link(code)}


def list_invitations(stores: InvitationStores, now: datetime) -> list[dict[str, Any]]:
    return [invitation.admin_view(now) for invitation in stores.invitations.list_all()]


def revoke_invitation(invitation_id: str, actor: str, stores: InvitationStores, now: datetime) -> None:
    """Revoked at once: the next check or redemption of its code is refused."""
    stores.invitations.revoke(invitation_id, audit_entry(actor, "invitation.revoke", invitation_id, now))


def find_invitation(code: str, stores: InvitationStores) -> tuple[Invitation, Organisation] | None:
    """The invitation a code names and its organisation, whatever their state (None: unknown)."""
    if not looks_like_code(code):
        return None
    invitation = stores.invitations.find_by_code_hash(hash_code(code))
    organisation = stores.organisations.get(invitation.organisation_id) if invitation else None
    return (invitation, organisation) if invitation and organisation else None


def guarded_lookup(code: str, caller: Caller, stores: InvitationStores, now: datetime
                   ) -> tuple[Invitation, Organisation] | None:
    """The invitation a code names (any state), with the guessing limits applied: a person over
    their limit is refused first; an unknown code counts as a guess (and may get 429)."""
    stores.guard.before_lookup(caller, stores.attempts, now)
    found = find_invitation(code, stores)
    if found is None:
        stores.guard.after_unknown_code(caller, stores.attempts, now)
    return found


def usable(found: tuple[Invitation, Organisation] | None, now: datetime) -> tuple[Invitation, Organisation] | None:
    return found if found is not None and found[0].is_valid(now) and found[1].active else None


def check_invitation(code: str, caller: Caller, stores: InvitationStores, now: datetime) -> dict[str, Any]:
    """Public: is this link valid, and for which organisation (one answer for every invalid code)."""
    found = usable(guarded_lookup(code, caller, stores, now), now)
    if found is None:
        raise InvitationNotValidError()
    invitation, organisation = found
    return {"organisation": _organisation_view(organisation), "expires_at": iso(invitation.expires_at)}


def redeem_invitation(code: str, user_id: str, caller: Caller, stores: InvitationStores, now: datetime) -> dict[str, Any]:
    """The signed-in person joins the invitation's organisation, counting one use (once per person)."""
    found = guarded_lookup(code, caller, stores, now)
    if found is not None:
        joined = stores.memberships.get(user_id, found[0].organisation_id)
        if joined is not None:
            return _joined_view(found[1], joined)
    found = usable(found, now)
    if found is None:
        raise InvitationNotValidError()
    invitation, organisation = found
    membership = Membership(user_id, organisation.id, invitation.invitation_id, now)
    if stores.invitations.redeem(invitation, membership, now):
        return _joined_view(organisation, membership)
    raced = stores.memberships.get(user_id, organisation.id)  # the same person redeeming twice at once
    if raced is not None:
        return _joined_view(organisation, raced)
    raise InvitationNotValidError()  # the last use went to someone else a moment ago


def _joined_view(organisation: Organisation, membership: Membership) -> dict[str, Any]:
    return {"organisation": _organisation_view(organisation), "joined_at": iso(membership.joined_at)}
