"""Invitations and memberships in DynamoDB (``invitations.ports.InvitationRepository``,
``MembershipRepository``).

Redeeming is one DynamoDB transaction: add one use to the invitation only if it still has uses
left, is not revoked and has not expired, AND record the person's membership only if they have
none in that organisation yet. Both happen or neither, so 50 people racing for the last 10
uses get exactly 10, and the same person redeeming twice counts once.
"""

from datetime import datetime

from chalicelib.adapters.dynamo.audit import to_audit_model
from chalicelib.adapters.dynamo.tables import InvitationModel, MembershipModel, read_item
from chalicelib.adapters.dynamo.transact import transact
from chalicelib.audit.domain import AuditEntry
from chalicelib.errors import ConflictError, NotFoundError
from chalicelib.invitations.domain import Invitation, Membership

NOT_FOUND = "There is no invitation with that id."


class DynamoInvitationRepository:
    def create(self, invitation: Invitation, audit: AuditEntry) -> None:
        with transact(ConflictError("That invitation exists already. Try again.")) as transaction:
            transaction.save(to_model(invitation), condition=InvitationModel.code_hash.does_not_exist())
            transaction.save(to_audit_model(audit))

    def find_by_code_hash(self, code_hash: str) -> Invitation | None:
        item = read_item(InvitationModel, code_hash)
        return to_invitation(item) if item else None

    def get(self, invitation_id: str) -> Invitation | None:
        keys = list(InvitationModel.by_invitation_id.query(invitation_id, limit=1))
        return self.find_by_code_hash(keys[0].code_hash) if keys else None

    def list_all(self) -> list[Invitation]:
        # Invitations number in the hundreds (one per campaign), not per person: a scan is fine.
        return sorted((to_invitation(i) for i in InvitationModel.scan()), key=lambda i: i.created_at, reverse=True)

    def revoke(self, invitation_id: str, audit: AuditEntry) -> Invitation:
        current = self.get(invitation_id)
        if current is None:
            raise NotFoundError(NOT_FOUND)
        with transact(NotFoundError(NOT_FOUND)) as transaction:
            transaction.update(to_model(current), actions=[InvitationModel.revoked.set(True)],
                               condition=InvitationModel.code_hash.exists())
            transaction.save(to_audit_model(audit))
        return current.with_changes(revoked=True)

    def redeem(self, invitation: Invitation, membership: Membership, now: datetime) -> bool:
        still_valid = (
            (InvitationModel.uses < InvitationModel.max_uses)
            & (InvitationModel.revoked == False)  # noqa: E712 - a PynamoDB condition, not a Python comparison
            & (InvitationModel.expires_at > now)
        )
        row = MembershipModel(user_id=membership.user_id, organisation_id=membership.organisation_id,
                              invitation_id=membership.invitation_id, joined_at=membership.joined_at)
        attempt = transact()
        with attempt as transaction:
            transaction.update(InvitationModel(code_hash=invitation.code_hash),
                               actions=[InvitationModel.uses.add(1)], condition=still_valid)
            transaction.save(row, condition=MembershipModel.user_id.does_not_exist())
        return attempt.done


class DynamoMembershipRepository:
    def get(self, user_id: str, organisation_id: str) -> Membership | None:
        item = read_item(MembershipModel, user_id, organisation_id)
        if item is None:
            return None
        return Membership(item.user_id, item.organisation_id, item.invitation_id, item.joined_at)

    def organisations_of(self, user_id: str) -> list[str]:
        return [item.organisation_id for item in MembershipModel.query(user_id, consistent_read=True)]


def to_model(invitation: Invitation) -> InvitationModel:
    return InvitationModel(
        code_hash=invitation.code_hash, invitation_id=invitation.invitation_id,
        organisation_id=invitation.organisation_id, created_at=invitation.created_at,
        expires_at=invitation.expires_at, max_uses=invitation.max_uses, uses=invitation.uses,
        revoked=invitation.revoked, created_by=invitation.created_by,
    )


def to_invitation(item: InvitationModel) -> Invitation:
    return Invitation(
        invitation_id=item.invitation_id, code_hash=item.code_hash, organisation_id=item.organisation_id,
        created_at=item.created_at, expires_at=item.expires_at, max_uses=int(item.max_uses),
        uses=int(item.uses or 0), revoked=bool(item.revoked), created_by=item.created_by or "",
    )
