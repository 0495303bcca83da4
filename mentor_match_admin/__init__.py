"""Mentor Match's admin CLI: ``python -m mentor_match_admin --help``.

It runs the same services as the admin API against the tables and user pool its environment
names (``TABLE_PREFIX``, ``COGNITO_USER_POOL_ID``, ``AWS_ENDPOINT_URL`` for the local stack, the
usual AWS credentials), and its audit entries name the caller's AWS identity as ``cli:<arn>``.
"""
