"""What invitations need from storage."""

from datetime import datetime
from typing import Protocol

from chalicelib.audit.domain import AuditEntry
from chalicelib.invitations.domain import Invitation, Membership


class InvitationRepository(Protocol):
    def create(self, invitation: Invitation, audit: AuditEntry) -> None: ...

    def find_by_code_hash(self, code_hash: str) -> Invitation | None: ...

    def get(self, invitation_id: str) -> Invitation | None: ...

    def list_all(self) -> list[Invitation]: ...

    def revoke(self, invitation_id: str, audit: AuditEntry) -> Invitation:
        """Revoke it with its audit entry; NotFoundError for an unknown id."""
        ...

    def redeem(self, invitation: Invitation, membership: Membership, now: datetime) -> bool:
        """Count one use and record the membership together; False (nothing written) otherwise."""
        ...


class MembershipRepository(Protocol):
    def get(self, user_id: str, organisation_id: str) -> Membership | None: ...

    def organisations_of(self, user_id: str) -> list[str]: ...

