"""Fixtures shared by every layer: settings isolation, test tokens, and the running local stack."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from cognitojwt import jwt_sync

from chalicelib import bootstrap
from chalicelib.settings import reset_settings
from tests.builders import TEST_CLIENT_ID, TEST_POOL_ID, TEST_REGION, TokenFactory

REPO = Path(__file__).resolve().parents[1]


def _forget_cached_state() -> None:
    reset_settings()
    bootstrap.reset()
    jwt_sync.get_keys.cache_clear()


def settings_environment(jwks_path: Path) -> dict[str, str]:
    """The environment of in-process tests: a test user pool whose keys are in a local JWKS file."""
    return {
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": TEST_REGION, "AWS_REGION": TEST_REGION,
        "COGNITO_USER_POOL_ID": TEST_POOL_ID, "COGNITO_CLIENT_ID": TEST_CLIENT_ID,
        "AWS_COGNITO_JWKS_PATH": str(jwks_path), "TABLE_PREFIX": "mm-test-",
    }


@pytest.fixture
def test_env(monkeypatch, tmp_path):
    """Settings for in-process tests, read afresh by every test."""
    values = settings_environment(tmp_path / "jwks.json")
    for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_PROFILE", "COGNITO_ISSUER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    _forget_cached_state()
    yield values
    _forget_cached_state()


@pytest.fixture
def tokens(test_env) -> TokenFactory:
    return TokenFactory(jwks_path=Path(test_env["AWS_COGNITO_JWKS_PATH"]))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class LocalStack:
    site_url: str
    api_url: str
    moto_url: str
    region: str
    user_pool_id: str
    user_pool_client_id: str
    table_prefix: str
    demo_user: str
    demo_admin: str
    demo_password: str
    oidc_url: str  # the LinkedIn stand-in (Cognito's hosted endpoints, locally)
    api_origin: str = ""  # the API itself (the site serves it at api_url)


@pytest.fixture(scope="session")
def local_stack(tmp_path_factory) -> LocalStack:
    """The whole local stack, started once per test session as 'make run' starts it, with 4 API
    processes instead of 16: the tests send a few requests at once (16 in the concurrency test,
    which then queue), and each process costs CPU to warm up and to stop, on both test workers."""
    ready = tmp_path_factory.mktemp("stack") / "ready.json"
    log = open(tmp_path_factory.mktemp("stack-log") / "stack.log", "w")
    command = [sys.executable, "-m", "infra.local.stack", "--moto-port", str(free_port()),
               "--api-port", str(free_port()), "--site-port", str(free_port()),
               "--oidc-port", str(free_port()),
               "--people", "60", "--api-workers", "4", "--ready-file", str(ready)]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "COGNITO_"))}
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while not ready.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                raise RuntimeError(f"local stack did not start:\n{Path(log.name).read_text()[-4000:]}")
            time.sleep(0.3)
        yield LocalStack(**json.loads(ready.read_text()))
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
