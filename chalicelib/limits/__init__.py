"""Limits on how often one person (or one address) may do something: abuse, not ordinary use.

- domain:  ``domain.py`` (``Limit``, how long until the next try can succeed)
- port:    ``ports.EventLog`` (recent events per key, expiring)
- service: ``service.py`` (``check``, ``record``; ``ActionLimits`` for requests, messages, reports)
- adapter: ``chalicelib/adapters/dynamo/attempts.py`` (the ``attempts`` table, with a time to live)
- users:   invitation codes (``invitations/ratelimit.py``), the journey (requests, messages, reports)
"""
