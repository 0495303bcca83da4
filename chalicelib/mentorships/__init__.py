"""The mentorship journey: requests, accepts within capacity, messages, blocks and reports.

- domain:  ``domain.py`` (states, moves, limits), ``exclusions.py`` (who is kept apart in matches)
- schema:  ``schema.py``
- ports:   ``ports.py`` (``MentorshipRepository``, ``MessageRepository``, ``BlockRepository``,
  ``ReportRepository``, ``Notices``), bundled with profiles and the directory in ``stores.JourneyStores``
- services: ``service.py`` (ask, accept, decline, withdraw, end), ``messaging.py``, ``safety.py``
  (blocks, reports), ``housekeeping.py`` (the hourly schedule), ``views.py`` (what each person sees)
- adapters: ``chalicelib/adapters/dynamo/mentorships.py``, ``messages.py``, ``blocks.py``,
  ``reports.py``; notices by ``chalicelib/notifications/notifier.py``
- routes:  ``chalicelib/web/mentorships.py``, ``chalicelib/web/safety.py``
"""
