"""Match lists as the service keeps them: instant refresh, scheduled recompute, reading a list."""
