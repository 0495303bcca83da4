"""``make load``: locust, headless, against the running local stack (``make run``)."""
