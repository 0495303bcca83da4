"""UK GDPR: download all my data; delete my account and personal data.

- domain:  none of its own: the journey's rules (``mentorships.domain.left_version``) and account standing
- port:    ``ports.OwnedItems``, with the journey's stores and ``accounts.ports.AccountRepository``
- services: ``export.export_my_data``, ``deletion.delete_my_account``
- adapter: ``chalicelib/adapters/dynamo/personal_data.py`` (one line per table keyed by the person)
- routes:  ``GET /me/export``, ``DELETE /me`` in ``chalicelib/web/privacy.py``
"""
