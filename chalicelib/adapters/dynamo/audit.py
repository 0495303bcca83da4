"""The audit log in DynamoDB (``audit.ports.AuditLog``): one row per administrator's action, by day.

Other adapters put ``to_audit_model(entry)`` into their own transactions, so a change is never
written without its entry.
"""

from chalicelib.adapters.dynamo.tables import AuditModel
from chalicelib.audit.domain import AuditEntry


def to_audit_model(entry: AuditEntry) -> AuditModel:
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
