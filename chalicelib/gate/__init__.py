"""The sign-up gate: who may create an account and a profile, and in which organisation.

- domain:  ``rule.py`` (the ONE rule: a member organisation's email domain, or an invitation)
- ports:   none of its own; it reads ``accounts.ports.Directory`` (the person's email),
  ``invitations.ports.MembershipRepository`` and ``organisations.ports.OrganisationRepository``
- service: ``service.py`` (at Cognito sign-up, and for a signed-in person in the API)
- entry points: the PreSignUp trigger (``chalicelib/triggers.py``); ``GET /me/organisation`` in
  ``chalicelib/web/invitations.py``; ``PUT /me/profile`` asks it when a profile is first made
"""
