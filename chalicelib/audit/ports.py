"""What the audit log needs from storage."""

from typing import Protocol

from chalicelib.audit.domain import AuditEntry


class AuditLog(Protocol):
    def record(self, entry: AuditEntry) -> None: ...

    def entries_on(self, day: str) -> list[AuditEntry]:
        """The entries of one UTC day (YYYY-MM-DD), newest first."""
        ...
