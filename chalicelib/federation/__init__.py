"""One person, one account: signing in through an identity provider (LinkedIn) links to, or opens, an account.

- domain:  ``domain.py`` (the rules: a verified email, which accounts may be linked, the reverse case)
- ports:   ``ports.IdentityLinker`` (link a provider identity to an account), ``ports.UserPools``
  (the directory and linker of the user pool a Cognito trigger names)
- service: ``service.py`` (the PreSignUp_ExternalProvider branch; the gate at the code exchange)
- adapters: ``chalicelib/adapters/cognito_links.py`` (AdminLinkProviderForUser); locally
  ``infra/local/federation.py`` plays Cognito's federation step with the same service
- entry points: the PreSignUp trigger (``chalicelib/triggers.py``); ``POST /session/oauth`` in
  ``chalicelib/web/sessions.py``
"""
