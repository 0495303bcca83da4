"""Usage figures by organisation for administrators: people, mentors, mentees, requests, answers.

- domain:  ``domain.py`` (counting rules, pure)
- ports:   ``ports.PeopleSource``, ``ports.MentorshipStatsSource``
- service: ``service.usage_stats``
- adapter: ``chalicelib/adapters/dynamo/usage.py`` (parallel scans reading a few attributes)
- routes:  ``GET /admin/stats`` in ``chalicelib/web/admin.py``; the CLI's ``stats`` command
"""
