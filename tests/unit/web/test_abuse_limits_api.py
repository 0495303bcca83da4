"""Per-person limits on requests, messages and reports: 429 with Retry-After, in the error shape;
organisation domains that prove nothing are refused; a spoofed address header is not believed."""

import pytest

from chalicelib.limits.domain import Limit
from tests.unit.web.world import make_world, mentor


def limit_of(services, action, count):
    old = services.journey.limits.limits[action]
    services.journey.limits.limits[action] = Limit(count, old.window, old.message)


def assert_limited(reply):
    assert reply.status == 429, reply.body
    assert reply.body["error"]["code"] == "too_many_requests"
    assert int(reply.headers["Retry-After"]) == reply.body["error"]["retry_after"] >= 1


def test_messages_beyond_the_limit_get_429_with_retry_after(api, people, services):
    world = make_world(api, people)
    limit_of(services, "message", 3)
    path = f"/mentorships/{world.mentorship_id}/messages"
    for n in range(3):
        assert api.call("POST", path, world.mentee.token, {"body": f"Message {n}"}).status == 201
    assert_limited(api.call("POST", path, world.mentee.token, {"body": "One too many"}))
    assert api.call("POST", path, world.mentor.token, {"body": "The other person is not limited"}).status == 201


def test_requests_beyond_the_limit_get_429(api, people, services):
    world = make_world(api, people)
    limit_of(services, "request", 1)
    another = mentor(api, people, "Another Mentor")
    assert_limited(api.call("POST", "/mentorships", world.mentee.token,
                            {"mentor_id": another.user_id, "message": "And you?"}))


def test_reports_beyond_the_limit_get_429(api, people, services):
    world = make_world(api, people)
    limit_of(services, "report", 1)
    body = {"user_id": world.mentor.user_id, "reason": "Rude"}
    assert api.call("POST", "/reports", world.other.token, body).status == 201
    assert_limited(api.call("POST", "/reports", world.other.token, body))


@pytest.mark.parametrize("domain", ["gmail.com", "*.gmail.com", "hotmail.co.uk", "github.io", "co.uk", "*.gov.uk"])
def test_an_organisation_cannot_claim_webmail_or_public_suffix_domains(api, people, domain):
    body = {"id": "open-to-all", "name": "Open to all", "kind": "external", "domains": [domain]}
    reply = api.call("POST", "/organisations", people.token(admin=True), body)
    assert reply.status == 400
    assert "domains" in reply.body["error"]["fields"]


def test_rotating_the_viewer_address_header_does_not_escape_the_address_limit(api, people, services):
    from chalicelib.invitations.ratelimit import SLOW_DOWN, WINDOW, CodeGuard
    services.__dict__["invitations"] = services.invitations.__class__(
        **{**services.invitations.__dict__, "guard": CodeGuard(Limit(100, WINDOW, SLOW_DOWN), Limit(3, WINDOW, SLOW_DOWN))})
    statuses = [api.call("GET", "/invitations/" + "A" * 43,
                         headers={"CloudFront-Viewer-Address": f"198.51.100.{n}:443"}).status for n in range(5)]
    assert statuses == [404, 404, 429, 429, 429]
