"""The composition root's AWS clients: made once a process, whichever services are built.

Services are built again after bootstrap.reset() (every integration test, every CLI command, a
worker of the local stack after the fork); making a client costs 10-25 ms of CPU even from a
session that has read the service descriptions, so each build reuses the process's clients.
"""

from chalicelib import bootstrap
from chalicelib.bootstrap import services
from chalicelib.settings import load_settings


def test_services_built_again_use_the_clients_already_made(aws, made_clients):
    bootstrap.aws_client.cache_clear()  # as a new process starts
    services().adapters.snapshots.load()  # S3
    services().adapters.directory.find_by_email("nobody@example.gov.uk")  # Cognito
    assert sorted(made_clients) == ["cognito-idp", "s3"]

    for _ in range(3):  # three more builds, as three tests or three CLI commands would make
        bootstrap.reset()
        assert services().adapters.snapshots.load() is None
        assert services().adapters.directory.find_by_email("nobody@example.gov.uk") is None
    assert sorted(made_clients) == ["cognito-idp", "s3"]


def test_another_endpoint_gets_clients_of_its_own(aws, made_clients, monkeypatch):
    here = services().settings
    assert services().adapters.directory.find_by_email("nobody@example.gov.uk") is None
    before = len(made_clients)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # another emulator (nothing listens there)
    elsewhere = load_settings()
    client = bootstrap.aws_client(elsewhere.region, elsewhere.aws_endpoint_url, "cognito-idp")
    assert made_clients[before:] == ["cognito-idp"]
    assert client.meta.endpoint_url == "http://127.0.0.1:9"
    assert bootstrap.aws_client(here.region, here.aws_endpoint_url, "cognito-idp").meta.endpoint_url != client.meta.endpoint_url
