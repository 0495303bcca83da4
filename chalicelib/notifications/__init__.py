"""Email notifications: who gets which email about a mentorship, and the emails' texts.

- domain:  ``templates.py`` (the emails, with ((placeholders)))
- port:    ``ports.EmailSender``
- service: ``notifier.Notifier``, which is the journey's ``mentorships.ports.Notices``
- adapter: ``chalicelib/adapters/email.py`` (SES, or GOV.UK Notify)
- routes:  none; the journey's routes and schedule cause every email
"""
