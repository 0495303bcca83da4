"""People's accounts: the Cognito user (email, enabled, groups) and the account's standing.

- domain:  ``domain.py`` (``AccountStanding`` and the rule that a suspended or deleted account
  cannot act; ``DirectoryUser``)
- ports:   ``ports.AccountRepository`` (standing), ``ports.Directory`` (the user pool)
- service: ``service.py`` (suspend and reinstate, each with its audit entry)
- adapters: ``chalicelib/adapters/dynamo/accounts.py``, ``chalicelib/adapters/cognito.py``
- routes:  ``POST /admin/users/{id}/suspend|reinstate`` in ``chalicelib/web/admin.py``; every
  signed-in route checks standing in ``chalicelib/web/common.py``
"""
