"""Invitations: plain data and rules, no I/O.

Rules:
- A code is 32 random bytes from ``secrets`` (256 bits), URL-safe; only its SHA-256 hash is
  stored, so a leaked table reveals no usable link. The code is shown once, at creation.
- An invitation is valid while it is not revoked, has not expired, and has uses left.
- Every invalid code (unknown, expired, revoked, used up) gets the same answer, so the answer
  tells a guesser nothing.
"""

import hashlib
import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from chalicelib.errors import NotFoundError

CODE_BYTES = 32
JOIN_PATH = "/join?code="
NOT_VALID_MESSAGE = (
    "This invitation link is not valid: it may have expired, been withdrawn or been used up. "
    "Ask your department for a new invitation link."
)


class InvitationNotValidError(NotFoundError):
    """The one answer for unknown, expired, revoked and used-up codes (404)."""

    code = "invitation_not_valid"

    def __init__(self) -> None:
        super().__init__(NOT_VALID_MESSAGE)


@dataclass(frozen=True)
class Invitation:
    invitation_id: str
    code_hash: str
    organisation_id: str
    created_at: datetime
    expires_at: datetime
    max_uses: int
    uses: int = 0
    revoked: bool = False
    created_by: str = ""

    def is_valid(self, now: datetime) -> bool:
        return not self.revoked and now < self.expires_at and self.uses < self.max_uses

    def status(self, now: datetime) -> str:
        if self.revoked:
            return "revoked"
        if now >= self.expires_at:
            return "expired"
        return "used up" if self.uses >= self.max_uses else "valid"

    def with_changes(self, **changes: Any) -> "Invitation":
        return replace(self, **changes)

    def admin_view(self, now: datetime) -> dict[str, object]:
        """What administrators see: everything except the code (never stored) and its hash."""
        return {
            "id": self.invitation_id,
            "organisation_id": self.organisation_id,
            "created_at": iso(self.created_at),
            "expires_at": iso(self.expires_at),
            "max_uses": self.max_uses,
            "uses": self.uses,
            "revoked": self.revoked,
            "status": self.status(now),
        }


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def hash_code(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def looks_like_code(code: str) -> bool:
    """Cheap shape check before any lookup: URL-safe base64 of the right length."""
    return 20 <= len(code) <= 64 and all(c.isascii() and (c.isalnum() or c in "-_") for c in code)


def join_link(code: str) -> str:
    return f"{JOIN_PATH}{code}"


def make_invitation(
    organisation_id: str, expires_in_days: int, max_uses: int, created_by: str, now: datetime
) -> tuple[Invitation, str]:
    """A new invitation and its code (the code is returned once and never stored)."""
    code = new_code()
    invitation = Invitation(
        invitation_id=uuid.uuid4().hex,
        code_hash=hash_code(code),
        organisation_id=organisation_id,
        created_at=now,
        expires_at=now + timedelta(days=expires_in_days),
        max_uses=max_uses,
        created_by=created_by,
    )
    return invitation, code


@dataclass(frozen=True)
class Membership:
    """A person joined an organisation through an invitation."""

    user_id: str
    organisation_id: str
    invitation_id: str
    joined_at: datetime
