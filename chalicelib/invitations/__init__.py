"""Invitation links: departments onboard their staff; the code is shown once and stored only as a hash."""
