"""In-memory invitations, memberships and failed attempts."""

import threading
from datetime import datetime

from chalicelib.audit.domain import AuditEntry
from chalicelib.errors import NotFoundError
from chalicelib.invitations.domain import Invitation, Membership
from tests.fakes.audit import InMemoryAuditLog

NOT_FOUND = "There is no invitation with that id."


class InMemoryMembershipRepository:
    def __init__(self):
        self.items: dict[tuple[str, str], Membership] = {}

    def get(self, user_id: str, organisation_id: str) -> Membership | None:
        return self.items.get((user_id, organisation_id))

    def organisations_of(self, user_id: str) -> list[str]:
        return sorted(org for uid, org in self.items if uid == user_id)

    def forget(self, user_id: str) -> int:
        mine = [key for key in self.items if key[0] == user_id]
        for key in mine:
            del self.items[key]
        return len(mine)


class InMemoryInvitationRepository:
    def __init__(self, memberships: InMemoryMembershipRepository, audit: InMemoryAuditLog | None = None):
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


class InMemoryAttemptLog:
    """Recent events per key (``limits.ports.EventLog``)."""

    def __init__(self):
        self._times: dict[str, list[datetime]] = {}
        self._lock = threading.Lock()

    def times_since(self, key: str, since: datetime, now: datetime, limit: int) -> list[datetime]:
        recent = sorted((t for t in self._times.get(key, []) if since < t <= now), reverse=True)
        return recent[:limit]

    def forget(self, key: str) -> int:
        with self._lock:
            return len(self._times.pop(key, []))

    def record(self, key: str, now: datetime, expires_at: datetime) -> None:
        with self._lock:
            self._times.setdefault(key, []).append(now)
