"""Organisations (departments, arm's-length bodies, professions) and their email domains.

- domain:  ``domain.py`` (``Organisation``), ``domains.py`` (which domains an organisation may
  claim, and which organisation owns an email address)
- schema:  ``schema.py`` (what administrators send)
- port:    ``ports.OrganisationRepository`` (cached reads, audited writes)
- service: ``service.py`` (list, create and change organisations)
- adapter: ``chalicelib/adapters/dynamo/organisations.py``
- routes:  ``GET /organisations`` (public), ``POST``/``PUT /organisations``, ``GET /admin/organisations``
  in ``chalicelib/web/organisations.py``
"""
