"""Moderation: what administrators need to act on a person safely.

Find a person by name or email, see who they are (organisation, grade, roles, standing, the
reports about them) before suspending them, and list recent reports with the people they name.

- service: ``service.py`` (find people; one person; recent reports), over other features' ports:
  profiles (``ProfileRepository``, ``NameIndex``), accounts (``Directory``, ``AccountRepository``),
  mentorships (``ReportRepository``), organisations
- routes:  ``GET /admin/users``, ``GET /admin/users/{id}``, ``GET /admin/reports`` in
  ``chalicelib/web/admin.py``; suspending stays ``accounts/service.py``

Lookups are bounded: an email by Cognito's ListUsers with a starts-with filter (one call), a name by
one query of one partition of the name index (``profiles/names.py``); never a scan.
"""
