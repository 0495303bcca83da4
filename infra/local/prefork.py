"""Imported by the local processes that fork workers, before they fork: gunicorn's master (the
API's workers, gunicorn_app.py) and the sharded recompute's fork server (one process per shard,
recompute.py). Importing it makes the AWS clients every worker would otherwise make for itself.

Making a botocore client reads its service's description and the endpoint rules (large JSON
files: DynamoDB's, S3's and Cognito's cost a process about 0.4 s of CPU together; a recompute
shard spent most of its CPU making its S3 and DynamoDB clients). Made once here, the workers
inherit PynamoDB's DynamoDB connection (tables.connection) and the process's clients for
bootstrap.AWS_SERVICES (bootstrap.aws_client, which aws_adapters uses). Only clients are made,
no request: no connection crosses the fork. A worker whose settings name another region or
endpoint makes its own (both caches are keyed by them).
"""

from chalicelib.adapters.dynamo.tables import bind_tables, connection
from chalicelib.bootstrap import AWS_SERVICES, aws_client
from chalicelib.settings import get_settings


def make_clients() -> None:
    settings = get_settings()
    bind_tables(settings)
    connection().client  # noqa: B018 (PynamoDB makes its botocore client on first use of .client)
    for service in AWS_SERVICES:
        aws_client(settings.region, settings.aws_endpoint_url, service)


make_clients()
