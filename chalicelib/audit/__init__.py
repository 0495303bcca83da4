"""The audit log: every administrator's action, as ids only.

- domain:  ``domain.py`` (``AuditEntry``, ``audit_entry``: who, what, to which id, when)
- port:    ``ports.AuditLog``
- service: ``service.recent_entries``
- adapter: ``chalicelib/adapters/dynamo/audit.py`` (entries are also written inside other
  aggregates' transactions, so a change is never without its entry)
- routes:  ``GET /admin/audit`` in ``chalicelib/web/admin.py``
"""
