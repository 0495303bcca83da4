"""Email notifications: who gets which email, and the senders (SES, GOV.UK Notify)."""
