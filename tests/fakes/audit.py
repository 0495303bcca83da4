"""In-memory audit log."""

from chalicelib.audit.domain import AuditEntry


class InMemoryAuditLog:
    def __init__(self):
        self.entries: list[AuditEntry] = []

    def record(self, entry: AuditEntry) -> None:
        self.entries.append(entry)

    def entries_on(self, day: str) -> list[AuditEntry]:
        found = [e for e in self.entries if e.at.date().isoformat() == day]
        return sorted(found, key=lambda e: e.at, reverse=True)
