"""The mentorship journey: requests, accepts within capacity, messages, blocks and reports."""
