"""The audit log: every administrator's action, as ids only.

Rule: an entry says who (the administrator's user id, or ``cli:<caller>`` for the admin CLI),
what (an action name), to which id, and when. It never holds names, emails or message text.
Entries are written in the same transaction as the change they record where the change is a
DynamoDB write, so there is never a change without its entry.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime

EMAIL_LIKE = re.compile(r"[^\s:/@]+@[^\s:/@]+")

ACTIONS = (
    "invitation.create", "invitation.revoke", "organisation.create", "organisation.update",
    "account.suspend", "account.reinstate", "account.export", "account.erase", "admin.add", "admin.remove",
)


@dataclass(frozen=True)
class AuditEntry:
    actor: str
    action: str
    target_id: str
    at: datetime
    entry_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def view(self) -> dict[str, str]:
        return {"id": self.entry_id, "actor": self.actor, "action": self.action, "target_id": self.target_id,
                "at": self.at.isoformat(timespec="seconds")}


def audit_entry(actor: str, action: str, target_id: str, now: datetime) -> AuditEntry:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    return AuditEntry(actor=scrub(actor), action=action, target_id=scrub(target_id), at=now)


def scrub(value: str) -> str:
    """Ids only: anything shaped like an email address is replaced (a CLI caller's session name may be one)."""
    return EMAIL_LIKE.sub("<email>", value)
