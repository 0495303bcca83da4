"""Invitation and membership storage: one interface each, an in-memory and a DynamoDB implementation.

Redeeming is one DynamoDB transaction: add one use to the invitation only if it still has uses
left, is not revoked and has not expired, AND record the person's membership only if they have
none in that organisation yet. Both happen or neither, so 50 people racing for the last 10
uses get exactly 10, and the same person redeeming twice counts once.
"""

import threading
from datetime import datetime
from typing import Protocol

from pynamodb.connection import Connection
from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from chalicelib.admin.audit import AuditEntry
from chalicelib.errors import NotFoundError
from chalicelib.invitations.domain import Invitation, Membership
from chalicelib.persistence.audit import to_audit_model
from chalicelib.persistence.models import InvitationModel, MembershipModel

NOT_FOUND = "There is no invitation with that id."


class InvitationRepository(Protocol):
    def create(self, invitation: Invitation, audit: AuditEntry) -> None: ...

    def find_by_code_hash(self, code_hash: str) -> Invitation | None: ...

    def get(self, invitation_id: str) -> Invitation | None: ...

    def list_all(self) -> list[Invitation]: ...

    def revoke(self, invitation_id: str, audit: AuditEntry) -> Invitation: ...

    def redeem(self, invitation: Invitation, membership: Membership, now: datetime) -> bool:
        """Count one use and record the membership together; False (nothing written) otherwise."""


class MembershipRepository(Protocol):
    def get(self, user_id: str, organisation_id: str) -> Membership | None: ...

    def organisations_of(self, user_id: str) -> list[str]: ...


class InMemoryMembershipRepository:
    def __init__(self):
        self.items: dict[tuple[str, str], Membership] = {}

    def get(self, user_id: str, organisation_id: str) -> Membership | None:
        return self.items.get((user_id, organisation_id))

    def organisations_of(self, user_id: str) -> list[str]:
        return sorted(org for uid, org in self.items if uid == user_id)


class InMemoryInvitationRepository:
    def __init__(self, memberships: InMemoryMembershipRepository, audit=None):
        self._by_hash: dict[str, Invitation] = {}
        self._memberships = memberships
        self._audit = audit
        self._lock = threading.Lock()

    def _record(self, entry: AuditEntry) -> None:
        if self._audit is not None:
            self._audit.record(entry)

    def create(self, invitation: Invitation, audit: AuditEntry) -> None:
        self._by_hash[invitation.code_hash] = invitation
        self._record(audit)

    def find_by_code_hash(self, code_hash: str) -> Invitation | None:
        return self._by_hash.get(code_hash)

    def get(self, invitation_id: str) -> Invitation | None:
        return next((i for i in self._by_hash.values() if i.invitation_id == invitation_id), None)

    def list_all(self) -> list[Invitation]:
        return sorted(self._by_hash.values(), key=lambda i: i.created_at, reverse=True)

    def revoke(self, invitation_id: str, audit: AuditEntry) -> Invitation:
        with self._lock:
            current = self.get(invitation_id)
            if current is None:
                raise NotFoundError(NOT_FOUND)
            revoked = self._by_hash[current.code_hash] = current.with_changes(revoked=True)
        self._record(audit)
        return revoked

    def redeem(self, invitation: Invitation, membership: Membership, now: datetime) -> bool:
        with self._lock:
            current = self._by_hash.get(invitation.code_hash)
            key = (membership.user_id, membership.organisation_id)
            if current is None or not current.is_valid(now) or key in self._memberships.items:
                return False
            self._by_hash[current.code_hash] = current.with_changes(uses=current.uses + 1)
            self._memberships.items[key] = membership
            return True


def _connection() -> Connection:
    return Connection(region=InvitationModel.Meta.region)


class DynamoInvitationRepository:
    def create(self, invitation: Invitation, audit: AuditEntry) -> None:
        with TransactWrite(connection=_connection()) as transaction:
            transaction.save(to_model(invitation), condition=InvitationModel.code_hash.does_not_exist())
            transaction.save(to_audit_model(audit))

    def find_by_code_hash(self, code_hash: str) -> Invitation | None:
        try:
            return to_invitation(InvitationModel.get(code_hash, consistent_read=True))
        except InvitationModel.DoesNotExist:
            return None

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
        item = to_model(current)
        with TransactWrite(connection=_connection()) as transaction:
            transaction.update(item, actions=[InvitationModel.revoked.set(True)],
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
        try:
            with TransactWrite(connection=_connection()) as transaction:
                transaction.update(InvitationModel(code_hash=invitation.code_hash),
                                   actions=[InvitationModel.uses.add(1)], condition=still_valid)
                transaction.save(row, condition=MembershipModel.user_id.does_not_exist())
        except TransactWriteError as error:
            if error.cause_response_code == "TransactionCanceledException":
                return False
            raise
        return True


class DynamoMembershipRepository:
    def get(self, user_id: str, organisation_id: str) -> Membership | None:
        try:
            item = MembershipModel.get(user_id, organisation_id, consistent_read=True)
        except MembershipModel.DoesNotExist:
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
