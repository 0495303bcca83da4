"""Unit layer: pure logic and the services over in-memory adapters. No network: any socket fails the test."""

import pytest
from pytest_socket import disable_socket, enable_socket


@pytest.fixture(autouse=True)
def _no_network():
    disable_socket(allow_unix_socket=True)  # the unit layer must not need a server, emulated or real
    yield
    enable_socket()
