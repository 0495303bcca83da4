"""Only requests through CloudFront (carrying its secret X-Origin-Verify header) reach the routes."""

import dataclasses

import pytest

from chalicelib import bootstrap
from chalicelib.web.edge import came_through_cloudfront

SECRET = "s" * 40


@pytest.fixture
def guarded(services):
    bootstrap.use(dataclasses.replace(services, settings=dataclasses.replace(services.settings,
                                                                               origin_verify_secret=SECRET)))


def test_a_request_without_the_cloudfront_header_is_refused_before_any_route_runs(api, guarded):
    for method, path in (("GET", "/health"), ("GET", "/organisations"), ("POST", "/session")):
        reply = api.call(method, path)
        assert reply.status == 403, path
        assert reply.body == {"error": {"code": "forbidden", "message": "Use the service's own address."}}


def test_a_request_with_a_wrong_header_is_refused_and_with_the_right_one_served(api, guarded):
    assert api.call("GET", "/health", headers={"X-Origin-Verify": "guess"}).status == 403
    assert api.call("GET", "/health", headers={"X-Origin-Verify": SECRET}).status == 200


def test_without_a_secret_set_nothing_is_checked(api):
    assert api.call("GET", "/health").status == 200


def test_the_comparison_needs_the_exact_value():
    assert came_through_cloudfront({"x-origin-verify": SECRET}, SECRET)
    assert not came_through_cloudfront({"x-origin-verify": SECRET[:-1]}, SECRET)
    assert not came_through_cloudfront({}, SECRET)
    assert came_through_cloudfront({}, "")
