"""The tables on moto: a cold start builds one DynamoDB client, whichever tables it touches.

Each botocore client re-reads DynamoDB's service description (~0.1 s of CPU): PynamoDB left
alone builds one per model class, so an API Lambda's first request paid that for every table it
touched (a worker's first PUT /me/profile took about a second locally, 0.15 s with one client).
"""

import boto3
import pytest
from pynamodb.exceptions import PynamoDBException

from chalicelib.adapters.dynamo.tables import TABLES, ProfileModel, bind_tables, connection, read_item
from chalicelib.settings import load_settings, reset_settings
from tests.conftest import free_port


def test_every_table_and_transaction_goes_through_one_client_made_on_first_use(aws, made_clients):
    for model in TABLES.values():  # as a new Lambda container starts: no connection made yet
        model._connection = None
    connection.cache_clear()
    bind_tables(load_settings())
    assert made_clients == []

    for model in TABLES.values():  # every table read once, as the routes between them would
        assert list(model.query("nobody", limit=1)) == []
    assert made_clients == ["dynamodb"]
    assert all(model._get_connection().connection is connection() for model in TABLES.values())


def test_binding_again_with_other_table_names_reaches_the_new_tables(aws, monkeypatch):
    settings = load_settings()
    monkeypatch.setenv("TABLE_PREFIX", "elsewhere-")
    try:
        reset_settings()
        bind_tables(load_settings())
        assert ProfileModel.Meta.table_name.startswith("elsewhere-")
        shared = connection()
        assert ProfileModel._get_connection().connection is shared
        ProfileModel.create_table(wait=True, billing_mode="PAY_PER_REQUEST")
        try:
            boto3.client("dynamodb", region_name=settings.region).put_item(
                TableName="elsewhere-profiles", Item={"user_id": {"S": "someone"}})
            assert read_item(ProfileModel, "someone") is not None
        finally:
            ProfileModel.delete_table()
    finally:
        monkeypatch.delenv("TABLE_PREFIX")
        reset_settings()
        bind_tables(settings)
    assert read_item(ProfileModel, "someone") is None  # back on the session's tables, which lack it


def test_binding_again_with_another_endpoint_reaches_it(aws, monkeypatch):
    """A process that is pointed at another DynamoDB (AWS_ENDPOINT_URL: the local emulator on
    another port) uses it from the next binding on, not the client it made for the first."""
    settings = load_settings()
    assert read_item(ProfileModel, "someone") is None  # the session's emulator answers
    with monkeypatch.context() as patch:
        patch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")  # nothing listens there
        reset_settings()
        bind_tables(load_settings())
        with pytest.raises(PynamoDBException, match="Could not connect to the endpoint URL"):
            read_item(ProfileModel, "someone")
    reset_settings()
    bind_tables(settings)
    assert read_item(ProfileModel, "someone") is None  # and back
