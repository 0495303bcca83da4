"""Audit log storage: one DynamoDB row per administrator's action, partitioned by day."""

from chalicelib.admin.audit import AuditEntry
from chalicelib.persistence.models import AuditModel


def to_audit_model(entry: AuditEntry) -> AuditModel:
    """The row for an entry (repositories add it to their own transactions)."""
    return AuditModel(
        day=entry.at.date().isoformat(),
        entry_key=f"{entry.at.isoformat(timespec='microseconds')}#{entry.entry_id}",
        actor=entry.actor, action=entry.action, target_id=entry.target_id, at=entry.at,
    )


def to_audit_entry(item: AuditModel) -> AuditEntry:
    return AuditEntry(actor=item.actor, action=item.action, target_id=item.target_id, at=item.at,
                      entry_id=item.entry_key.rpartition("#")[2])


class DynamoAuditLog:
    def record(self, entry: AuditEntry) -> None:
        to_audit_model(entry).save()

    def entries_on(self, day: str) -> list[AuditEntry]:
        return [to_audit_entry(item) for item in AuditModel.query(day, scan_index_forward=False)]
