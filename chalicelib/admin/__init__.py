"""Administrators' use cases: organisations, usage figures, suspensions and the audit log."""
