"""Adapters: the outside world (DynamoDB, Cognito, S3, email) behind the features' ports.

Adapters import the features (their domain types and ports); features never import adapters.
``chalicelib/bootstrap.py`` is the one place that picks them. One module per aggregate:

- ``dynamo/tables.py``: every DynamoDB table's declaration; ``dynamo/transact.py``: the one
  all-or-nothing write helper
- ``dynamo/<aggregate>.py``: profiles, organisations, accounts, audit, invitations (and
  memberships), attempts, mentorships (with pairs and loads), messages, blocks, reports,
  match_lists, personal_data (deleting a person's items), usage (read models for the figures)
- ``cognito.py``: the user pool as ``accounts.ports.Directory``
- ``s3_snapshots.py``: ``match_lists.ports.SnapshotStore``
- ``email.py``: ``notifications.ports.EmailSender`` (SES or GOV.UK Notify)
"""
