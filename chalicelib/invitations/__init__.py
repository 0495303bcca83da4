"""Invitation links: departments onboard their staff; the code is shown once and stored only as a hash.

- domain:  ``domain.py`` (``Invitation``, ``Membership``, codes and their hashes), ``ratelimit.py``
  (slowing down code guessing)
- schema:  ``schema.py`` (what an administrator sends to create one)
- ports:   ``ports.InvitationRepository``, ``ports.MembershipRepository``, ``ports.AttemptLog``
- service: ``service.py`` (create, list, revoke, check, redeem)
- adapters: ``chalicelib/adapters/dynamo/invitations.py``, ``chalicelib/adapters/dynamo/attempts.py``
- routes:  ``/invitations...`` and ``GET /me/organisation`` in ``chalicelib/web/invitations.py``
"""
