"""UK GDPR: download all my data; delete my account and personal data."""
