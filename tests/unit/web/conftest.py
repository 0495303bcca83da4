"""The app through Chalice's test client over the in-memory composition root: no AWS, no network.

For route behaviour (authorisation, validation, replies); persistence itself is tested against
moto in tests/integration.
"""

import pytest
from chalice.test import Client

from app import app
from chalicelib import bootstrap
from chalicelib.bootstrap import Services, assemble
from chalicelib.settings import load_settings
from tests.app_client import AppClient
from tests.builders import TEST_ORGANISATIONS, TokenFactory
from tests.fakes import in_memory_adapters
from tests.people import InMemoryPool, People


@pytest.fixture
def services(test_env, tokens: TokenFactory) -> Services:
    built = assemble(load_settings(), in_memory_adapters(TEST_ORGANISATIONS, mint=tokens.mint))
    bootstrap.use(built)
    yield built
    bootstrap.reset()


@pytest.fixture
def api(services) -> AppClient:
    with Client(app) as client:
        yield AppClient(client)


@pytest.fixture
def people(services: Services, tokens: TokenFactory) -> People:
    return People(tokens, InMemoryPool(services.adapters.directory))
