"""The sign-up gate: who may create an account and a profile, and in which organisation."""
