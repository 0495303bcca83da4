"""Reading the audit log."""

from datetime import datetime, timedelta

from chalicelib.audit.ports import AuditLog


def recent_entries(log: AuditLog, now: datetime, days: int = 7, limit: int = 200) -> list[dict[str, str]]:
    """The newest entries of the last ``days`` days, newest first."""
    found: list[dict[str, str]] = []
    for back in range(days):
        found.extend(e.view() for e in log.entries_on((now - timedelta(days=back)).date().isoformat()))
        if len(found) >= limit:
            break
    return found[:limit]
