"""Sessions: signing in, staying signed in across tabs and email links, signing out everywhere.

A backend-for-frontend session: the API signs the person in with the identity provider and keeps
the refresh token in an HttpOnly, SameSite=Strict cookie that page scripts cannot read; the page
holds only a short-lived access token (per tab) and asks ``POST /session/refresh`` for a new one.

- domain:  ``domain.py`` (``Tokens``, ``RefreshGrant``: which flow a refresh token came from)
- schema:  ``schema.py``
- port:    ``ports.SignInProvider`` (password sign-in, refresh, revoke, sign out everywhere)
- service: ``service.py``
- adapter: ``chalicelib/adapters/cognito.py`` (``CognitoSignIn``)
- routes:  ``POST /session``, ``POST /session/refresh``, ``DELETE /session`` in ``chalicelib/web/sessions.py``
"""
