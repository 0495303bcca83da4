"""Schemathesis fuzzes the published contract (every operation, all checks) in process, over the
in-memory composition root: 0 server errors and 0 schema violations, as a normal user and as an
administrator."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from app import app
from chalicelib import bootstrap
from chalicelib.bootstrap import assemble
from chalicelib.settings import load_settings
from infra.local.wsgi import ChaliceWSGI
from tests.builders import TEST_ORGANISATIONS
from tests.fakes import in_memory_adapters
from tests.people import InMemoryPool, People

wsgi = ChaliceWSGI(app, mount="/api")  # as the site serves it
# Every check runs. Schema-valid data may still be refused with 400/404/409: the rules that JSON
# Schema cannot state (the organisation must exist, the text rule's Unicode categories and
# normalised lengths, no web addresses in names) are checked by the API, which says which field.
CONFIG = schemathesis.Config.from_dict({"checks": {"positive_data_acceptance": {
    "expected-statuses": ["2xx", "400", "401", "403", "404", "409", "429"]}}})
schema = schemathesis.openapi.from_wsgi("/openapi.json", wsgi, config=CONFIG)


CASES = {"user": 0, "admin": 0}


@pytest.fixture(scope="module", autouse=True)
def _report_cases():
    yield
    print(f"\nschemathesis: {CASES['user']} cases as a user, {CASES['admin']} as an administrator")


@pytest.fixture
def world(test_env, tokens):
    built = assemble(load_settings(), in_memory_adapters(TEST_ORGANISATIONS))
    bootstrap.use(built)
    people = People(tokens, InMemoryPool(built.adapters.directory))
    yield {"user": people.token(), "admin": people.token(admin=True)}
    bootstrap.reset()


@pytest.mark.parametrize("who", ["user", "admin"])
@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_the_api_keeps_its_contract(case, world, who):
    CASES[who] += 1
    case.call_and_validate(headers={"Authorization": f"Bearer {world[who]}"})
