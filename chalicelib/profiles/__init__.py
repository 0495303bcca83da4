"""Profiles: what a person says about themselves, and the controlled vocabularies for tags.

- domain:  ``domain.py`` (``Profile``), ``vocabulary.py`` (professions, skill and interest suggestions)
- schema:  ``schema.py`` (the profile as clients write it)
- port:    ``ports.ProfileRepository`` (versioned saves)
- service: ``service.py`` (read mine, read another's, create or replace mine)
- adapter: ``chalicelib/adapters/dynamo/profiles.py``
- routes:  ``/me/profile``, ``/profiles/{id}``, ``/vocabulary/{kind}`` in ``chalicelib/web/profiles.py``
"""
